"""The good-practice sheet: creation rules, the adaptation rule, rendering in both languages, the
related records' visibility, JSON-LD and the print layout."""

import json
import re
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from buenas_practicas.models import GoodPracticeAnnex, GoodPracticeIndexPage, GoodPracticePage, MipgPolicyCode
from cooperacion.models import DistrictEntity, Sector
from home.models import HomePage, StandardPage
from tests.buenas_practicas.factories import GoodPracticePageFactory
from tests.conftest import publish, translate
from tests.cooperacion.factories import CooperationActionFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(response):
    return json.loads(soup(response).find("script", type="application/ld+json").string)


class TestCreationRules(WagtailPageTestCase):
    def test_the_index_declares_a_home_page_as_its_only_parent(self):
        self.assertEqual(GoodPracticeIndexPage.clean_parent_page_models(), [HomePage])
        self.assertEqual(GoodPracticeIndexPage.max_count_per_parent, 1)

    def test_the_index_can_be_created_under_a_home_page(self):
        self.assertAllowedParentPageTypes(GoodPracticeIndexPage, {HomePage})

    def test_the_index_holds_sheets_only(self):
        self.assertAllowedSubpageTypes(GoodPracticeIndexPage, {GoodPracticePage})

    def test_sheets_live_in_the_index_and_hold_nothing(self):
        self.assertAllowedParentPageTypes(GoodPracticePage, {GoodPracticeIndexPage})
        self.assertAllowedSubpageTypes(GoodPracticePage, {})

    def test_sheets_cannot_be_created_elsewhere(self):
        self.assertCanNotCreateAt(Page, GoodPracticePage)
        self.assertCanNotCreateAt(HomePage, GoodPracticePage)
        self.assertCanNotCreateAt(StandardPage, GoodPracticePage)
        self.assertCanNotCreateAt(StandardPage, GoodPracticeIndexPage)


@pytest.mark.django_db
class TestAdaptationRule:
    def test_an_adaptation_must_name_the_entity(self, make_sheet):
        sheet = make_sheet()
        sheet.adapted_from_other_entity = True
        sheet.adapted_from_entity = "   "
        with pytest.raises(ValidationError) as error:
            sheet.full_clean()
        assert error.value.message_dict["adapted_from_entity"] == [
            "Indique de qué entidad se adaptó la buena práctica."
        ]

    def test_an_entity_without_the_adaptation_mark_is_refused(self, make_sheet):
        sheet = make_sheet()
        sheet.adapted_from_entity = "Secretaría Distrital de Planeación"
        with pytest.raises(ValidationError) as error:
            sheet.full_clean()
        assert "adapted_from_entity" in error.value.message_dict

    def test_an_adaptation_with_its_entity_is_valid_and_shown(self, client, make_sheet):
        sheet = make_sheet(
            slug="adaptada",
            adapted_from_other_entity=True,
            adapted_from_entity="Secretaría Distrital de Planeación",
        )
        sheet.full_clean()
        facts = (
            soup(client.get(sheet.url)).find("dl", class_="good-practice__facts").get_text(" ", strip=True)
        )
        assert "Adaptada de una práctica de Secretaría Distrital de Planeación" in facts

    def test_a_start_date_in_the_future_is_refused(self, make_sheet):
        sheet = make_sheet()
        sheet.start_date = date.today() + timedelta(days=30)
        with pytest.raises(ValidationError) as error:
            sheet.full_clean()
        assert "start_date" in error.value.message_dict

    def test_the_database_refuses_an_adaptation_without_entity(self, make_sheet):
        sheet = make_sheet()
        with pytest.raises(IntegrityError), transaction.atomic():
            GoodPracticePage.objects.filter(pk=sheet.pk).update(adapted_from_other_entity=True)


def general_secretariat():
    sector, _ = Sector.objects.get_or_create(name="Gestión Pública")
    return DistrictEntity.objects.get_or_create(
        acronym="SG", defaults={"name": "Secretaría General de la Alcaldía Mayor", "sector": sector}
    )[0]


def admin_form(index, **overrides):
    fields = {
        "title": "Ventanilla única de cooperación",
        "entity": general_secretariat().pk,
        "slug": "ventanilla-unica",
        "responsible_office": "Oficina Consejería Distrital de Relaciones Internacionales",
        "process": "Gestión de alianzas e internacionalización de Bogotá",
        "team": "",
        "start_date": "2024-05-02",
        "adapted_from_entity": "",
        "description": rich_text("<p>Una sola puerta para los aliados.</p>"),
        "baseline": rich_text("<p>Cada entidad respondía por su lado.</p>"),
        "target_population": "Aliados internacionales.",
        "scope": rich_text("<p>Un año.</p>"),
        "contribution": rich_text("<p>Respuestas coordinadas.</p>"),
        "dissemination": rich_text(""),
        "other_aspects": rich_text(""),
        "future_challenges": rich_text("<p>Sostenerla.</p>"),
        "sustainability": rich_text("<p>Está en el procedimiento.</p>"),
        "conclusions": rich_text("<p>Funciona.</p>"),
        "annexes": inline_formset([]),
        "related_records": inline_formset([]),
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    # Multiple-choice fields post one value per box, which nested_form_data does not build.
    data["mipg_policies"] = [MipgPolicyCode.TRANSPARENCY.value]
    data["sdgs"] = ["16"]
    data["action-publish"] = "1"
    return data


@pytest.mark.django_db
class TestEditorsForm:
    @pytest.fixture
    def editor(self, client, index):
        client.force_login(get_user_model().objects.create_superuser("editora-bp", "e@example.org", "x"))
        return client

    def add(self, client, index, **overrides):
        url = reverse("wagtailadmin_pages:add", args=["buenas_practicas", "goodpracticepage", index[0].pk])
        return client.post(url, admin_form(index, **overrides))

    def test_the_editor_follows_the_forms_sections_in_tabs(self, editor, index, make_sheet):
        sheet = make_sheet()
        response = editor.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk]))
        assert response.status_code == 200
        # Each tab's label is followed by its error counter, "( )" while there are none.
        tabs = [
            re.sub(r"\s*\(\s*\d*\s*\)$", "", tab.get_text(" ", strip=True))
            for tab in soup(response).select('[role="tab"]')
        ]
        assert tabs[:4] == [
            "Información general",
            "Identificación de la buena práctica",
            "Resultados y sostenibilidad",
            "Anexos y relaciones",
        ]

    def test_an_editor_publishes_a_sheet(self, editor, index):
        response = self.add(editor, index)
        assert response.status_code == 302
        sheet = GoodPracticePage.objects.get(slug="ventanilla-unica")
        assert sheet.live
        assert list(sheet.mipg_policies.values_list("code", flat=True)) == ["transparencia"]
        assert list(sheet.sdgs.values_list("number", flat=True)) == [16]

    def test_an_adaptation_without_entity_is_answered_with_a_message(self, editor, index):
        response = self.add(editor, index, adapted_from_other_entity="on")
        assert response.status_code == 200
        assert "Indique de qué entidad se adaptó la buena práctica." in response.content.decode()
        assert not GoodPracticePage.objects.filter(slug="ventanilla-unica").exists()

    def test_the_same_record_twice_is_answered_with_a_message(self, editor, index):
        record = CooperationActionFactory()
        rows = [{"id": "", "action": record.pk, "ORDER": 0}, {"id": "", "action": record.pk, "ORDER": 1}]
        response = self.add(editor, index, related_records=inline_formset(rows))
        assert response.status_code == 200
        assert "El mismo registro está dos veces" in response.content.decode()


@pytest.fixture
def records(db):
    return {
        "public": CooperationActionFactory(title="Alianza pública con la red", title_en="Public alliance"),
        "draft": CooperationActionFactory(title="Acción en borrador", live=False),
        "unauthorised": CooperationActionFactory(
            title="Acción sin autorización del aliado",
            publication_authorised=False,
            authorisation_date=None,
            authorisation_scope="",
        ),
    }


@pytest.fixture
def sheet(make_sheet, bilingual_site, records):
    page = make_sheet(
        title="Sistema de Información Bogotá Global",
        slug="globo",
        start_date=date(2024, 7, 14),
        policies=[MipgPolicyCode.KNOWLEDGE_AND_INNOVATION, MipgPolicyCode.TRANSPARENCY],
        sdgs=[11, 17],
        records=[records["draft"], records["public"], records["unauthorised"]],
    )
    page_en = translate(
        page,
        bilingual_site.english,
        title="Bogotá Global Information System",
        slug="globo-system",
        responsible_office="Office of International Relations of Bogotá",
        description="<p>One system for the District's international action.</p>",
    )
    return page, page_en


@pytest.mark.django_db
class TestRendering:
    def test_the_spanish_sheet_follows_the_forms_sections(self, client, sheet):
        response = client.get("/es/buenas-practicas/globo/")
        assert response.status_code == 200
        html = soup(response)
        assert html.html["lang"] == "es"
        assert html.h1.get_text(strip=True) == "Sistema de Información Bogotá Global"
        sections = [h2.get_text(strip=True) for h2 in html.select("article.good-practice h2")]
        assert sections[:5] == [
            "Información general",
            "Identificación de la buena práctica",
            "Contribución de la buena práctica",
            "Sostenibilidad de la buena práctica",
            "Conclusiones",
        ]
        facts = html.find("dl", class_="good-practice__facts").get_text(" ", strip=True)
        assert "Oficina Consejería Distrital de Relaciones Internacionales" in facts
        assert "Gestión del conocimiento y la innovación" in facts
        assert "Práctica propia, no adaptada de otra entidad" in facts
        assert "Un sistema que reúne la información" in html.get_text()
        goals = [li.get_text(strip=True) for li in html.select(".sdg-list li")]
        assert goals == [
            "ODS 11: Ciudades y comunidades sostenibles",
            "ODS 17: Alianzas para lograr los objetivos",
        ]

    def test_the_english_sheet_is_served_in_english(self, client, sheet):
        response = client.get("/en/good-practices/globo-system/")
        assert response.status_code == 200
        html = soup(response)
        assert html.html["lang"] == "en"
        assert html.h1.get_text(strip=True) == "Bogotá Global Information System"
        assert "One system for the District's international action." in html.get_text()
        assert "Office of International Relations of Bogotá" in html.get_text()
        assert html.find("h2", id="sdgs-title").get_text(strip=True) == "Sustainable Development Goals"
        assert "SDG 11: Sustainable cities and communities" in html.select_one(".sdg-list").get_text()
        switcher = html.find("nav", class_="language-switcher")
        assert switcher.find("a", hreflang="es")["href"] == "/es/buenas-practicas/globo/"

    def test_policy_and_goal_links_lead_to_the_filtered_index(self, client, sheet):
        html = soup(client.get("/es/buenas-practicas/globo/"))
        policy_links = [a["href"] for a in html.select(".good-practice__policies a")]
        assert "/es/buenas-practicas/?policy=transparencia" in policy_links
        assert html.select(".sdg-list a")[0]["href"] == "/es/buenas-practicas/?sdg=11"

    def test_annexes_are_listed_with_their_format(self, client, make_sheet, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        manual = wagtail_factories.DocumentFactory(
            title="Manual de usuario de GLOBO", file__filename="manual.pdf", file__data=b"%PDF-1.4"
        )
        slides = wagtail_factories.DocumentFactory(
            title="presentacion-2024", file__filename="presentacion.pptx", file__data=b"PK"
        )
        sheet = make_sheet(slug="con-anexos")
        sheet.annexes.add(GoodPracticeAnnex(document=manual))
        sheet.annexes.add(GoodPracticeAnnex(document=slides, title="Presentación ante la Mesa"))
        publish(sheet)
        html = soup(client.get("/es/buenas-practicas/con-anexos/"))
        annexes = [li.get_text(" ", strip=True) for li in html.select(".good-practice__annexes li")]
        assert annexes == ["Manual de usuario de GLOBO (PDF)", "Presentación ante la Mesa (PPTX)"]
        assert html.select_one(".good-practice__annexes a")["href"] == manual.url

    def test_drafts_are_not_served(self, client, index):
        draft = GoodPracticePageFactory(parent=index[0], slug="borrador", live=False)
        assert client.get("/es/buenas-practicas/borrador/").status_code == 404
        assert draft.title not in client.get("/es/buenas-practicas/").content.decode()


@pytest.mark.django_db
class TestRelatedRecords:
    @pytest.mark.parametrize("url", ["/es/buenas-practicas/globo/", "/en/good-practices/globo-system/"])
    def test_only_public_records_appear_on_the_sheet(self, client, sheet, records, url):
        html = soup(client.get(url))
        links = html.select(".good-practice__records a")
        assert [a["href"] for a in links] == [records["public"].get_absolute_url()]
        text = html.get_text()
        assert "Acción en borrador" not in text
        assert "Acción sin autorización del aliado" not in text

    def test_the_english_sheet_shows_the_records_english_title(self, client, sheet):
        html = soup(client.get("/en/good-practices/globo-system/"))
        assert html.select_one(".good-practice__records a").get_text(strip=True) == "Public alliance"

    def test_a_record_that_loses_its_authorisation_disappears(self, client, sheet, records):
        records["public"].publication_authorised = False
        records["public"].save()
        html = soup(client.get("/es/buenas-practicas/globo/"))
        assert html.select_one(".good-practice__records") is None
        assert "Alianza pública con la red" not in html.get_text()

    def test_a_sheet_without_public_records_has_no_records_section(self, client, make_sheet, records):
        make_sheet(slug="sin-registros", records=[records["draft"]])
        html = soup(client.get("/es/buenas-practicas/sin-registros/"))
        assert html.find(id="records-title") is None


@pytest.mark.django_db
class TestStructuredData:
    def test_the_sheet_is_a_creative_work_by_its_office(self, client, sheet):
        data = json_ld(client.get("/es/buenas-practicas/globo/"))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "CreativeWork"
        assert data["name"] == "Sistema de Información Bogotá Global"
        assert data["url"] == "http://testserver/es/buenas-practicas/globo/"
        assert data["dateCreated"] == "2024-07-14"
        assert data["inLanguage"] == "es"
        assert data["description"].startswith("Un sistema que reúne la información")
        assert data["author"]["name"] == "Oficina Consejería Distrital de Relaciones Internacionales"
        assert data["publisher"] == data["author"]
        assert [goal["name"] for goal in data["about"]] == [
            "ODS 11: Ciudades y comunidades sostenibles",
            "ODS 17: Alianzas para lograr los objetivos",
        ]
        assert (
            "Transparencia, acceso a la información pública y lucha contra la corrupción" in data["keywords"]
        )

    def test_the_english_sheet_says_its_language(self, client, sheet):
        data = json_ld(client.get("/en/good-practices/globo-system/"))
        assert data["inLanguage"] == "en"
        assert data["author"]["name"] == "Office of International Relations of Bogotá"
        assert data["about"][0]["name"] == "SDG 11: Sustainable cities and communities"


@pytest.mark.django_db
class TestPrintLayout:
    def test_the_sheet_offers_a_print_link_that_works_without_javascript(self, client, sheet):
        html = soup(client.get("/es/buenas-practicas/globo/"))
        link = html.find("a", string="Imprimir la ficha")
        assert link["href"] == "?print=1"
        assert not html.select('[href^="javascript:"]')
        assert "good-practice-print" not in html.body["class"]

    def test_the_print_layout_renders_the_same_sheet_for_paper(self, client, sheet):
        response = client.get("/es/buenas-practicas/globo/?print=1")
        assert response.status_code == 200
        html = soup(response)
        assert "good-practice-print" in html.body["class"]
        assert html.h1.get_text(strip=True) == "Sistema de Información Bogotá Global"
        assert html.find("h2", id="conclusions-title") is not None
        assert html.find("a", string="Volver a la ficha")["href"] == "/es/buenas-practicas/globo/"
        assert html.find("a", string="Imprimir la ficha") is None
        assert html.find("button", attrs={"data-print": True}).has_attr("hidden")  # shown by the script
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
        assert html.find("link", rel="canonical")["href"] == "http://testserver/es/buenas-practicas/globo/"

    def test_the_stylesheet_has_print_rules_for_the_sheet(self):
        with open(finders.find("css/portal.css"), encoding="utf-8") as stylesheet:
            css = stylesheet.read()
        print_rules = css[css.index("/* Good-practice sheets") :]
        assert "@media print" in print_rules
        assert ".good-practice-print .site-header" in print_rules
        assert finders.find("buenas_practicas/js/print-sheet.js")


class TestRoutability(WagtailPageTestCase):
    @pytest.fixture(autouse=True)
    def _pages(self, sheet, index):
        self.pages = [*index, *sheet]

    def test_every_page_is_served_at_its_language_url(self):
        for page in self.pages:
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)
            self.assertContains(response, f'<html lang="{page.locale.language_code}">')

    def test_every_page_is_renderable(self):
        for page in self.pages:
            self.assertPageIsRenderable(page)

    def test_every_page_is_previewable(self):
        for page in self.pages[:2]:
            self.assertPageIsPreviewable(
                page, post_data=nested_form_data({"title": page.title, "slug": page.slug, "introduction": ""})
            )
        for page in self.pages[2:]:
            data = admin_form(None, title=page.title, slug=page.slug)
            del data["action-publish"]
            self.assertPageIsPreviewable(page, post_data=data)
