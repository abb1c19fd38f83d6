"""One behavioural suite for both record search engines (see conftest.py for the world)."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from search.engines.base import SearchRequest
from search.filters import RecordSearchFilterSet
from search.records import configured_engine, search_records, suggest_records


def search(world, **params):
    filterset = RecordSearchFilterSet(params, queryset=None)
    assert filterset.is_valid(), filterset.errors
    return search_records(filterset.search_request())


def titles(world, result):
    return [world.title_of(hit.action.pk) for hit in result.hits]


def counts(result, facet):
    return {bucket.value: bucket.count for bucket in next(f for f in result.facets if f.key == facet).buckets}


class TestWords:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("cooperacion", {"R1"}),  # no accent typed, "Cooperación" found
            ("COOPERACIÓN", {"R1"}),
            ("alianza", {"R2", "R3"}),  # singular finds "Alianzas"
            ("alianzas", {"R2", "R3"}),
            ("ciudad", {"R1", "R2"}),  # "ciudades" in R2
            ("movilidad eléctrica", {"R1"}),  # every word must match
            ("partnership", {"R2", "R3"}),  # English titles, plural and singular
            ("cities", {"R1", "R2"}),  # "city" in R1's English summary, "cities" in R2's
            ("Madrid", {"R2", "R4"}),  # a partner's name
            ("AFD", {"R1", "R5"}),  # a partner's acronym
        ],
    )
    def test_matches(self, world, query, expected):
        result = search(world, q=query)
        assert set(titles(world, result)) == expected
        assert result.total == len(expected)
        assert result.engine == configured_engine().name

    def test_title_matches_rank_first(self, world):
        assert titles(world, search(world, q="movilidad"))[0] == "R1"

    def test_private_records_never_match(self, world):
        for query in ("secreta borrador", "autorizada", "nadie debe ver"):
            assert search(world, q=query).total == 0

    def test_hits_are_highlighted_and_escaped(self, world, django_capture_on_commit_callbacks):
        world.records["R2"].title = "Alianzas <script>alert(1)</script> entre ciudades"
        with django_capture_on_commit_callbacks(execute=True):
            world.records["R2"].save_revision().publish()
        hit = next(hit for hit in search(world, q="alianzas").hits if hit.action.pk == world.records["R2"].pk)
        assert "<mark>Alianzas</mark>" in hit.title_html
        assert "<script>" not in hit.title_html
        assert "&lt;script&gt;" in hit.title_html
        assert "<mark>ciudades</mark>" in search(world, q="ciudades").hits[0].summary_html

    def test_english_readers_get_english_highlights(self, world):
        with translation.override("en"):
            hit = search(world, q="partnership", sort="newest").hits[0]
        assert hit.title_html == "City <mark>partnerships</mark> for climate"

    def test_english_readers_get_english_titles_even_when_spanish_words_matched(self, world):
        with translation.override("en"):
            hit = search(world, q="tecnica").hits[0]
        assert (hit.title_html, hit.title_lang) == (
            "Technical cooperation with AFD on electric mobility",
            "en",
        )

    def test_suggestions_complete_titles(self, world):
        assert [world.title_of(action.pk) for action in suggest_records("cooperacion tecn")] == ["R1"]
        assert {world.title_of(action.pk) for action in suggest_records("alia")} == {"R2", "R3"}


class TestFacets:
    def test_counts_of_every_facet(self, world):
        result = search(world)
        assert result.total == 5
        partner = {key: str(world.partners[key].pk) for key in world.partners}
        entity = {key: str(world.entities[key].pk) for key in world.entities}
        sector = {key: str(world.sectors[key].pk) for key in world.sectors}
        table = {key: str(world.tables[key].pk) for key in world.tables}
        assert counts(result, "type") == {
            "asistencia_tecnica": 1,
            "alianza": 2,
            "buenas_practicas": 1,
            "curso": 1,
        }
        assert counts(result, "partner_type") == {
            "gobierno_internacional": 2,
            "red_multilateral": 1,
            "gobierno_local": 2,
            "academia": 2,
        }
        assert counts(result, "partner") == {
            partner["afd"]: 2,
            partner["c40"]: 1,
            partner["madrid"]: 2,
            partner["uni"]: 2,
        }
        assert counts(result, "country") == {"FR": 2, "GB": 1, "ES": 2, "CO": 2}
        assert counts(result, "entity") == {entity["mov"]: 2, entity["amb"]: 3, entity["edu"]: 1}
        assert counts(result, "sector") == {sector["mov"]: 2, sector["amb"]: 3, sector["edu"]: 1}
        assert counts(result, "sdg") == {"11": 3, "13": 3, "4": 1}
        assert counts(result, "thematic_table") == {table["t1"]: 2, table["t2"]: 2}
        assert counts(result, "status") == {"en_ejecucion": 1, "identificada": 3, "finalizada": 1}
        assert counts(result, "year") == {"2025": 1, "2024": 2, "2023": 1, "2022": 1}

    def test_a_selection_narrows_the_others_but_not_its_own_facet(self, world):
        result = search(world, type=["alianza"])
        assert set(titles(world, result)) == {"R2", "R3"}
        assert counts(result, "type") == {
            "asistencia_tecnica": 1,
            "alianza": 2,
            "buenas_practicas": 1,
            "curso": 1,
        }
        assert counts(result, "partner_type") == {"red_multilateral": 1, "gobierno_local": 1, "academia": 1}
        assert counts(result, "sdg") == {"13": 1, "4": 1}
        assert [bucket.value for bucket in result.facets[0].selected] == ["alianza"]

    def test_values_of_one_facet_combine_with_or_and_facets_with_and(self, world):
        assert set(titles(world, search(world, type=["alianza", "curso"]))) == {"R2", "R3", "R5"}
        result = search(world, type=["alianza", "curso"], sdg=["13"])
        assert set(titles(world, result)) == {"R2", "R5"}
        assert counts(result, "sdg") == {"13": 2, "4": 1, "11": 1}

    def test_every_filter(self, world):
        cases = [
            ({"partner_type": ["academia"]}, {"R3", "R5"}),
            ({"partner": [world.partners["madrid"].pk]}, {"R2", "R4"}),
            ({"country": ["FR"]}, {"R1", "R5"}),
            ({"entity": [world.entities["mov"].pk]}, {"R1", "R4"}),
            ({"sector": [world.sectors["amb"].pk]}, {"R2", "R4", "R5"}),
            ({"sdg": ["4"]}, {"R3"}),
            ({"thematic_table": [world.tables["t2"].pk]}, {"R2", "R5"}),
            ({"status": ["identificada"]}, {"R2", "R4", "R5"}),
            ({"year_from": 2024}, {"R1", "R4", "R5"}),
            ({"year_to": 2023}, {"R2", "R3"}),
            ({"year_from": 2023, "year_to": 2024}, {"R1", "R2", "R4"}),
            ({"q": "alianza", "status": ["finalizada"]}, {"R3"}),
        ]
        for params, expected in cases:
            assert set(titles(world, search(world, **params))) == expected, params

    def test_text_narrows_the_counts(self, world):
        result = search(world, q="ciudad")
        assert counts(result, "type") == {"asistencia_tecnica": 1, "alianza": 1}
        assert counts(result, "country") == {"FR": 1, "GB": 1, "ES": 1}

    def test_labels_follow_the_language(self, world):
        with translation.override("en"):
            result = search(world)
        labels = {bucket.value: bucket.label for bucket in result.facets[0].buckets}
        assert labels["alianza"] == "Alliance"
        assert {bucket.label for bucket in result.facets[3].buckets} >= {"France", "Spain"}


class TestOrderAndPages:
    def test_newest_first_by_default_without_words(self, world):
        assert titles(world, search(world)) == ["R5", "R4", "R1", "R2", "R3"]

    def test_by_amount_with_hidden_amounts_last(self, world):
        # R3's partner did not authorise publishing amounts: it sorts with the records without one.
        assert titles(world, search(world, sort="amount")) == ["R4", "R1", "R5", "R2", "R3"]

    def test_pages_inside_the_engine(self, world):
        pages = [titles(world, search(world, page=page, page_size=2)) for page in (1, 2, 3)]
        assert pages == [["R5", "R4"], ["R1", "R2"], ["R3"]]
        beyond = search(world, page=4, page_size=2)
        assert beyond.total == 5 and beyond.hits == [] and beyond.num_pages == 3


class TestIndexSync:
    def test_publish_unpublish_withdraw_and_delete(self, world, django_capture_on_commit_callbacks):
        from tests.cooperacion.factories import CooperationActionFactory

        action = CooperationActionFactory(title="Huertas urbanas con Rosario", live=False)
        assert search(world, q="huertas").total == 0

        with django_capture_on_commit_callbacks(execute=True):
            action.save_revision().publish()
        assert titles_of(search(world, q="huertas")) == [action.pk]

        action.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            action.unpublish()
        assert search(world, q="huertas").total == 0

        with django_capture_on_commit_callbacks(execute=True):
            action.save_revision().publish()
        assert search(world, q="huertas").total == 1
        action.publication_authorised = False
        action.authorisation_date = None
        with django_capture_on_commit_callbacks(execute=True):
            action.save_revision().publish()
        assert search(world, q="huertas").total == 0

        action.publication_authorised = True
        action.authorisation_date = date(2025, 5, 1)
        with django_capture_on_commit_callbacks(execute=True):
            action.save_revision().publish()
        assert search(world, q="huertas").total == 1
        with django_capture_on_commit_callbacks(execute=True):
            action.delete()
        assert search(world, q="huertas").total == 0
        assert action_missing_from_index(action.pk)

    def test_saving_a_draft_of_a_public_record_changes_nothing_public(
        self, world, django_capture_on_commit_callbacks
    ):
        record = world.records["R1"]
        record.title = "Título en borrador sin publicar"
        with django_capture_on_commit_callbacks(execute=True):
            record.save_revision()
        assert search(world, q="borrador sin publicar").total == 0
        assert titles(world, search(world, q="movilidad electrica")) == ["R1"]

    def test_renaming_a_partner_in_the_admin_reindexes_its_records(
        self, world, admin_client, django_capture_on_commit_callbacks
    ):
        partner = world.partners["madrid"]
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse(partner.snippet_viewset.get_url_name("edit"), args=[partner.pk]),
                {
                    "name": "Ciudad de Madrid Capital",
                    "acronym": "",
                    "partner_type": partner.partner_type,
                    "country": "ES",
                },
            )
        assert response.status_code == 302
        assert set(titles(world, search(world, q="capital"))) == {"R2", "R4"}


def titles_of(result):
    return [hit.action.pk for hit in result.hits]


def action_missing_from_index(pk):
    return pk not in configured_engine().indexed_ids()


@pytest.mark.django_db
def test_a_page_costs_the_same_queries_whatever_its_size(world):
    request = SearchRequest(query="alianza", filters={"type": ("alianza",), "sdg": ("13", "4")})
    with CaptureQueriesContext(connection) as small:
        search_records(request)
    with CaptureQueriesContext(connection) as large:
        search_records(SearchRequest(**{**request.__dict__, "page_size": 100}))
    assert len(small) == len(large)
    assert len(small) <= 20
