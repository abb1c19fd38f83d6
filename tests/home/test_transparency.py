"""The transparency section (Ley 1712 de 2014, Resolución 1519 de 2020): items that apply publish
their information, items that do not say why; the menu as a page tree and as JSON; the footer link."""

import json
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from home import demo
from home.models import HomePage, TransparencyCategoryPage, TransparencyIndexPage, TransparencyItemPage
from home.transparency_items import CATEGORIES, ITEMS, number_key
from tests.conftest import publish, translate
from tests.home.factories import (
    StandardPageFactory,
    TransparencyCategoryPageFactory,
    TransparencyIndexPageFactory,
    TransparencyItemPageFactory,
)


def links(*values):
    return json.dumps([{"type": "link", "value": value} for value in values])


@pytest.fixture
def section(bilingual_site):
    """A small bilingual tree: category 1 with an item that applies (content and links) and one
    that does not; category 10 with an item that does not."""
    site = bilingual_site
    english = site.english
    how = publish(StandardPageFactory(parent=site.home, title="Cómo trabajamos", slug="como-trabajamos"))
    how_en = translate(how, english, title="How we work", slug="how-we-work")
    index = publish(TransparencyIndexPageFactory(parent=site.home))
    index_en = translate(
        index, english, title="Transparency and access to public information", slug="transparency"
    )
    first = publish(
        TransparencyCategoryPageFactory(
            parent=index, number="1", title="Información de la entidad", slug="informacion-de-la-entidad"
        )
    )
    translate(first, english, title="Information about the entity", slug="information-about-the-entity")
    tenth = publish(
        TransparencyCategoryPageFactory(
            parent=index, number="10", title="Información tributaria", slug="informacion-tributaria"
        )
    )
    translate(tenth, english, title="Tax information", slug="tax-information")
    mission = publish(
        TransparencyItemPageFactory(
            parent=first,
            number="1.1",
            title="Misión, visión, funciones y deberes",
            slug="mision",
            links=links(
                {"page": how.pk, "url": "", "title": "", "description": "El ciclo de la gestión."},
                {
                    "page": None,
                    "url": "https://secretariageneral.gov.co/",
                    "title": "Secretaría General",
                    "description": "",
                },
                {"page": None, "url": "/es/datos-abiertos/", "title": "Datos abiertos", "description": ""},
            ),
        )
    )
    translate(mission, english, title="Mission, vision, functions and duties", slug="mission")
    cvs = publish(
        TransparencyItemPageFactory(
            parent=first,
            number="1.14",
            title="Publicación de hojas de vida",
            slug="hojas-de-vida",
            not_applicable=True,
        )
    )
    translate(cvs, english, title="Publication of CVs", slug="cvs")
    taxes = publish(
        TransparencyItemPageFactory(
            parent=tenth,
            number="10.1",
            title="Recaudo de rentas locales",
            slug="recaudo",
            not_applicable=True,
        )
    )
    translate(taxes, english, title="Local revenue collection", slug="revenue")
    return SimpleNamespace(
        site=site,
        index=index,
        index_en=index_en,
        first=first,
        tenth=tenth,
        mission=mission,
        cvs=cvs,
        how_en=how_en,
    )


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class TestPageCreationRules(WagtailPageTestCase):
    def test_the_tree_is_index_then_categories_then_items(self):
        self.assertAllowedParentPageTypes(TransparencyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TransparencyIndexPage, {TransparencyCategoryPage})
        self.assertAllowedParentPageTypes(TransparencyCategoryPage, {TransparencyIndexPage})
        self.assertAllowedSubpageTypes(TransparencyCategoryPage, {TransparencyItemPage})
        self.assertAllowedParentPageTypes(TransparencyItemPage, {TransparencyCategoryPage})
        self.assertAllowedSubpageTypes(TransparencyItemPage, set())


class TestItemRules:
    def build(self, **fields):
        return TransparencyItemPageFactory.build(**fields)

    def test_an_item_that_applies_needs_content_or_a_link(self, db):
        item = self.build(body="[]")
        with pytest.raises(ValidationError) as error:
            item.clean()
        assert "Un ítem que aplica publica la información" in error.value.message_dict["body"][0]

        self.build().clean()  # content alone
        self.build(
            body="[]",
            links=links({"page": None, "url": "https://example.org/", "title": "Dónde", "description": ""}),
        ).clean()  # a link alone

    def test_an_item_that_does_not_apply_needs_a_reason_and_its_legal_basis(self, db):
        item = self.build(applies=False, body="[]")
        with pytest.raises(ValidationError) as error:
            item.clean()
        assert set(error.value.message_dict) == {"not_applicable_reason", "legal_basis"}
        assert "Explique por qué" in error.value.message_dict["not_applicable_reason"][0]

        self.build(not_applicable=True).clean()

    def test_an_item_is_one_or_the_other(self, db):
        with pytest.raises(ValidationError) as error:
            self.build(
                not_applicable=True, body=json.dumps([{"type": "paragraph", "value": "<p>Texto.</p>"}])
            ).clean()
        assert "no publica contenido" in error.value.message_dict["body"][0]
        with pytest.raises(ValidationError) as error:
            self.build(not_applicable_reason="Algo que sobra.").clean()
        assert "borre el motivo" in error.value.message_dict["not_applicable_reason"][0]

    def test_the_database_refuses_an_item_that_does_not_apply_without_a_reason(self, section):
        with pytest.raises(IntegrityError), transaction.atomic():
            TransparencyItemPage.objects.filter(pk=section.mission.pk).update(applies=False)

    def test_a_link_is_a_page_or_an_address_with_its_text(self):
        block = TransparencyItemPage._meta.get_field("links").stream_block.child_blocks["link"]
        value = {"page": None, "url": "", "title": "", "description": ""}
        for wrong in (value, {**value, "url": "ftp://example.org/"}, {**value, "url": "/es/datos-abiertos/"}):
            with pytest.raises(ValidationError):
                block.clean(block.to_python(wrong))
        block.clean(block.to_python({**value, "url": "/es/datos-abiertos/", "title": "Datos abiertos"}))


class TestAdminForm:
    @pytest.fixture
    def editor(self, client, db):
        client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "x"))
        return client

    def post_item(self, client, category, **fields):
        data = nested_form_data(
            {
                "title": "Ítem nuevo",
                "slug": "item-nuevo",
                "number": "1.2",
                "applies": "on",
                "body": streamfield([]),
                "links": streamfield([]),
                "not_applicable_reason": "",
                "legal_basis": "",
                "last_reviewed": "2026-01-15",
                **fields,
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("home", "transparencyitempage", category.pk))
        return client.post(url, data)

    def errors(self, response):
        return response.context["form"].errors

    def test_the_editor_is_told_what_is_missing(self, editor, section):
        errors = self.errors(self.post_item(editor, section.first))
        assert "Un ítem que aplica publica la información" in errors["body"][0]

        errors = self.errors(self.post_item(editor, section.first, applies=""))
        assert "Explique por qué" in errors["not_applicable_reason"][0]
        assert "Cite la norma" in errors["legal_basis"][0]

    def test_numbers_follow_the_category_and_are_not_repeated(self, editor, section):
        errors = self.errors(self.post_item(editor, section.first, number="2.1"))
        assert "empieza por «1.»" in errors["number"][0]
        errors = self.errors(self.post_item(editor, section.first, number="1.1"))
        assert "Ya hay otra página con el número 1.1" in errors["number"][0]

    def test_a_complete_item_is_created(self, editor, section):
        response = self.post_item(
            editor,
            section.first,
            applies="",
            not_applicable_reason="No corresponde a la Consejería.",
            legal_basis="Ley 1712 de 2014",
        )
        assert response.status_code == 302
        assert TransparencyItemPage.objects.child_of(section.first).filter(number="1.2").exists()


class TestPages:
    def test_every_page_answers_in_both_languages(self, client, section):
        for page in Page.objects.type(
            TransparencyIndexPage, TransparencyCategoryPage, TransparencyItemPage
        ).specific():
            assert client.get(page.url).status_code == 200, page.url
        assert client.get("/en/transparency/information-about-the-entity/mission/").status_code == 200

    def test_the_index_shows_the_whole_menu_and_links_its_json(self, client, section):
        page = soup(client.get("/es/transparencia/"))
        headings = [h.get_text(strip=True) for h in page.select(".transparency-category h2")]
        assert headings == ["1. Información de la entidad", "10. Información tributaria"]
        rows = [li.get_text(" ", strip=True) for li in page.select(".transparency-items__item")]
        assert rows == [
            "1.1 Misión, visión, funciones y deberes Aplica",
            "1.14 Publicación de hojas de vida No aplica",
            "10.1 Recaudo de rentas locales No aplica",
        ]
        assert page.find("link", type="application/json")["href"] == "/es/transparencia/items.json"
        english = soup(client.get("/en/transparency/"))
        assert english.find("a", type="application/json")["href"] == "/en/transparency/items.json"

    def test_a_category_lists_its_items_in_the_standards_order_with_a_badge(self, client, section):
        for number in ("1.2", "1.10", "1.9"):
            publish(TransparencyItemPageFactory(parent=section.first, number=number))
        page = soup(client.get(section.first.url))
        numbers = [n.get_text() for n in page.select(".transparency-items__number")]
        assert numbers == ["1.1", "1.2", "1.9", "1.10", "1.14"]
        badges = [b.get_text() for b in page.select(".transparency-badge")]
        assert badges == ["Aplica", "Aplica", "Aplica", "Aplica", "No aplica"]

    def test_an_item_that_applies_shows_where_the_information_is(self, client, section):
        page = soup(client.get("/en/transparency/information-about-the-entity/mission/"))
        assert "La información del ítem." in page.select_one("main").get_text()
        found = [(a.get_text(), a["href"]) for a in page.select(".transparency-item__links a")]
        # A chosen page is shown in the visitor's language.
        assert found == [
            ("How we work", "/en/how-we-work/"),
            ("Secretaría General", "https://secretariageneral.gov.co/"),
            ("Datos abiertos", "/es/datos-abiertos/"),
        ]

    def test_an_item_that_does_not_apply_says_why_and_on_what_basis(self, client, section):
        page = soup(client.get(section.cvs.url))
        box = page.select_one(".transparency-item__not-applicable").get_text(" ", strip=True)
        assert "La Consejería no administra tributos." in box
        assert "Fundamento jurídico: Decreto Distrital 601 de 2014" in box
        assert page.select_one(".transparency-badge").get_text() == "No aplica"

    def test_a_category_costs_the_same_queries_with_many_items(
        self, client, section, django_assert_max_num_queries
    ):
        url = section.first.url
        client.get(url)  # warm the per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        budget = len(few.captured_queries)  # read from the connection's log, which a request resets
        for number in range(2, 14):
            publish(TransparencyItemPageFactory(parent=section.first, number=f"1.{number}"))
        client.get(url)  # publishing starts a new generation: the site frame is kept again
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert len(soup(response).select(".transparency-items__item")) == 14


class TestMachineReadableList:
    def test_lists_every_item_with_its_urls_in_both_languages(self, client, section):
        response = client.get("/es/transparencia/items.json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert data["language"] == "es"
        assert data["url"] == "http://testserver/es/transparencia/"
        assert data["urls"] == {
            "es": "http://testserver/es/transparencia/",
            "en": "http://testserver/en/transparency/",
        }
        assert [c["number"] for c in data["categories"]] == ["1", "10"]
        assert [item["number"] for item in data["items"]] == ["1.1", "1.14", "10.1"]
        mission, cvs, taxes = data["items"]
        assert mission == {
            "number": "1.1",
            "title": "Misión, visión, funciones y deberes",
            "category": "1",
            "category_title": "Información de la entidad",
            "applies": True,
            "url": "http://testserver/es/transparencia/informacion-de-la-entidad/mision/",
            "urls": {
                "es": "http://testserver/es/transparencia/informacion-de-la-entidad/mision/",
                "en": "http://testserver/en/transparency/information-about-the-entity/mission/",
            },
            "last_reviewed": section.mission.last_reviewed.isoformat(),
        }
        assert cvs["applies"] is False
        assert cvs["not_applicable_reason"] == "La Consejería no administra tributos."
        assert cvs["legal_basis"] == "Decreto Distrital 601 de 2014"
        for item in data["items"]:
            for url in [item["url"], *item["urls"].values()]:
                assert client.get(urlsplit(url).path).status_code == 200, url

    def test_answers_in_the_language_of_its_address(self, client, section):
        data = client.get("/en/transparency/items.json").json()
        assert data["language"] == "en"
        assert data["items"][0]["title"] == "Mission, vision, functions and duties"
        assert data["items"][0]["url"] == data["items"][0]["urls"]["en"]
        assert data["categories"][1]["title"] == "Tax information"

    def test_leaves_out_drafts(self, client, section):
        section.cvs.unpublish()
        numbers = [item["number"] for item in client.get("/es/transparencia/items.json").json()["items"]]
        assert numbers == ["1.1", "10.1"]

    def test_caches_like_the_pages(self, client, section, settings):
        settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_SHARED_MAX_AGE = 120, 900
        response = client.get("/es/transparencia/items.json")
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=120", "s-maxage=900"}
        assert "public" not in client.get("/es/transparencia/otra.json").get("Cache-Control", "")
        assert client.get("/es/transparencia/otra.json").status_code == 404

    def test_publishing_an_item_purges_the_list(self, section, settings, purge_server):
        url, purged = purge_server
        settings.WAGTAILFRONTENDCACHE = {
            "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
        }
        publish(TransparencyItemPageFactory(parent=section.first, number="1.2"))
        assert {"/es/transparencia/items.json", "/es/transparencia/informacion-de-la-entidad/"} <= set(purged)


class TestFooterLink:
    def test_every_page_links_the_section_in_its_language(self, client, section):
        spanish = "Transparencia y acceso a la información pública"
        english = "Transparency and access to public information"
        for url, expected, text in (
            ("/es/", "/es/transparencia/", spanish),
            ("/en/", "/en/transparency/", english),
            ("/en/how-we-work/", "/en/transparency/", english),
            (reverse("search"), "/es/transparencia/", spanish),
        ):
            footer = soup(client.get(url)).select_one(".site-footer")
            link = footer.find("a", string=text)
            assert link is not None and link["href"] == expected, url

    def test_falls_back_to_spanish_while_english_has_no_section(self, client, section):
        section.index_en.unpublish()
        footer = soup(client.get("/en/")).select_one(".site-footer")
        assert footer.find("a", href="/es/transparencia/") is not None

    def test_no_link_without_a_section(self, client, bilingual_site):
        footer = soup(client.get("/es/")).select_one(".site-footer")
        assert "Transparencia" not in footer.get_text()


@pytest.mark.django_db
class TestDemoContent:
    """Loading the demo takes a while: each test loads it once and checks several things."""

    @pytest.fixture
    def demo_site(self):
        command = SimpleNamespace(create_demo_users=False, created=lambda what: None)
        demo.load(command)
        return command

    def test_answers_every_item_of_the_standard_in_both_languages(self, demo_site):
        english = Locale.objects.get(language_code="en")
        spanish_items = {
            item.number: item for item in TransparencyItemPage.objects.filter(locale__language_code="es")
        }
        assert set(spanish_items) == set(ITEMS)
        for number, standard in ITEMS.items():
            item = spanish_items[number]
            translation = item.get_translation(english).specific
            for page, title in ((item, standard.title_es), (translation, standard.title_en)):
                assert page.live and page.title == title and page.number == number
                page.full_clean()  # content or a reason, as the rules want
                if page.applies:
                    assert len(page.body) + len(page.links) > 0, number
                else:
                    assert page.not_applicable_reason and page.legal_basis, number
            assert item.applies == translation.applies, number
        categories = TransparencyCategoryPage.objects.filter(locale__language_code="es")
        assert sorted(categories.values_list("number", flat=True), key=number_key) == [
            c.number for c in CATEGORIES
        ]

        # The open-data item links the datasets and the DCAT catalogue in each language.
        for language, dataset in (("es", "/es/datos-abiertos/"), ("en", "/en/open-data/")):
            item = TransparencyItemPage.objects.get(number="7.2", locale__language_code=language)
            urls = [link.value["url"] for link in item.links]
            assert dataset in urls and "/data.json" in urls

        before = Page.objects.count()
        demo.load(demo_site)
        assert Page.objects.count() == before

    def test_every_demo_page_and_its_json_answer(self, client, demo_site):
        for language in ("es", "en"):
            index = TransparencyIndexPage.objects.get(locale__language_code=language)
            assert client.get(index.url).status_code == 200
            data = client.get(index.url + "items.json").json()
            assert len(data["items"]) == len(ITEMS)
            for entry in [*data["categories"], *data["items"]]:
                assert set(entry["urls"]) == {"es", "en"}
                assert client.get(urlsplit(entry["url"]).path).status_code == 200, entry["url"]
