"""The register's figures, counted by hand on `figures_world` (tests/cooperacion/conftest.py): four
public records; a draft and an unauthorised record that never count."""

import json
from decimal import Decimal

from django.http import QueryDict
from django.utils import translation

import pytest

from cooperacion.figures import ACHIEVED_STATUSES, register_figures
from cooperacion.models import DevelopmentPlanTarget, Status
from cooperacion.reference_data import DEVELOPMENT_PLAN_TARGETS, load_reference_data
from search.filters import every_public_match
from tests.cooperacion.conftest import PRIVATE_MARKER


def figures(query=""):
    filterset = every_public_match(QueryDict(query))
    assert filterset.is_valid(), filterset.errors
    return register_figures(filterset)


def counts(result, key):
    return {item.value: item.count for item in result.series_for(key).items}


class TestFigures:
    def test_key_figures(self, figures_world):
        result = figures()
        assert result.actions == 4
        # AFD, GIZ, C40 and the university; the partner known only from private records is not one.
        assert result.partners == 4
        assert result.countries == 5

    def test_resources_sum_only_the_amounts_partners_authorised(self, figures_world):
        result = figures()
        # A (500 M pesos, 125,000 dollars at 4,000) and C (20 M pesos, no dollar rate); B's amount is
        # not public (its partner authorised the record without amounts); the private ones never count.
        assert result.cop.total == Decimal("520000000.00")
        assert result.cop.records == 2
        assert result.usd.total == Decimal("125000.00")
        assert result.usd.records == 1

    def test_series(self, figures_world):
        result = figures()
        assert counts(result, "year") == {"2022": 1, "2024": 2, "2025": 1}
        assert counts(result, "type") == {"alianza": 2, "curso": 1, "buenas_practicas": 1}
        assert counts(result, "status") == {
            "identificada": 1,
            "en_negociacion": 1,
            "en_ejecucion": 1,
            "finalizada": 1,
        }
        # A has two foreign-government partners and two mobility entities: it counts once in each.
        assert counts(result, "partner_type") == {
            "gobierno_internacional": 1,
            "red_multilateral": 1,
            "academia": 1,
        }
        sectors = figures_world.sectors
        assert counts(result, "sector") == {str(sectors["mov"].pk): 2, str(sectors["amb"].pk): 2}
        entities = figures_world.entities
        assert counts(result, "entity") == {
            str(entities["smp"].pk): 2,
            str(entities["sap"].pk): 2,
            str(entities["tm"].pk): 1,
        }
        assert counts(result, "sdg") == {"4": 1, "11": 1, "13": 2}
        tables = figures_world.tables
        assert counts(result, "thematic_table") == {str(tables["t1"].pk): 1, str(tables["t2"].pk): 1}

    def test_countries_are_partners_and_listed_ones_each_record_once(self, figures_world):
        # France: A through AFD, D listed. Great Britain: B, both through C40 and listed, counted once.
        assert counts(figures(), "country") == {"FR": 2, "DE": 1, "GB": 1, "BR": 1, "CO": 1}

    def test_labels_and_order(self, figures_world):
        result = figures()
        assert [item.label for item in result.series_for("status").items] == [
            "Identificada",
            "En negociación",
            "Formalizada / en ejecución",
            "Finalizada",
        ]
        assert [item.label for item in result.series_for("year").items] == ["2022", "2024", "2025"]
        assert result.series_for("country").items[0].label == "Francia"
        entity = next(item for item in result.series_for("entity").items if item.count == 1)
        assert entity.label == "Transmilenio (TMSA)"
        assert result.series_for("sdg").items[0].label == "4. Educación de calidad"

    def test_labels_in_english(self, figures_world):
        with translation.override("en"):
            result = figures()
        assert result.series_for("type").items[0].label == "Alliance"
        assert result.series_for("country").items[0].label == "France"

    def test_a_selection_counts_its_own_values_only(self, figures_world):
        """Unlike the search's facets, every filter applies to every series."""
        result = figures("type=alianza")
        assert result.actions == 2
        assert counts(result, "type") == {"alianza": 2}
        assert counts(result, "country") == {"FR": 1, "DE": 1, "GB": 1, "BR": 1}
        assert result.cop.total == Decimal("500000000.00")

        result = figures("type=alianza&type=curso&year_from=2024")
        assert counts(result, "type") == {"alianza": 1, "curso": 1}
        assert counts(result, "year") == {"2024": 2}

    def test_equal_to_the_matching_records(self, figures_world):
        for query in (
            "",
            "type=alianza",
            "country=FR",
            "q=movilidad",
            f"sector={figures_world.sectors['amb'].pk}",
        ):
            filterset = every_public_match(QueryDict(query))
            assert filterset.is_valid()
            assert register_figures(filterset).actions == filterset.qs.count(), query

    def test_the_same_whichever_way_the_index_is_read(self, figures_world, monkeypatch):
        record_by_record = figures().as_dict()
        monkeypatch.setattr("cooperacion.figures.LOOKUP_LIMIT", 0)
        assert figures().as_dict() == record_by_record

    def test_words_filter_too(self, figures_world):
        assert figures("q=intercambio").actions == 1

    def test_nothing_matches(self, figures_world):
        result = figures("year_from=2030")
        assert (result.actions, result.partners, result.countries) == (0, 0, 0)
        assert result.cop.total == 0 and result.cop.records == 0
        assert all(not series.items for series in result.series)

    def test_private_records_never_count(self, figures_world):
        data = json.dumps(figures().as_dict())
        assert PRIVATE_MARKER not in data
        assert '"JP"' not in data and '"17"' not in data and "premio" not in data

    def test_as_dict_is_json(self, figures_world):
        data = json.loads(json.dumps(figures().as_dict()))
        assert data["actions"] == 4
        assert data["resources"]["cop"] == {"currency": "COP", "total": "520000000.00", "records": 2}
        assert data["series"]["country"]["items"][0] == {"value": "FR", "label": "Francia", "count": 2}
        assert data["achieved_statuses"] == ["en_ejecucion", "finalizada"]


class TestDevelopmentPlanTargets:
    def test_progress_counts_public_records_by_status(self, figures_world):
        targets = {target.code: target for target in figures().targets}
        first = targets["PDD-T1"]
        # A (in execution) and B (completed); the draft and the unauthorised record are linked too.
        assert {item.value: item.count for item in first.by_status if item.count} == {
            Status.IN_EXECUTION: 1,
            Status.COMPLETED: 1,
        }
        assert (first.achieved, first.linked, first.goal, first.percent) == (2, 2, 4, 50)
        assert first.indicator == "Alianzas formalizadas"
        second = targets["PDD-T2"]
        # C is only identified: linked, not achieved; no goal, no percentage.
        assert (second.achieved, second.linked, second.goal, second.percent) == (0, 1, None, None)

    def test_progress_follows_the_filter(self, figures_world):
        first = next(target for target in figures("year_to=2023").targets if target.code == "PDD-T1")
        assert (first.achieved, first.percent) == (1, 25)

    def test_indicator_in_english(self, figures_world):
        with translation.override("en"):
            first = figures().targets[0]
        assert first.indicator == "Formalised partnerships"

    def test_achieved_statuses(self):
        assert ACHIEVED_STATUSES == (Status.IN_EXECUTION, Status.COMPLETED)

    def test_reference_data_gives_the_demo_targets_goals(self, db):
        load_reference_data()
        targets = DevelopmentPlanTarget.objects.order_by("code")
        assert [target.code for target in targets] == [row[0] for row in DEVELOPMENT_PLAN_TARGETS]
        assert all(target.goal and target.indicator and target.indicator_en for target in targets)

    def test_targets_loaded_before_goals_get_them_once(self, db):
        code = DEVELOPMENT_PLAN_TARGETS[0][0]
        DevelopmentPlanTarget.objects.create(code=code, programme="Programa", target="Meta")
        load_reference_data()
        target = DevelopmentPlanTarget.objects.get(code=code)
        assert target.goal == DEVELOPMENT_PLAN_TARGETS[0][-1]
        target.goal = 7
        target.save()
        load_reference_data()
        assert DevelopmentPlanTarget.objects.get(code=code).goal == 7


@pytest.mark.parametrize("query", ["", "type=alianza&country=FR", "q=clima&year_from=2020"])
def test_a_constant_number_of_queries(figures_world, django_assert_max_num_queries, query):
    filterset = every_public_match(QueryDict(query))
    assert filterset.is_valid()
    filterset.qs  # noqa: B018 — validating the choices is the filter's cost, not the figures'
    with django_assert_max_num_queries(6):
        register_figures(filterset)
