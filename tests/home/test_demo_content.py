from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page, Site

import pytest
from bs4 import BeautifulSoup

from cooperacion.models import CooperationAction, ResultPage, ResultRecord, StrategyPage
from home.models import Footer, HomePage
from search.models import RecordEntry


def load(**options):
    call_command("load_demo_content", stdout=open("/dev/null", "w"), **options)


def counts():
    return {
        "es": Page.objects.filter(locale__language_code="es", depth__gt=1).count(),
        "en": Page.objects.filter(locale__language_code="en").count(),
        "footers": Footer.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
class TestDemoContent:
    def test_builds_a_bilingual_site_served_in_both_languages(self, client):
        load(with_demo_users=True)
        site = Site.objects.get(is_default_site=True)
        assert isinstance(site.root_page.specific, HomePage)
        english = Locale.objects.get(language_code="en")
        spanish = Page.objects.filter(locale__language_code="es", depth__gt=1)
        assert spanish.count() >= 10
        for page in spanish:
            translation = page.get_translation_or_none(english)
            assert translation is not None and translation.live, page.title
            for url in (page.url, translation.url):
                assert client.get(url).status_code == 200, url
        spanish_home = BeautifulSoup(client.get("/es/").content, "html.parser")
        assert spanish_home.find("a", class_="button")["href"] == "/es/como-trabajamos/"
        highlights = [a["href"] for a in spanish_home.select(".card-grid .card__title a")]
        assert highlights == [
            "/es/como-trabajamos/",
            "/es/sistema-distrital-de-cooperacion/",
            "/es/asistencia-tecnica/",
        ]
        english_home = BeautifulSoup(client.get("/en/").content, "html.parser")
        assert english_home.find("a", class_="button")["href"] == "/en/how-we-work/"
        assert english_home.select(".card-grid .card__title a")[0].get_text() == "How we work"

    def test_demo_records_are_searchable(self, client):
        load()
        public = CooperationAction.objects.public().count()
        assert public > 100
        page = BeautifulSoup(client.get("/es/cooperacion/buscar/").content, "html.parser")
        assert page.select_one("[role=status]").get_text(strip=True) == f"{public} registros encontrados"

    def test_publishes_the_strategy_and_a_dozen_results_in_both_languages(self, client):
        load()
        for language in ("es", "en"):
            strategies = StrategyPage.objects.live().filter(locale__language_code=language)
            results = ResultPage.objects.live().filter(locale__language_code=language)
            assert strategies.count() == 1 and results.count() == 12
            for page in [strategies.get(), *results]:
                assert client.get(page.url).status_code == 200, page.url
            linked = ResultRecord.objects.filter(page__locale__language_code=language)
            assert linked.exists()
            assert all(link.action.live and link.action.publication_authorised for link in linked)

    def test_an_older_demo_database_gets_its_search_index(self):
        load()
        RecordEntry.objects.all().delete()
        load()
        assert RecordEntry.objects.count() == CooperationAction.objects.public().count()

    def test_running_again_duplicates_nothing(self):
        load(with_demo_users=True)
        before = counts()
        load(with_demo_users=True)
        assert counts() == before

    def test_running_again_keeps_editors_changes(self):
        load()
        page = Page.objects.get(slug="como-trabajamos").specific
        page.title = "Cómo trabaja la Consejería"
        page.save_revision().publish()
        load()
        assert Page.objects.get(slug="como-trabajamos").title == "Cómo trabaja la Consejería"

    def test_demo_users_only_when_asked_for(self, settings):
        settings.DEBUG = False
        load()
        assert not get_user_model().objects.filter(username="admin").exists()
        load(with_demo_users=True)
        User = get_user_model()
        assert User.objects.get(username="admin").is_superuser
        assert User.objects.get(username="editora").groups.filter(name="Editors").exists()
        assert User.objects.get(username="moderador").groups.filter(name="Moderators").exists()
        assert User.objects.get(username="enlace").groups.filter(name="Enlaces de entidades").exists()
        assert User.objects.get(username="editora").check_password("demo-editora-2026")

    def test_demo_admin_can_open_the_wagtail_admin(self, client):
        load(with_demo_users=True)
        assert client.login(username="admin", password="demo-admin-2026")
        assert client.get("/admin/").status_code == 200

    def test_demo_liaison_works_on_their_entitys_records_only(self, client):
        from cooperacion.models import CooperationAction, DistrictEntity

        load(with_demo_users=True)
        assert client.login(username="enlace", password="demo-enlace-2026")
        listing = client.get("/admin/cooperacion/acciones/")
        assert listing.status_code == 200
        education = CooperationAction.objects.for_entity(DistrictEntity.objects.get(acronym="SED"))
        assert listing.context["page_obj"].paginator.count == education.count() > 0
