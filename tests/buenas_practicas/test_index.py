"""The good-practice index: its filters, their errors, pagination and a constant number of queries."""

import itertools
from datetime import date

import pytest
from bs4 import BeautifulSoup

from buenas_practicas.models import MipgPolicyCode
from tests.buenas_practicas.factories import GoodPracticePageFactory
from tests.conftest import translate

INDEX_URL = "/es/buenas-practicas/"
OFFICE = "Oficina Consejería Distrital de Relaciones Internacionales"
OTHER_OFFICE = "Subsecretaría Distrital de Fortalecimiento Institucional"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".good-practice-card__title a")]


@pytest.fixture
def sheets(make_sheet):
    return {
        "globo": make_sheet(
            title="Sistema GLOBO",
            start_date=date(2024, 7, 14),
            responsible_office=OFFICE,
            policies=[MipgPolicyCode.KNOWLEDGE_AND_INNOVATION, MipgPolicyCode.STATISTICS],
            sdgs=[17],
        ),
        "assistance": make_sheet(
            title="Asistencia técnica a entidades",
            start_date=date(2023, 2, 1),
            responsible_office=OTHER_OFFICE,
            policies=[MipgPolicyCode.CITIZEN_SERVICE],
            sdgs=[16],
        ),
        "open_data": make_sheet(
            title="Datos abiertos del registro",
            start_date=date(2025, 2, 3),
            responsible_office=OFFICE,
            policies=[MipgPolicyCode.TRANSPARENCY, MipgPolicyCode.STATISTICS],
            sdgs=[16, 17],
        ),
    }


@pytest.mark.django_db
class TestListing:
    def test_lists_published_sheets_newest_practice_first(self, client, sheets):
        response = client.get(INDEX_URL)
        assert response.status_code == 200
        assert titles(response) == [
            "Datos abiertos del registro",
            "Sistema GLOBO",
            "Asistencia técnica a entidades",
        ]
        status = soup(response).find(attrs={"role": "status"}).get_text(strip=True)
        assert status == "3 buenas prácticas"
        card = soup(response).select(".good-practice-card")[1]
        assert OFFICE in card.get_text()
        assert "desde 2024" in card.get_text()
        assert [tag.get_text() for tag in card.select(".good-practice-tag")] == [
            "Gestión de la información estadística",
            "Gestión del conocimiento y la innovación",
        ]
        assert "ODS: 16, 17" in soup(response).select(".good-practice-card")[0].get_text()

    def test_a_card_summarises_the_sheet_with_the_first_paragraph(self, client, make_sheet):
        make_sheet(description="<p>Datos &amp; decisiones en un solo lugar.</p><ul><li>Un detalle.</li></ul>")
        card = soup(client.get(INDEX_URL)).select_one(".good-practice-card")
        assert "Datos & decisiones en un solo lugar." in card.get_text()
        assert "Un detalle." not in card.get_text()

    def test_the_english_index_lists_the_english_sheets_only(self, client, sheets, bilingual_site):
        translate(sheets["globo"], bilingual_site.english, title="GLOBO system", slug="globo-system")
        response = client.get("/en/good-practices/")
        assert response.status_code == 200
        assert soup(response).html["lang"] == "en"
        assert titles(response) == ["GLOBO system"]

    def test_the_filter_form_works_without_javascript(self, client, sheets):
        form = soup(client.get(INDEX_URL)).find("form", class_="good-practice-filters")
        assert form["method"] == "get"
        assert form["action"] == INDEX_URL
        for name in ("policy", "office", "year", "sdg"):
            control = form.find("select", attrs={"name": name})
            assert control is not None, name
            assert form.find("label", attrs={"for": control["id"]}).get_text(strip=True)
        assert form.find("button", type="submit")

    def test_the_office_and_year_options_are_the_ones_in_use(self, client, sheets):
        form = soup(client.get(INDEX_URL)).find("form", class_="good-practice-filters")
        offices = [
            option["value"] for option in form.find("select", attrs={"name": "office"}).find_all("option")
        ]
        assert offices == ["", OFFICE, OTHER_OFFICE]
        years = [option["value"] for option in form.find("select", attrs={"name": "year"}).find_all("option")]
        assert years == ["", "2025", "2024", "2023"]


@pytest.mark.django_db
class TestFilters:
    def test_by_mipg_policy(self, client, sheets):
        response = client.get(INDEX_URL, {"policy": MipgPolicyCode.STATISTICS})
        assert response.status_code == 200
        assert titles(response) == ["Datos abiertos del registro", "Sistema GLOBO"]
        assert titles(client.get(INDEX_URL, {"policy": MipgPolicyCode.CITIZEN_SERVICE})) == [
            "Asistencia técnica a entidades"
        ]

    def test_by_office(self, client, sheets):
        response = client.get(INDEX_URL, {"office": OTHER_OFFICE})
        assert response.status_code == 200
        assert titles(response) == ["Asistencia técnica a entidades"]

    def test_by_start_year(self, client, sheets):
        response = client.get(INDEX_URL, {"year": "2024"})
        assert response.status_code == 200
        assert titles(response) == ["Sistema GLOBO"]
        selected = soup(response).find("select", attrs={"name": "year"}).find("option", selected=True)
        assert selected["value"] == "2024"

    def test_a_year_without_sheets_is_an_empty_result_not_an_error(self, client, sheets):
        response = client.get(INDEX_URL, {"year": "2019"})
        assert response.status_code == 200
        assert titles(response) == []
        assert "Ninguna buena práctica coincide con estos filtros." in soup(response).get_text()

    def test_by_sdg(self, client, sheets):
        response = client.get(INDEX_URL, {"sdg": "16"})
        assert response.status_code == 200
        assert titles(response) == ["Datos abiertos del registro", "Asistencia técnica a entidades"]

    def test_filters_combine(self, client, sheets):
        response = client.get(
            INDEX_URL, {"sdg": "17", "office": OFFICE, "policy": MipgPolicyCode.TRANSPARENCY}
        )
        assert titles(response) == ["Datos abiertos del registro"]

    def test_a_sheet_is_listed_once_whatever_it_matches(self, client, sheets):
        response = client.get(INDEX_URL, {"policy": MipgPolicyCode.STATISTICS, "sdg": "17"})
        assert titles(response) == ["Datos abiertos del registro", "Sistema GLOBO"]

    @pytest.mark.parametrize(
        ("params", "label"),
        [
            ({"policy": "no-existe"}, "Política de MIPG"),
            ({"office": "Una dependencia que no está"}, "Dependencia responsable"),
            ({"year": "dos mil"}, "Año de inicio"),
            ({"year": "1200"}, "Año de inicio"),
            ({"sdg": "18"}, "Objetivo de Desarrollo Sostenible"),
        ],
    )
    def test_an_invalid_value_is_a_400_with_the_page_and_the_error(self, client, sheets, params, label):
        response = client.get(INDEX_URL, params)
        assert response.status_code == 400
        html = soup(response)
        summary = html.find("div", class_="error-summary")
        assert summary["role"] == "alert"
        assert summary.find("h2").get_text(strip=True) == "Revise estos filtros"
        assert summary.find("a", string=label)
        name = next(iter(params))
        assert html.find(attrs={"name": name})["aria-invalid"] == "true"
        assert len(titles(response)) == 3
        cache_control = response["Cache-Control"]
        assert (
            "no-store" in cache_control and "public" not in cache_control and "s-maxage" not in cache_control
        )

    def test_valid_filters_still_apply_next_to_an_invalid_one(self, client, sheets):
        response = client.get(INDEX_URL, {"year": "abc", "sdg": "16"})
        assert response.status_code == 400
        assert titles(response) == ["Datos abiertos del registro", "Asistencia técnica a entidades"]


@pytest.mark.django_db
class TestPagination:
    def test_twelve_sheets_per_page(self, client, index, fixed_data):
        for number in range(13):
            GoodPracticePageFactory(
                parent=index[0], title=f"Práctica {number:02d}", start_date=date(2024, 1, 1)
            )
        first = client.get(INDEX_URL)
        assert len(titles(first)) == 12
        assert soup(first).find("a", rel="next")["href"] == "?page=2"
        second = client.get(INDEX_URL, {"page": "2"})
        assert titles(second) == ["Práctica 12"]

    def test_pages_keep_the_filters(self, client, index, fixed_data):
        for number in range(13):
            GoodPracticePageFactory(parent=index[0], title=f"Práctica {number:02d}", sdgs=[5])
        response = client.get(INDEX_URL, {"sdg": "5"})
        assert soup(response).find("a", rel="next")["href"] == "?sdg=5&page=2"

    def test_a_page_number_that_is_not_a_number_shows_the_first_page(self, client, sheets):
        response = client.get(INDEX_URL, {"page": "zzz"})
        assert response.status_code == 200
        assert len(titles(response)) == 3


@pytest.mark.django_db
class TestQueryCount:
    # The whole request: site, menu, breadcrumbs, footer, filters and the listing. It must not grow
    # with the number of sheets.
    MAX_QUERIES = 26

    @pytest.fixture
    def many(self, index, fixed_data):
        numbers = itertools.count()

        def create(count):
            for number in itertools.islice(numbers, count):
                GoodPracticePageFactory(
                    parent=index[0],
                    title=f"Práctica {number}",
                    responsible_office=f"Dependencia {number % 4}",
                    start_date=date(2020 + number % 5, 1, 1),
                    policies=[MipgPolicyCode.TRANSPARENCY, MipgPolicyCode.STATISTICS],
                    sdgs=[16, 17],
                )

        return create

    def measure(self, client, django_assert_max_num_queries, params=None):
        client.get(INDEX_URL, params or {})  # what is cached per process (site root paths) is warm
        with django_assert_max_num_queries(self.MAX_QUERIES) as captured:
            response = client.get(INDEX_URL, params or {})
        assert response.status_code == 200
        return len(captured.captured_queries)

    @pytest.mark.parametrize("count", [3, 20])
    def test_the_index_makes_a_bounded_number_of_queries(
        self, client, many, django_assert_max_num_queries, count
    ):
        many(count)
        self.measure(client, django_assert_max_num_queries)
        self.measure(
            client, django_assert_max_num_queries, {"sdg": "16", "policy": MipgPolicyCode.STATISTICS}
        )

    def test_the_number_of_queries_does_not_grow_with_the_sheets(
        self, client, many, django_assert_max_num_queries
    ):
        many(3)
        few = self.measure(client, django_assert_max_num_queries)
        many(17)
        assert self.measure(client, django_assert_max_num_queries) == few
