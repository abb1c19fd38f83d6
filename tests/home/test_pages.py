import json

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from buenas_practicas.models import GoodPracticeIndexPage
from cooperacion.models import DashboardPage, DatasetPage, ResultsIndexPage, StrategyPage
from home.models import HomePage, NewsIndexPage, StandardPage, TransparencyIndexPage
from tests.conftest import publish, translate
from tests.home.factories import FooterFactory, StandardPageFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class TestPageCreationRules(WagtailPageTestCase):
    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                StrategyPage,
                ResultsIndexPage,
                GoodPracticeIndexPage,
                NewsIndexPage,
                TransparencyIndexPage,
                DashboardPage,
                DatasetPage,
            },
        )

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_a_standard_page_cannot_be_a_site_root(self):
        self.assertCanNotCreateAt(Page, StandardPage)


@pytest.fixture
def institutional(bilingual_site):
    page = StandardPageFactory(
        parent=bilingual_site.home,
        title="Sistema Distrital de Cooperación",
        slug="sistema",
        show_in_menus=True,
        introduction="Cómo se articulan las entidades.",
    )
    publish(page)
    page_en = translate(
        page,
        bilingual_site.english,
        title="District Cooperation System",
        slug="system",
        introduction="How the entities work together.",
        body=json.dumps([{"type": "paragraph", "value": "<p>In English.</p>"}]),
    )
    return page, page_en


@pytest.mark.django_db
class TestRendering:
    def test_spanish_home_renders_in_spanish(self, client, bilingual_site):
        response = client.get("/es/")
        assert response.status_code == 200
        html = soup(response)
        assert html.html["lang"] == "es"
        assert html.h1.get_text(strip=True) == "Bogotá coopera con el mundo"
        assert html.find("a", class_="skip-link").get_text(strip=True) == "Saltar al contenido principal"

    def test_english_home_renders_in_english(self, client, bilingual_site):
        response = client.get("/en/")
        assert response.status_code == 200
        html = soup(response)
        assert html.html["lang"] == "en"
        assert html.h1.get_text(strip=True) == "Bogotá cooperates with the world"
        assert html.find("a", class_="skip-link").get_text(strip=True) == "Skip to main content"

    def test_standard_page_in_both_languages(self, client, institutional):
        spanish = soup(client.get("/es/sistema/"))
        assert spanish.h1.get_text(strip=True) == "Sistema Distrital de Cooperación"
        assert "Cómo se articulan las entidades." in spanish.get_text()
        english = soup(client.get("/en/system/"))
        assert english.h1.get_text(strip=True) == "District Cooperation System"
        assert "In English." in english.get_text()

    def test_language_switcher_links_each_page_to_its_translation(self, client, institutional):
        html = soup(client.get("/es/sistema/"))
        switcher = html.find("nav", class_="language-switcher")
        assert switcher.find("a", hreflang="en")["href"] == "/en/system/"
        assert switcher.find("span", attrs={"aria-current": "true"}).get_text() == "Español"

    def test_language_switcher_falls_back_to_the_other_home(self, client, bilingual_site):
        untranslated = StandardPageFactory(parent=bilingual_site.home, slug="solo-espanol")
        publish(untranslated)
        html = soup(client.get("/es/solo-espanol/"))
        assert html.find("nav", class_="language-switcher").find("a", hreflang="en")["href"] == "/en/"

    def test_menu_breadcrumbs_and_current_section(self, client, institutional):
        page, _ = institutional
        child = StandardPageFactory(parent=page, title="Comité Estratégico", slug="comite")
        publish(child)
        html = soup(client.get("/es/sistema/comite/"))
        menu = html.find("nav", class_="main-nav")
        section = menu.find("a", string="Sistema Distrital de Cooperación")
        assert section["aria-current"] == "true"
        crumbs = [li.get_text(strip=True) for li in html.find("nav", class_="breadcrumbs").find_all("li")]
        assert crumbs == ["Inicio", "Sistema Distrital de Cooperación", "Comité Estratégico"]

    def test_draft_pages_are_not_served_or_listed(self, client, bilingual_site):
        draft = StandardPageFactory(
            parent=bilingual_site.home, slug="borrador", live=False, show_in_menus=True
        )
        assert client.get("/es/borrador/").status_code == 404
        assert draft.title not in client.get("/es/").content.decode()

    def test_home_lists_latest_published_pages(self, client, institutional):
        latest = soup(client.get("/es/")).find("ul", class_="latest-list").get_text()
        assert "Sistema Distrital de Cooperación" in latest
        assert "District Cooperation System" not in latest

    def test_footer_shows_contact_and_policies_in_the_visitors_language(self, client, bilingual_site):
        privacy = StandardPageFactory(
            parent=bilingual_site.home, title="Política de privacidad", slug="privacidad"
        )
        publish(privacy)
        translate(privacy, bilingual_site.english, title="Privacy policy", slug="privacy")
        footer = FooterFactory(locale=bilingual_site.spanish, privacy_page=privacy)
        english_footer = footer.copy_for_translation(bilingual_site.english)
        english_footer.heading = "Office of International Relations"
        english_footer.save()

        spanish = soup(client.get("/es/")).find("footer")
        assert "Oficina Consejería Distrital" in spanish.get_text()
        assert spanish.find("a", string="Política de privacidad")["href"] == "/es/privacidad/"
        english = soup(client.get("/en/")).find("footer")
        assert "Office of International Relations" in english.get_text()
        assert english.find("a", string="Privacy policy")["href"] == "/en/privacy/"
        assert english.find("a", string="Site map")["href"] == "/en/site-map/"


class TestRoutability(WagtailPageTestCase):
    @pytest.fixture(autouse=True)
    def _pages(self, institutional, bilingual_site):
        self.pages = [bilingual_site.home, bilingual_site.home_en, *institutional]

    def test_every_page_type_is_served_at_its_language_url(self):
        # assertPageIsRoutable does not strip the /es/ prefix of i18n_patterns, so route for real.
        for page in self.pages:
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)
            self.assertContains(response, f'<html lang="{page.locale.language_code}">')

    def test_every_page_type_is_renderable_and_previewable(self):
        for page in self.pages:
            self.assertPageIsRenderable(page)
            fields = {"title": page.title, "slug": page.slug, "body": streamfield([])}
            if isinstance(page.specific, HomePage):
                fields.update(hero_title=page.specific.hero_title, highlights=streamfield([]))
            self.assertPageIsPreviewable(page, post_data=nested_form_data(fields))
