"""Synthetic records: reproducible, valid, fully linked, idempotent; the command and the spreadsheet."""

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from io import StringIO

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.search.backends import get_search_backend

import openpyxl
import pytest

from cooperacion.models import (
    ActionEntity,
    ActionPartner,
    AuthorisationScope,
    BogotaLocality,
    CooperationAction,
    Dimension,
    DistrictEntity,
    Partner,
    PartnerRole,
    PartnerType,
    ResultIndicator,
    Status,
)
from cooperacion.reference_data import DEMO_PARTNERS
from cooperacion.synthetic import (
    LEGACY_HEADER,
    ReferenceSet,
    build_action,
    external_id,
    generate_actions,
    write_legacy_spreadsheet,
)

FIELDS = [
    "external_id",
    "title",
    "title_en",
    "summary",
    "summary_en",
    "description",
    "action_type",
    "instrument_kind",
    "line_of_action",
    "dimension",
    "status",
    "date_identified",
    "date_signed",
    "start_date",
    "end_date",
    "year",
    "thematic_table__name",
    "development_plan_target__code",
    "amount",
    "currency",
    "exchange_rate_cop",
    "usd_rate_cop",
    "exchange_rate_date",
    "amount_cop",
    "amount_usd",
    "in_kind",
    "citywide",
    "countries",
    "results",
    "publication_authorised",
    "authorisation_date",
    "authorisation_scope",
    "live",
    "first_published_at",
]


def synthetic(seed):
    return CooperationAction.objects.filter(external_id__startswith=f"SYN-{seed}-")


def snapshot(seed):
    """Everything a record holds, by natural keys (no primary keys), by record number."""
    records = {}
    for action in synthetic(seed).prefetch_related(
        "partner_links__partner",
        "entity_links__entity",
        "indicators",
        "sdgs",
        "localities",
        "transversal_axes",
    ):
        values = {name: getattr(action, name) for name in FIELDS if "__" not in name}
        values["thematic_table"] = action.thematic_table.name if action.thematic_table else None
        values["target"] = action.development_plan_target.code if action.development_plan_target else None
        values["countries"] = [str(country) for country in action.countries]
        values["partners"] = [(link.partner.name, link.role) for link in action.partner_links.all()]
        values["entities"] = [link.entity.acronym for link in action.entity_links.all()]
        values["indicators"] = [(i.name, i.name_en, i.value, i.unit) for i in action.indicators.all()]
        values["sdgs"] = sorted(goal.number for goal in action.sdgs.all())
        values["localities"] = sorted(locality.code for locality in action.localities.all())
        values["axes"] = sorted(axis.name for axis in action.transversal_axes.all())
        records[action.external_id] = values
    return dict(sorted(records.items(), key=lambda item: int(item[0].rsplit("-", 1)[1])))


@pytest.mark.django_db
class TestReproducible:
    def test_the_same_seed_gives_the_same_records(self, register_data):
        generate_actions(30, seed=7)
        first = snapshot(7)
        synthetic(7).delete()
        generate_actions(30, seed=7)
        assert snapshot(7) == first
        assert len(first) == 30

    def test_another_seed_gives_other_records(self, register_data):
        generate_actions(10, seed=7)
        generate_actions(10, seed=8)
        titles_7 = [record["summary"] for record in snapshot(7).values()]
        titles_8 = [record["summary"] for record in snapshot(8).values()]
        assert titles_7 != titles_8

    def test_a_record_does_not_depend_on_the_count(self, register_data):
        generate_actions(12, seed=4, batch_size=5)
        big = snapshot(4)
        synthetic(4).delete()
        generate_actions(5, seed=4)
        small = snapshot(4)
        assert small == {key: big[key] for key in small}

    def test_the_spreadsheet_holds_the_records_the_database_gets(self, register_data, tmp_path):
        """With the default reference lists, the writer needs no database and draws the same records."""
        path = tmp_path / "legacy.csv"
        write_legacy_spreadsheet(path, 15, seed=9)
        generate_actions(15, seed=9)
        with path.open(encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream))
        stored = snapshot(9)
        assert [row["ID"] for row in rows] == list(stored)
        assert [row["Título"] for row in rows] == [record["title"] for record in stored.values()]
        assert [row["Valor en pesos"] for row in rows] == [
            format(record["amount_cop"], "f") if record["amount_cop"] is not None else ""
            for record in stored.values()
        ]


@pytest.mark.django_db
class TestValidRecords:
    @pytest.fixture
    def sample(self, register_data):
        generate_actions(300, seed=11)
        return list(synthetic(11).prefetch_related("localities", "entity_links", "partner_links"))

    def test_every_record_passes_full_clean(self, sample):
        failures = {}
        for action in sample:
            try:
                action.full_clean()
            except ValidationError as error:
                failures[action.external_id] = error.message_dict
        assert not failures
        assert len(sample) == 300

    def test_what_save_would_compute_is_set(self, sample):
        today = timezone.localdate()
        for action in sample:
            assert action.year == action.compute_year()
            if action.amount is not None:
                rate = Decimal(1) if action.currency == "COP" else action.exchange_rate_cop
                assert action.amount_cop == (action.amount * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
                assert action.amount_usd is not None and action.exchange_rate_date is not None
            assert action.citywide == (not action.localities.all())
            if action.live:
                assert action.first_published_at <= action.last_published_at <= timezone.now()
                assert not action.has_unpublished_changes
            else:
                assert action.first_published_at is None
            if action.publication_authorised:
                assert action.date_identified <= action.authorisation_date <= today
                assert action.authorisation_scope in AuthorisationScope.values
            assert action.latest_revision is None  # documented: no revisions

    def test_statuses_follow_the_dates(self, sample):
        today = timezone.localdate()
        for action in sample:
            assert action.date_identified <= today
            if action.status == Status.IN_EXECUTION:
                assert action.date_signed or action.start_date
            if action.status == Status.COMPLETED:
                assert action.end_date and action.end_date <= today
            if action.status in (Status.IDENTIFIED, Status.NEGOTIATION, Status.NOT_MATERIALISED):
                assert not (action.date_signed or action.start_date or action.end_date)

    def test_the_mix_is_realistic(self, sample):
        share = lambda condition: sum(1 for action in sample if condition(action)) / len(sample)  # noqa: E731
        assert 0.65 < share(lambda a: a.publication_authorised) < 0.85
        assert 0.82 < share(lambda a: a.live) < 0.97
        assert share(lambda a: a.amount is not None) > 0.5
        assert share(lambda a: a.title_en and a.summary_en) > 0.7
        assert 0 < share(lambda a: a.in_kind) < 0.3
        currencies = {action.currency for action in sample}
        assert {"", "COP", "USD", "EUR", "KRW"} <= currencies <= {"", "COP", "USD", "EUR", "KRW", "JPY"}
        assert {action.dimension for action in sample} == set(Dimension.values)
        assert {action.status for action in sample} == set(Status.values)
        assert min(action.date_identified for action in sample).year <= 2018
        assert all(1 <= len(action.entity_links.all()) <= 3 for action in sample)
        assert all(1 <= len(action.partner_links.all()) <= 3 for action in sample)

    def test_countries_are_the_partners(self, sample):
        for action in CooperationAction.objects.filter(pk__in=[a.pk for a in sample[:50]]):
            countries = {str(link.partner.country) for link in action.partner_links.all()} - {""}
            assert {str(country) for country in action.countries} == countries


@pytest.mark.django_db
class TestLinks:
    def test_through_rows_match_what_was_built_and_reported(self, register_data):
        report = generate_actions(120, seed=5, batch_size=50)
        references = ReferenceSet.from_database()
        built = [build_action(references, 5, number) for number in range(1, 121)]
        actions = synthetic(5)
        expected = {
            "partner_links": sum(len(item.partners) for item in built),
            "entity_links": sum(len(item.entities) for item in built),
            "indicators": sum(len(item.indicators) for item in built),
            "sdg_links": sum(len(item.sdgs) for item in built),
            "locality_links": sum(len(item.localities) for item in built),
            "axis_links": sum(len(item.axes) for item in built),
        }
        stored = {
            "partner_links": ActionPartner.objects.filter(action__in=actions).count(),
            "entity_links": ActionEntity.objects.filter(action__in=actions).count(),
            "indicators": ResultIndicator.objects.filter(action__in=actions).count(),
            "sdg_links": CooperationAction.sdgs.through.objects.filter(cooperationaction__in=actions).count(),
            "locality_links": CooperationAction.localities.through.objects.filter(
                cooperationaction__in=actions
            ).count(),
            "axis_links": CooperationAction.transversal_axes.through.objects.filter(
                cooperationaction__in=actions
            ).count(),
        }
        assert stored == expected
        assert {name: getattr(report, name) for name in expected} == expected
        assert report.created == actions.count() == 120
        assert all(count > 0 for count in stored.values())

    def test_links_go_to_the_right_record(self, register_data):
        generate_actions(40, seed=6, batch_size=15)
        references = ReferenceSet.from_database()
        for action in synthetic(6):
            number = int(action.external_id.rsplit("-", 1)[1])
            item = build_action(references, 6, number)
            assert [link.partner_id for link in action.partner_links.all()] == [
                p.pk for p, _ in item.partners
            ]
            assert [link.entity_id for link in action.entity_links.all()] == [e.pk for e in item.entities]
            assert sorted(action.sdgs.values_list("number", flat=True)) == item.sdgs
            assert [i.name for i in action.indicators.all()] == [i.name for i in item.indicators]


@pytest.mark.django_db
class TestRerunning:
    def test_running_again_creates_nothing_and_changes_nothing(self, register_data):
        generate_actions(20, seed=3)
        edited = synthetic(3).get(external_id="SYN-3-4")
        edited.title = "Título corregido por una editora"
        edited.save()
        before = snapshot(3)
        report = generate_actions(20, seed=3)
        assert (report.created, report.skipped) == (0, 20)
        assert snapshot(3) == before
        assert synthetic(3).get(external_id="SYN-3-4").title == "Título corregido por una editora"

    def test_a_larger_count_adds_only_the_missing_numbers(self, register_data):
        generate_actions(20, seed=3)
        synthetic(3).filter(external_id="SYN-3-7").delete()
        report = generate_actions(25, seed=3)
        assert (report.created, report.skipped) == (6, 19)
        assert sorted(synthetic(3).values_list("external_id", flat=True)) == sorted(
            external_id(3, number) for number in range(1, 26)
        )


@pytest.mark.django_db
class TestSearchIndex:
    def test_generated_records_are_searchable(self, register_data):
        generate_actions(8, seed=2)
        found = {action.external_id for action in get_search_backend().search("SYN", CooperationAction)}
        assert found == {external_id(2, number) for number in range(1, 9)}

    def test_no_index_leaves_the_index_alone(self, register_data):
        generate_actions(8, seed=2, index=False)
        assert synthetic(2).count() == 8
        assert list(get_search_backend().search("SYN", CooperationAction)) == []


@pytest.mark.django_db
class TestCommand:
    def test_it_loads_what_it_needs_and_generates(self):
        assert not Partner.objects.exists()
        out, err = StringIO(), StringIO()
        call_command("generate_actions", count=12, seed=21, stdout=out, stderr=err)
        assert synthetic(21).count() == 12
        assert Partner.objects.count() == len(DEMO_PARTNERS)
        assert DistrictEntity.objects.filter(acronym="SDA").exists()
        assert "Created 12 synthetic actions (SYN-21-1 … SYN-21-12); 0 already existed." in out.getvalue()
        assert "search index: 12 records added" in out.getvalue()

    def test_running_it_again_reports_what_existed(self, register_data):
        call_command("generate_actions", count=5, seed=21, stdout=StringIO(), stderr=StringIO())
        out = StringIO()
        call_command("generate_actions", count=7, seed=21, no_index=True, stdout=out, stderr=StringIO())
        assert "Created 2 synthetic actions (SYN-21-1 … SYN-21-7); 5 already existed." in out.getvalue()
        assert "search index: not updated" in out.getvalue()
        assert synthetic(21).count() == 7

    def test_the_admin_edits_a_record_without_revisions(self, register_data, admin_client):
        generate_actions(1, seed=22)
        action = synthetic(22).get()
        response = admin_client.get(
            reverse("wagtailsnippets_cooperacion_cooperationaction:edit", args=[action.pk])
        )
        assert response.status_code == 200
        assert action.title in response.content.decode()


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTNER = re.compile(r"^[^|;]+ \| [^|;]+ \| [A-Z]{2} \| [^|;]+$")


def check_legacy_rows(rows, seed):
    statuses = {str(label) for label in Status.labels}
    dimensions = {str(label) for label in Dimension.labels}
    partner_types = {str(label) for label in PartnerType.labels}
    roles = {str(label) for label in PartnerRole.labels}
    localities = set(BogotaLocality.labels)
    for number, row in enumerate(rows, start=1):
        cells = dict(zip(LEGACY_HEADER, row, strict=True))
        assert cells["ID"] == external_id(seed, number)
        assert cells["Estado"] in statuses
        assert cells["Dimensión"] in dimensions
        assert DATE.match(cells["Fecha de identificación"])
        for header in ("Fecha de firma", "Fecha de inicio", "Fecha de finalización", "Fecha de las tasas"):
            assert cells[header] == "" or DATE.match(cells[header])
        for entry in cells["Aliados"].split("; "):
            assert PARTNER.match(entry), entry
            _name, partner_type, _country, role = entry.split(" | ")
            assert partner_type in partner_types and role in roles
        assert cells["En especie"] in ("Sí", "No") and cells["Autoriza publicar"] in ("Sí", "No")
        assert cells["Cobertura"] == "Distrital" or set(cells["Cobertura"].split("; ")) <= localities
        assert all(re.fullmatch(r"\d{1,2}", goal) for goal in cells["ODS"].split("; "))
        assert cells["Valor"] == "" or re.fullmatch(r"\d+\.\d{2}", cells["Valor"])


class TestLegacySpreadsheet:
    def test_xlsx_has_the_header_and_one_row_per_record(self, tmp_path):
        path = tmp_path / "legacy.xlsx"
        assert write_legacy_spreadsheet(path, 25, seed=4) == 25
        sheet = openpyxl.load_workbook(path, read_only=True).active
        rows = [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]
        assert rows[0] == LEGACY_HEADER
        assert len(rows) == 26
        check_legacy_rows(rows[1:], seed=4)

    def test_csv_has_the_header_and_one_row_per_record(self, tmp_path):
        path = tmp_path / "legacy.csv"
        write_legacy_spreadsheet(path, 25, seed=4)
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        assert rows[0] == LEGACY_HEADER
        assert len(rows) == 26
        check_legacy_rows(rows[1:], seed=4)

    def test_other_formats_are_refused(self, tmp_path):
        with pytest.raises(ValueError):
            write_legacy_spreadsheet(tmp_path / "legacy.ods", 1, seed=1)
