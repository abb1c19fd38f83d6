"""The register search as visitors meet it: the page and the record sheet (the API: test_api.py)."""

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from cooperacion.models import AuthorisationScope

SEARCH = "/es/cooperacion/buscar/"
HOSTILE_QUERIES = [
    "de",
    "the AND",
    "%",
    "é",
    "ª",
    "🙂",
    "\u0301",
    '"cooperación" AND (OR NOT *',
    "alianza -ciudad ~2 ^3 [x TO y] {a}",
    "'; DROP TABLE x; --",
    "\x1f\x7f",
]


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [" ".join(link.get_text().split()) for link in html(response).select(".record-card h3 a")]


class TestSearchPage:
    def test_lists_public_records_with_facets_and_counts(self, client, world):
        response = client.get(SEARCH)
        assert response.status_code == 200
        page = html(response)
        assert page.select_one("[role=status]").get_text(strip=True) == "5 registros encontrados"
        assert len(result_titles(response)) == 5
        alliance = page.select_one("input[name=type][value=alianza]")
        assert alliance is not None and not alliance.has_attr("checked")
        assert "Alianza (2)" in page.select_one(f"label[for={alliance['id']}]").get_text(" ", strip=True)
        assert "Cooperación secreta en borrador" not in response.content.decode()

    def test_filters_show_as_removable_chips_and_urls_are_shareable(self, client, world):
        response = client.get(SEARCH, {"q": "alianza", "type": "alianza", "sdg": "13"})
        assert result_titles(response) == ["Alianzas entre ciudades por el clima"]
        chips = {chip.get_text(" ", strip=True): chip["href"] for chip in html(response).select("a.chip")}
        assert set(chips) == {
            "Palabras: «alianza» × (quitar)",
            "Tipo de acción: Alianza × (quitar)",
            "Objetivo de Desarrollo Sostenible: 13. Acción por el clima × (quitar)",
        }
        removed = client.get(SEARCH + chips["Tipo de acción: Alianza × (quitar)"])
        assert sorted(result_titles(removed)) == ["Alianzas entre ciudades por el clima"]
        assert html(removed).select_one("input[name=sdg][value='13']").has_attr("checked")

    def test_highlights_words_in_results(self, client, world):
        response = client.get(SEARCH, {"q": "ciudades"})
        marks = [mark.get_text() for mark in html(response).select(".record-card mark")]
        assert "ciudades" in marks

    def test_pagination_keeps_the_filters(self, client, world):
        response = client.get(SEARCH, {"page_size": 2, "sdg": "11"})
        links = [link["href"] for link in html(response).select("nav.pagination a")]
        assert links and all("sdg=11" in link and "page_size=2" in link for link in links)
        second = client.get(SEARCH + links[0])
        assert len(result_titles(second)) == 1

    def test_empty_state_helps(self, client, world):
        response = client.get(SEARCH, {"q": "inexistente", "type": "premio"})
        assert response.status_code == 200
        text = html(response).select_one(".empty-state").get_text(" ", strip=True)
        assert "Ningún registro coincide" in text and "Quite alguno de los filtros" in text

    @pytest.mark.parametrize(
        "params",
        [
            {"sdg": "99"},
            {"year_from": "abc"},
            {"year_from": "2025", "year_to": "2020"},
            {"page_size": "1000"},
            {"page": "0"},
            {"page": "501", "page_size": "20"},
            {"sort": "random"},
            {"partner": "999999"},
            {"entity": "x"},
            {"country": "ZZ"},
            {"q": "x" * 10_000},
            {"q": "\x00"},
            {"partner": str(2**63)},
            {"entity": str(2**64)},
        ],
    )
    def test_bad_parameters_are_explained_never_a_500(self, client, world, params):
        response = client.get(SEARCH, params)
        assert response.status_code == 400
        summary = html(response).select_one(".error-summary")
        assert summary is not None and summary.select("li")
        assert len(result_titles(response)) >= 1  # the valid part still answers

    @pytest.mark.parametrize("query", HOSTILE_QUERIES)
    def test_hostile_words_are_just_words(self, client, world, query):
        response = client.get(SEARCH, {"q": query})
        assert response.status_code == 200

    def test_words_with_nothing_to_match_list_everything(self, client, world):
        assert len(result_titles(client.get(SEARCH, {"q": "de la"}))) == 5

    def test_a_partner_known_only_from_private_records_is_not_a_choice(self, client, world):
        from cooperacion.models import Partner

        secret = Partner.objects.create(name="Aliado Reservado SA", partner_type="empresa_privada")
        world.records["draft"].partner_links.create(partner=secret)
        response = client.get(SEARCH, {"partner": secret.pk})
        assert response.status_code == 400
        assert "Aliado Reservado" not in response.content.decode()
        api = client.get("/api/v1/records/", {"partner": secret.pk})
        assert api.status_code == 400 and "Aliado Reservado" not in api.content.decode()

    def test_the_year_range_can_be_corrected_when_nothing_matches(self, client, world):
        response = client.get(SEARCH, {"year_from": "2030", "year_to": "2020"})
        page = html(response)
        assert page.select_one("#id_year_to")["aria-invalid"] == "true"
        assert page.select_one(".error-summary a")["href"] == "#filter-year_to"

    def test_sorting_keeps_the_filters_in_one_form(self, client, world):
        page = html(client.get(SEARCH, {"sdg": "11", "page_size": "2"}))
        form = page.select_one("form.record-search")
        assert form.select_one("select[name=sort]") is not None
        assert form.select_one("input[name=page_size]")["value"] == "2"
        assert form.select_one("input[name=sdg][value='11']").has_attr("checked")

    def test_english(self, client, world):
        response = client.get("/en/cooperation/search/", {"q": "partnership"})
        assert response.status_code == 200
        assert sorted(result_titles(response)) == [
            "City partnerships for climate",
            "Education partnership with the National University",
        ]
        assert html(response).select_one("[role=status]").get_text(strip=True) == "2 records found"
        assert {h3["lang"] for h3 in html(response).select(".record-card h3")} == {"en"}

    def test_spanish_text_on_english_pages_says_so(self, client, world):
        record = world.records["R5"]
        record.title_en = ""
        record.save()
        response = client.get(f"/en/cooperation/record/{record.pk}/")
        assert html(response).h1["lang"] == "es"


class TestRecordSheet:
    def test_shows_the_public_record(self, client, world):
        record = world.records["R1"]
        record.internal_notes = "NOTA-INTERNA-PRIVADA"
        record.save()
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200
        text = response.content.decode()
        assert "Cooperación técnica con la AFD para la movilidad eléctrica" in text
        assert "Agencia Francesa de Desarrollo" in text
        assert "500.000.000,00 COP" in text
        assert "NOTA-INTERNA-PRIVADA" not in text

    def test_amounts_only_when_the_partner_authorised_them(self, client, world):
        record = world.records["R3"]
        assert record.authorisation_scope == AuthorisationScope.WITHOUT_AMOUNTS
        text = client.get(record.get_absolute_url()).content.decode()
        assert "200.000.000" not in text

    @pytest.mark.parametrize("key", ["draft", "unauthorised"])
    def test_private_records_are_not_found(self, client, world, key):
        assert client.get(world.records[key].get_absolute_url()).status_code == 404

    def test_english_sheet(self, client, world):
        with translation.override("en"):
            url = world.records["R1"].get_absolute_url()
        assert url.startswith("/en/cooperation/")
        assert "Technical cooperation with AFD on electric mobility" in client.get(url).content.decode()


def test_site_search_shows_matching_records(client, world, bilingual_site):
    response = client.get("/es/buscar/", {"q": "alianza"})
    section = html(response).select_one(".search-records")
    assert section is not None
    assert "2 registros de cooperación coinciden" in section.get_text(" ", strip=True)
    link = section.select("a")[-1]["href"]
    assert link.endswith("?q=alianza")
