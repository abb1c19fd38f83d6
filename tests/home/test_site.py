import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from django.template.loader import render_to_string

import pytest
from bs4 import BeautifulSoup

from tests.conftest import publish, translate
from tests.home.factories import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.django_db
class TestLanguageRouting:
    def test_root_redirects_to_spanish_by_default(self, client, bilingual_site):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/es/"

    def test_root_redirects_to_the_visitors_language(self, client, bilingual_site):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        assert response["Location"] == "/en/"

    def test_unsupported_language_gets_spanish(self, client, bilingual_site):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/es/"

    def test_translated_urls_for_site_views(self, client, bilingual_site):
        assert client.get("/es/buscar/").status_code == 200
        assert client.get("/en/search/").status_code == 200
        assert client.get("/es/mapa-del-sitio/").status_code == 200
        assert client.get("/en/site-map/").status_code == 200


@pytest.mark.django_db
class TestHealth:
    def test_healthy_portal_answers_200_with_json(self, client, bilingual_site):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {
            "status": "ok",
            "database": "ok",
            "search": {"backend": "database", "status": "ok"},
        }
        assert "no-cache" in response["Cache-Control"]

    def test_unreachable_database_answers_503(self):
        # A real connection attempt to a port where no database listens.
        script = (
            "import django; django.setup();"
            "from django.test import Client;"
            "r = Client().get('/healthz');"
            "print(r.status_code, r.json()['database'], r.json()['status'])"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "portal.settings.test",
                "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.split() == ["503", "unavailable", "error"], result.stderr


@pytest.mark.django_db
class TestSitemapAndRobots:
    def test_sitemap_lists_both_languages_with_alternates(self, client, bilingual_site):
        page = StandardPageFactory(parent=bilingual_site.home, slug="estrategia")
        publish(page)
        translate(page, bilingual_site.english, slug="strategy", title="Strategy")
        StandardPageFactory(parent=bilingual_site.home, slug="borrador", live=False)

        index = ET.fromstring(client.get("/sitemap.xml").content)
        sections = [
            item.findtext("s:loc", namespaces=SITEMAP_NS) for item in index.findall("s:sitemap", SITEMAP_NS)
        ]
        assert sections == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-records.xml"]
        response = client.get("/sitemap-pages.xml")
        assert response.status_code == 200
        tree = ET.fromstring(response.content)
        locations = {
            url.findtext("s:loc", namespaces=SITEMAP_NS) for url in tree.findall("s:url", SITEMAP_NS)
        }
        assert locations == {
            "http://testserver/es/",
            "http://testserver/en/",
            "http://testserver/es/estrategia/",
            "http://testserver/en/strategy/",
        }
        entry = next(
            url
            for url in tree.findall("s:url", SITEMAP_NS)
            if url.findtext("s:loc", namespaces=SITEMAP_NS) == "http://testserver/es/estrategia/"
        )
        alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)}
        assert alternates == {
            "es": "http://testserver/es/estrategia/",
            "en": "http://testserver/en/strategy/",
        }

    def test_the_records_sitemap_lists_public_sheets_in_both_languages(self, client, bilingual_site):
        from tests.cooperacion.factories import CooperationActionFactory

        public = CooperationActionFactory()
        CooperationActionFactory(live=False)
        CooperationActionFactory(
            publication_authorised=False, authorisation_date=None, authorisation_scope=""
        )
        tree = ET.fromstring(client.get("/sitemap-records.xml").content)
        locations = {
            url.findtext("s:loc", namespaces=SITEMAP_NS) for url in tree.findall("s:url", SITEMAP_NS)
        }
        assert locations == {
            f"http://testserver/es/cooperacion/registro/{public.pk}/",
            f"http://testserver/en/cooperation/record/{public.pk}/",
        }

    def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(self, client, bilingual_site):
        response = client.get("/robots.txt")
        assert response["Content-Type"].startswith("text/plain")
        body = response.content.decode()
        assert "Disallow: /admin/" in body
        assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
class TestErrorPages:
    def test_404_page_in_the_visitors_language(self, client, bilingual_site):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        html = BeautifulSoup(response.content, "html.parser")
        assert html.h1.get_text(strip=True) == "Page not found"
        assert html.find("a", string="Search the portal")["href"] == "/en/search/"

    def test_500_page_renders_without_the_database(self, django_assert_num_queries):
        with django_assert_num_queries(0):
            html = render_to_string("500.html")
        assert "Tuvimos un problema" in html and "Something went wrong" in html


@pytest.mark.django_db
class TestSiteMapPage:
    def test_lists_sections_of_the_visitors_language(self, client, bilingual_site):
        section = StandardPageFactory(parent=bilingual_site.home, title="Cómo trabajamos", slug="como")
        publish(section)
        StandardPageFactory(parent=bilingual_site.home, title="Oculta", slug="oculta", live=False)
        html = BeautifulSoup(client.get("/es/mapa-del-sitio/").content, "html.parser")
        titles = [a.get_text(strip=True) for a in html.find("ul", class_="site-map").find_all("a")]
        assert titles == ["Inicio", "Cómo trabajamos"]
