"""The strategy and the results pages: creation rules, versions, the authorisation rule, filters."""

import json
from datetime import date

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from cooperacion.models import (
    PartnerType,
    ResultPage,
    ResultRecord,
    ResultsIndexPage,
    StrategyPage,
    ThematicTable,
)
from home.models import HomePage
from search.indexing import rebuild
from tests.conftest import publish, translate
from tests.cooperacion.factories import CooperationActionFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(response):
    return json.loads(soup(response).find("script", type="application/ld+json").string)


class TestCreationRules(WagtailPageTestCase):
    def test_strategy_lives_under_a_home_page_once(self):
        self.assertAllowedParentPageTypes(StrategyPage, {HomePage})
        self.assertAllowedSubpageTypes(StrategyPage, {})
        self.assertEqual(StrategyPage.max_count_per_parent, 1)

    def test_results_live_in_their_index(self):
        self.assertAllowedParentPageTypes(ResultsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResultsIndexPage, {ResultPage})
        self.assertAllowedParentPageTypes(ResultPage, {ResultsIndexPage})
        self.assertAllowedSubpageTypes(ResultPage, {})
        self.assertCanNotCreateAt(Page, ResultPage)


def make_strategy(parent, **fields):
    page = StrategyPage(
        title="Estrategia de internacionalización",
        slug="estrategia",
        version="2024-1",
        effective_date=date(2024, 3, 1),
        introduction="Cómo Bogotá se relaciona con el mundo.",
        vision="<p>Una ciudad abierta que coopera.</p>",
        relationship_plan="<p>Plan de relacionamiento.</p>",
        positioning_plan="<p>Plan de posicionamiento.</p>",
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


@pytest.mark.django_db
class TestStrategy:
    def test_renders_in_both_languages_with_the_board(self, client, bilingual_site):
        ThematicTable.objects.create(name="Mesa de prueba", name_en="Test table")
        page = make_strategy(bilingual_site.home)
        english = translate(
            page, bilingual_site.english, title="Internationalisation strategy", slug="strategy"
        )
        spanish_html = soup(client.get(page.url))
        assert spanish_html.h1.get_text() == "Estrategia de internacionalización"
        assert "Mesa de prueba" in spanish_html.select_one("#mesa").get_text()
        english_response = client.get(english.url)
        assert english_response.status_code == 200
        assert "Test table" in soup(english_response).select_one("#mesa").get_text()
        assert json_ld(english_response)["version"] == "2024-1"

    def test_a_new_version_archives_the_previous_one(self, client, bilingual_site):
        page = make_strategy(bilingual_site.home)
        page.version = "2025-1"
        page.effective_date = date(2025, 2, 1)
        page.vision = "<p>Una visión renovada.</p>"
        publish(page)

        current = soup(client.get(page.url))
        assert "Una visión renovada." in current.select_one("#vision").get_text()
        links = current.select(".strategy__versions a")
        assert [link.get_text(" ", strip=True) for link in links] == [
            "Versión 2024-1, vigente desde el 1 de marzo de 2024"
        ]
        archived = client.get(links[0]["href"])
        assert archived.status_code == 200
        assert archived["X-Robots-Tag"] == "noindex"
        archived_html = soup(archived)
        assert "Una ciudad abierta que coopera." in archived_html.select_one("#vision").get_text()
        assert "Versión archivada 2024-1" in archived_html.select_one(".notice--archived").get_text()
        assert archived_html.select_one(".notice--archived a")["href"] == page.url

    def test_the_current_version_is_not_an_archive_and_unknown_ones_are_404(self, client, bilingual_site):
        page = make_strategy(bilingual_site.home)
        assert client.get(page.url + "versiones/2024-1/").status_code == 404
        assert client.get(page.url + "versiones/1999/").status_code == 404


@pytest.fixture
def results(bilingual_site, register_data):
    index = ResultsIndexPage(title="Resultados", slug="resultados")
    bilingual_site.home.add_child(instance=index)
    publish(index)
    from cooperacion.models import Partner

    university = Partner.objects.filter(partner_type=PartnerType.ACADEMIA).first()
    agency = Partner.objects.filter(partner_type=PartnerType.FOREIGN_GOVERNMENT).first()
    public_academic = CooperationActionFactory(title="Registro académico público", partners=[university])
    public_agency = CooperationActionFactory(title="Registro de agencia público", partners=[agency])
    hidden = CooperationActionFactory(
        title="Registro sin autorización",
        partners=[agency],
        publication_authorised=False,
        authorisation_date=None,
        authorisation_scope="",
    )
    table = ThematicTable.objects.order_by("pk").first()

    def result(title, when, records, sdgs=(), theme=None):
        page = ResultPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            date=when,
            summary=f"Resumen de {title}.",
            achievements="<p>Se logró algo medible.</p>",
            thematic_table=theme,
        )
        index.add_child(instance=page)
        for record in records:
            ResultRecord.objects.create(page=page, action=record)
        page.sdgs.set(sdgs)
        page.save()
        return publish(page)

    pages = {
        "academic": result("Logro académico", date(2024, 5, 1), [public_academic], sdgs=[4], theme=table),
        "agency": result("Logro con agencia", date(2025, 6, 1), [public_agency, hidden], sdgs=[13]),
        "plain": result("Logro sin registros", date(2025, 1, 1), []),
    }
    rebuild()
    return {
        "index": index,
        "pages": pages,
        "records": (public_academic, public_agency, hidden),
        "table": table,
    }


@pytest.mark.django_db
class TestResults:
    def test_a_result_shows_only_authorised_records_and_their_partners(self, client, results):
        page = results["pages"]["agency"]
        html = soup(client.get(page.url))
        text = html.get_text(" ")
        assert "Registro de agencia público" in text
        assert "Registro sin autorización" not in text
        assert html.find("a", string="Registro de agencia público")["lang"] == "es"
        partner_links = [link["href"] for link in html.select("section[aria-labelledby=partners-title] a")]
        assert partner_links and all(
            link.startswith("/es/cooperacion/buscar/?partner=") for link in partner_links
        )
        assert json_ld(client.get(page.url))["@type"] == "Article"

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({}, ["Logro con agencia", "Logro sin registros", "Logro académico"]),
            ({"year": "2025"}, ["Logro con agencia", "Logro sin registros"]),
            ({"partner_type": PartnerType.ACADEMIA}, ["Logro académico"]),
            ({"partner_type": PartnerType.FOREIGN_GOVERNMENT}, ["Logro con agencia"]),
            ({"sdg": "13"}, ["Logro con agencia"]),
        ],
    )
    def test_the_index_filters(self, client, results, params, expected):
        response = client.get(results["index"].url, params)
        assert response.status_code == 200
        assert [a.get_text() for a in soup(response).select(".card__title a")] == expected

    def test_filter_by_theme(self, client, results):
        response = client.get(results["index"].url, {"theme": results["table"].pk})
        assert [a.get_text() for a in soup(response).select(".card__title a")] == ["Logro académico"]

    @pytest.mark.parametrize(
        "params", [{"year": "abc"}, {"partner_type": "x"}, {"sdg": "99"}, {"theme": "0"}]
    )
    def test_invalid_filters_are_a_400_with_the_reason(self, client, results, params):
        response = client.get(results["index"].url, params)
        assert response.status_code == 400
        assert soup(response).select(".error-summary li")

    def test_the_index_costs_the_same_queries_for_3_or_20_results(
        self, client, results, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(30) as few:
            client.get(results["index"].url)
        for number in range(17):
            page = ResultPage(
                title=f"Logro extra {number}",
                slug=f"extra-{number}",
                date=date(2023, 1, 1),
                summary="x",
                achievements="<p>x</p>",
            )
            results["index"].add_child(instance=page)
            publish(page)
        with django_assert_max_num_queries(len(few)):
            response = client.get(results["index"].url)
        assert len(soup(response).select(".card__title a")) == 12


@pytest.mark.django_db
class TestResultAuthorisationRule:
    def post(self, client, page, records, action):
        existing = {link.action_id: link.pk for link in page.linked_records.all()}
        wanted = [record.pk for record in records]
        # Existing rows first (kept or deleted), as the editor's formset sends them, then new ones.
        rows = [
            {"id": pk, "action": action_id, **({} if action_id in wanted else {"DELETE": "1"})}
            for action_id, pk in existing.items()
        ]
        rows += [{"id": "", "action": pk} for pk in wanted if pk not in existing or wanted.count(pk) > 1]
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "date": "2025-06-01",
                "summary": page.summary,
                "achievements": rich_text("Se logró algo medible."),
                "figures": streamfield([]),
                "gallery": streamfield([]),
                "body": streamfield([]),
                "linked_records": inline_formset(rows, initial=len(existing)),
                "sdgs": [],
            }
        )
        data[action] = "1"
        return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    @pytest.fixture
    def editor(self, client, results):
        user = get_user_model().objects.create_superuser("editora-test", "e@example.org", "x")
        client.force_login(user)
        return client

    def test_publishing_with_an_unauthorised_record_is_refused_with_a_message(self, editor, results):
        page = results["pages"]["agency"]
        response = self.post(editor, page, results["records"][1:], "action-publish")
        assert response.status_code == 200
        assert "No se puede publicar" in response.content.decode()
        assert "Registro sin autorización" in response.content.decode()

    def test_the_same_record_twice_is_a_form_error(self, editor, results):
        page = results["pages"]["plain"]
        record = results["records"][0]
        response = self.post(editor, page, [record, record], "action-save-draft")
        assert response.status_code == 200
        assert "El mismo registro está dos veces" in response.content.decode()

    def test_saving_a_draft_with_it_is_allowed(self, editor, results):
        page = results["pages"]["agency"]
        response = self.post(editor, page, results["records"][1:], "action-save-draft")
        assert response.status_code == 302

    def test_publishing_with_authorised_records_works(self, editor, results):
        page = results["pages"]["agency"]
        response = self.post(editor, page, results["records"][:2], "action-publish")
        assert response.status_code == 302
        page.refresh_from_db()
        assert set(page.linked_records.values_list("action__title", flat=True)) == {
            "Registro académico público",
            "Registro de agencia público",
        }


@pytest.mark.django_db
def test_the_records_block_lists_public_records_only(client, results):
    page = results["pages"]["plain"]
    page.body = [("records", {"title": "Registros de la agencia", "words": "registro", "limit": 5})]
    publish(page)
    html = soup(client.get(page.url))
    block = html.select_one(".records-block")
    titles = [a.get_text() for a in block.select("h3 a")]
    assert set(titles) == {"Registro académico público", "Registro de agencia público"}
    assert block.select("p a")[-1]["href"] == "/es/cooperacion/buscar/?q=registro"


@pytest.mark.django_db
def test_a_result_page_costs_the_same_queries_with_1_or_6_records(
    client, results, django_assert_max_num_queries
):
    page = results["pages"]["plain"]
    ResultRecord.objects.create(page=page, action=results["records"][0])
    publish(page)
    with django_assert_max_num_queries(40) as few:
        client.get(page.url)
    for number in range(5):
        ResultRecord.objects.create(
            page=page, action=CooperationActionFactory(title=f"Registro extra {number}")
        )
    publish(page)
    with django_assert_max_num_queries(len(few)):
        response = client.get(page.url)
    assert len(soup(response).select("section[aria-labelledby=records-title] li")) == 6


@pytest.mark.django_db
def test_a_result_image_needs_its_alternative_text(results):
    from django.core.exceptions import ValidationError

    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    page = results["pages"]["plain"]
    page.image = Image.objects.create(title="Foto", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "image_alt" in error.value.message_dict
    page.image_alt = "Jóvenes en una feria de becas"
    page.full_clean()
