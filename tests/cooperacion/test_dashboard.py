"""The dashboard page and the figures API, as visitors and other systems meet them, on
`figures_world` (tests/cooperacion/conftest.py)."""

import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup

from cooperacion import demo_dashboard
from cooperacion.charts import map_levels, world_map, world_map_data
from cooperacion.figures import Item, Series
from cooperacion.models import DashboardPage, DistrictEntity, Partner, PartnerType, Sector
from home.models import HomePage
from search.indexing import rebuild
from tests.conftest import publish, translate
from tests.cooperacion.conftest import PRIVATE_MARKER
from tests.cooperacion.factories import CooperationActionFactory

API = "/api/v1/records/figures/"
CHARTS = ["year", "type", "status", "partner-type", "sector", "entity", "sdg", "thematic-table", "country"]


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def number(text, language="es"):
    """A figure as the page writes it (1.250.000 in Spanish, 1,250,000 in English) as an int."""
    separator = "." if language == "es" else ","
    return int(text.strip().replace(separator, ""))


@pytest.fixture
def dashboard(bilingual_site):
    page = DashboardPage(
        title="Cifras de la cooperación",
        slug="cifras",
        introduction="El registro en números.",
        methodology="<p>Cómo contamos.</p>",
    )
    bilingual_site.home.add_child(instance=page)
    publish(page)
    english = translate(page, bilingual_site.english, title="Cooperation in figures", slug="figures")
    return page, english


@pytest.fixture
def world(figures_world, dashboard):
    return figures_world


class TestCreationRules(WagtailPageTestCase):
    def test_lives_once_under_a_home_page(self):
        self.assertAllowedParentPageTypes(DashboardPage, {HomePage})
        self.assertAllowedSubpageTypes(DashboardPage, {})
        self.assertEqual(DashboardPage.max_count_per_parent, 1)
        self.assertIn("cooperacion.DashboardPage", HomePage.subpage_types)

    def test_custom_fields_in_the_pages_api(self):
        assert {field.name for field in DashboardPage.api_fields} == {
            "social_image",
            "introduction",
            "methodology",
        }


def key_figures(page, language="es"):
    figures = {}
    for key in ("actions", "partners", "countries", "cop", "usd"):
        data = page.select_one(f"#figure-{key} data")
        shown = number(data.get_text(), language)
        assert Decimal(data["value"]).quantize(Decimal(1)) == shown
        figures[key] = (shown, data["value"])
    return figures


def chart_rows(page, key):
    table = page.select_one(f"#chart-{key} table")
    return {
        row.select_one("th").get_text(strip=True): int(row.select_one("td data")["value"])
        for row in table.select("tbody tr")
    }


class TestDashboardPage:
    def test_key_figures(self, client, world):
        response = client.get("/es/cifras/")
        assert response.status_code == 200
        figures = key_figures(html(response))
        assert {key: shown for key, (shown, _value) in figures.items()} == {
            "actions": 4,
            "partners": 4,
            "countries": 5,
            "cop": 520_000_000,
            "usd": 125_000,
        }
        assert "520.000.000" in html(response).select_one("#figure-cop").get_text()

    def test_methodology_says_which_amounts_are_summed(self, client, world):
        page = html(client.get("/es/cifras/"))
        assert "Cómo contamos." in page.select_one("#metodologia").get_text()
        text = " ".join(page.select_one("#methodology-resources").get_text().split())
        assert "valor en pesos de 2 y el valor en dólares de 1 de estas 4 acciones" in text
        assert "autorizó publicar sus montos" in text

    @pytest.mark.parametrize(
        "query", ["", "?type=alianza", "?country=FR&year_from=2023", "?q=intercambio", "?type=premio"]
    )
    def test_the_page_shows_what_the_api_returns(self, client, world, query):
        page = html(client.get(f"/es/cifras/{query}"))
        data = client.get(f"{API}{query}").json()
        figures = key_figures(page)
        assert figures["actions"][0] == data["actions"]
        assert figures["partners"][0] == data["partners"]
        assert figures["countries"][0] == data["countries"]
        for currency in ("cop", "usd"):
            assert Decimal(figures[currency][1]) == Decimal(data["resources"][currency]["total"])
        for key, series in data["series"].items():
            expected = {item["label"]: item["count"] for item in series["items"]}
            if expected:
                assert chart_rows(page, key.replace("_", "-")) == expected, key
            else:
                assert page.select_one(f"#chart-{key.replace('_', '-')} table") is None
        for target in data["targets"]:
            row = page.select_one(f'#chart-targets tr[data-target="{target["code"]}"]')
            by_status = {
                cell["data-status"]: int(cell.data["value"]) for cell in row.select("td[data-status]")
            }
            assert by_status == target["by_status"]
            assert int(row.select_one("td[data-achieved] data")["value"]) == target["achieved"]

    def test_every_chart_has_a_summary_and_a_data_table(self, client, world):
        page = html(client.get("/es/cifras/"))
        for key in [*CHARTS, "targets"]:
            section = page.select_one(f"#chart-{key}")
            summary = section.select_one(".chart__summary")
            assert summary.get_text(strip=True), key
            assert section["aria-describedby"] == summary["id"]
            svg = section.select_one("svg")
            if svg.select("a"):
                # Pointer-only links (the table's rows have the same): hidden from assistive technologies.
                assert svg["aria-hidden"] == "true"
                assert all(link["tabindex"] == "-1" for link in svg.select("a"))
            else:
                assert svg["role"] == "img"
                assert summary["id"] in svg["aria-labelledby"].split()
            table = section.select_one("table")
            assert table.select_one("caption").get_text(strip=True)
            assert table.select('thead th[scope="col"]')
            assert table.select('tbody th[scope="row"]')

    def test_summaries_name_the_leader(self, client, world):
        page = html(client.get("/es/cifras/"))
        summary = page.select_one("#chart-year .chart__summary").get_text(strip=True)
        assert summary == "El año con más acciones fue 2024 (2)."
        summary = page.select_one("#chart-country .chart__summary").get_text(strip=True)
        assert summary == "El país con más acciones es Francia (2)."
        summary = page.select_one("#chart-status .chart__summary").get_text(strip=True)
        assert summary.startswith("Empatan con más acciones (1 cada uno): Identificada, En negociación")

    def test_bars_link_to_the_search_with_their_value_added(self, client, world):
        page = html(client.get("/es/cifras/?year_from=2022"))
        link = page.select_one('#chart-type a[href*="type=alianza"]')["href"]
        assert urlsplit(link).path == "/es/cooperacion/buscar/"
        assert parse_qs(urlsplit(link).query) == {"year_from": ["2022"], "type": ["alianza"]}
        year = page.select_one('#chart-year svg a[href*="year_to=2024"]')["href"]
        assert parse_qs(urlsplit(year).query) == {"year_from": ["2024"], "year_to": ["2024"]}
        search = client.get(link)
        assert search.status_code == 200
        assert "2 registros encontrados" in search.content.decode()

    def test_map_shades_the_countries_of_public_records(self, client, world):
        page = html(client.get("/es/cifras/"))
        shapes = {path["data-country"]: path for path in page.select("#chart-country svg path[data-country]")}
        assert set(shapes) == set(world_map_data()["countries"])
        levels = {
            code: int(re.search(r"--(\d)", " ".join(shapes[code]["class"])).group(1)) for code in shapes
        }
        shaded = {code for code, level in levels.items() if level}
        assert shaded == {"FR", "DE", "GB", "BR", "CO"}
        assert levels["FR"] > levels["DE"]
        assert shapes["FR"].select_one("title").get_text() == "Francia: 2"
        assert shapes["JP"].select_one("title").get_text() == "Japón: 0"
        assert shapes["FR"].parent.name == "a"
        assert chart_rows(page, "country") == {
            "Francia": 2,
            "Alemania": 1,
            "Brasil": 1,
            "Colombia": 1,
            "Reino Unido": 1,
        }

    def test_targets_progress(self, client, world):
        page = html(client.get("/es/cifras/"))
        row = page.select_one('#chart-targets tr[data-target="PDD-T1"]')
        assert "Alianzas formalizadas" in row.get_text()
        assert row.select_one("td[data-percent] data")["value"] == "50"
        assert "2 de 4 (50 %)" in page.select_one("#chart-targets svg").get_text()
        summary = page.select_one("#chart-targets-summary").get_text(strip=True)
        assert summary.startswith("La meta con más avance es PDD-T1: 2 de 4 (50 %).")

    def test_filters_are_in_a_shareable_get_form(self, client, world):
        page = html(client.get("/es/cifras/?type=alianza&year_from=2022"))
        form = page.select_one("form.dashboard-filters")
        assert form["method"] == "get"
        assert form.select_one('input[name="type"][value="alianza"]').has_attr("checked")
        assert form.select_one('input[name="year_from"]')["value"] == "2022"
        assert page.select_one("#figure-actions data")["value"] == "2"

    @pytest.mark.parametrize(
        "query, field",
        [("year_from=abc", "year_from"), ("type=nada", "type"), ("year_from=2025&year_to=2020", "year_to")],
    )
    def test_bad_parameters_are_a_400_with_the_reason(self, client, world, query, field):
        response = client.get(f"/es/cifras/?{query}")
        assert response.status_code == 400
        summary = html(response).select_one(".error-summary")
        assert summary is not None and summary.select_one("li")
        data = client.get(f"{API}?{query}")
        assert data.status_code == 400
        assert set(data.json()) == {"detail", "errors"} and field in data.json()["errors"]

    def test_english(self, client, world):
        response = client.get("/en/figures/?type=alianza")
        assert response.status_code == 200
        page = html(response)
        assert page.html["lang"] == "en"
        assert chart_rows(page, "type") == {"Alliance": 2}
        assert "500,000,000" in page.select_one("#figure-cop").get_text()
        assert chart_rows(page, "country")["France"] == 1
        link = page.select_one('#chart-type a[href*="type=alianza"]')["href"]
        assert link.startswith("/en/")

    def test_private_records_never_show(self, client, world):
        for url in ("/es/cifras/", "/en/figures/", API, f"{API}?partner={world.partners['secret'].pk}"):
            assert PRIVATE_MARKER not in client.get(url).content.decode()


class TestQueryCount:
    @pytest.mark.parametrize("query", ["", "?type=alianza&year_from=2020"])
    def test_the_same_with_3_or_30_records(self, client, dashboard, django_assert_max_num_queries, query):
        partners = [
            Partner.objects.create(
                name=f"Aliado {number}", partner_type=PartnerType.ACADEMIA, country=country
            )
            for number, country in enumerate(["CO", "FR", "MX"])
        ]
        entity = DistrictEntity.objects.create(name="Entidad", sector=Sector.objects.create(name="Sector"))

        def add(count):
            CooperationActionFactory.create_batch(
                count, action_type="alianza", partners=partners, entities=[entity], countries=["PE"]
            )
            rebuild()

        add(3)
        url = f"/es/cifras/{query}"
        client.get(url)
        with CaptureQueriesContext(connection) as three:
            assert html(client.get(url)).select_one("#figure-actions data")["value"] == "3"
        budget = len(three.captured_queries)  # read from the connection's log, which a request resets
        add(27)
        client.get(url)  # new records start a new generation: the site frame is kept again
        with django_assert_max_num_queries(budget):
            assert html(client.get(url)).select_one("#figure-actions data")["value"] == "30"
        with django_assert_max_num_queries(budget):
            assert client.get(f"{API}{query}").json()["actions"] == 30


class TestFiguresAPI:
    def test_figures(self, client, world):
        response = client.get(API)
        assert response.status_code == 200
        data = response.json()
        assert (data["actions"], data["partners"], data["countries"]) == (4, 4, 5)
        assert data["resources"]["usd"] == {"currency": "USD", "total": "125000.00", "records": 1}
        assert data["series"]["type"]["items"][0] == {"value": "alianza", "label": "Alianza", "count": 2}

    def test_english_labels(self, client, world):
        data = client.get(API, HTTP_ACCEPT_LANGUAGE="en").json()
        assert data["series"]["type"]["items"][0]["label"] == "Alliance"

    def test_no_authentication_needed_or_used(self, client, world, admin_user):
        client.force_login(admin_user)
        assert client.get(API).json()["actions"] == 4


def test_countries_too_small_for_the_map_are_named_under_it():
    series = Series("country", "País", (Item("SG", "Singapur", 3), Item("FR", "Francia", 1)))
    drawn = world_map(series, 3, QueryDict())
    assert "SG" not in {country.code for country in drawn.countries}
    assert any("Singapur" in note and "Francia" not in note for note in drawn.chart.notes)
    assert [row.item.value for row in drawn.chart.rows] == ["SG", "FR"]


def test_map_levels():
    assert map_levels(0) == []
    assert map_levels(3) == [1, 2, 3]
    assert map_levels(1000) == [1, 4, 16, 64, 252]
    assert map_levels(6) == [1, 2, 3, 4, 5]


class Command:
    def __init__(self):
        self.messages = []

    def created(self, message):
        self.messages.append(message)


def test_demo_pages_in_both_languages(client, bilingual_site):
    command = Command()
    demo_dashboard.load(command)
    demo_dashboard.load(command)
    assert command.messages == ["es: Cifras de la cooperación", "en: Cooperation in figures"]
    spanish = DashboardPage.objects.get(locale__language_code="es")
    assert spanish.live and spanish.url == "/es/cifras/"
    assert spanish.get_translation(bilingual_site.english).url == "/en/figures/"
    for url in ("/es/cifras/", "/en/figures/"):
        assert client.get(url).status_code == 200
