"""The report figures against counts made by hand, the admin report's XLSX, and the public page:
aggregates only, in a constant number of queries."""

import io
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import openpyxl
import pytest

from cooperacion.models import Sector, ThematicTable
from cooperacion.roles import sync_roles
from desk.figures import priorities_by_year, service_report
from desk.models import AssistanceRequest, Decision, Modality, PlanStatus, PrioritiesPlan, SatisfactionSurvey
from tests.desk.conftest import PASSWORD
from tests.desk.factories import AssistanceRequestFactory, PrioritiesPlanFactory, PriorityFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 16)


def rated(request, rating, comment=""):
    SatisfactionSurvey.objects.create(
        request=request,
        token_hash=f"{request.pk:064d}",
        expires_at=timezone.now(),
        answered_at=timezone.now(),
        rating=rating,
        comment=comment,
    )


@pytest.fixture
def served(desk):
    """SED: answered the same day (rated 5), answered in 14 working days (rated 2), open and overdue.
    SDS: a visit answered in 5 working days, and one open within its term."""
    concept, visit = Modality.WRITTEN_CONCEPT, Modality.VISIT
    same_day = AssistanceRequestFactory(
        received_on=date(2026, 3, 2), answer="R.", answered_on=date(2026, 3, 2)
    )
    late = AssistanceRequestFactory(received_on=date(2026, 2, 2), answer="R.", answered_on=date(2026, 2, 20))
    AssistanceRequestFactory(received_on=date(2026, 2, 27))  # due 13 March: overdue on the 16th
    AssistanceRequestFactory(
        entity=desk.health,
        modality=visit,
        received_on=date(2026, 3, 5),
        answer="R.",
        answered_on=date(2026, 3, 12),
    )
    AssistanceRequestFactory(entity=desk.health, modality=visit, received_on=date(2026, 3, 10))
    rated(same_day, 5, comment="Comentario privado de la encuesta")
    rated(late, 2)
    assert {concept, visit} == set(AssistanceRequest.objects.values_list("modality", flat=True))


def test_figures_against_hand_counts(served):
    report = service_report(AssistanceRequest.objects.all(), today=TODAY)
    sds, sed = report.by_entity  # by acronym
    assert (sed.label, sed.requests, sed.answered, sed.open, sed.overdue) == ("SED", 3, 2, 1, 1)
    assert sed.median_days == Decimal("7.0")  # median of 0 and 14
    assert (sed.on_time, sed.decided, sed.on_time_share) == (1, 3, Decimal("33.3"))
    assert (sed.responses, sed.mean_rating) == (2, Decimal("3.50"))
    assert (sds.requests, sds.answered, sds.overdue, sds.median_days) == (2, 1, 0, Decimal("5.0"))
    assert (sds.on_time, sds.decided, sds.on_time_share) == (1, 1, Decimal("100.0"))
    assert (sds.responses, sds.mean_rating) == (0, None)
    total = report.total
    assert (total.requests, total.median_days, total.on_time, total.decided) == (5, Decimal("5.0"), 2, 4)
    assert total.on_time_share == Decimal("50.0")
    assert [row.label for row in report.by_year] == ["2026"]
    concept, visit = report.by_modality
    assert (concept.requests, concept.mean_rating, visit.requests, visit.mean_rating) == (
        3,
        Decimal("3.50"),
        2,
        None,
    )


def test_the_admin_report_and_its_workbook(client, desk, served):
    client.login(username=desk.editor.username, password=PASSWORD)
    page = client.get("/admin/mesa/informes/asistencia-tecnica/?year=2026")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Mediana de días hábiles" in html
    workbook = client.get("/admin/mesa/informes/asistencia-tecnica/?year=2026&export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active
    rows = {(row[0], row[1]): row[2:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Entidad", "SED"][:3] == (3, 2, 1)
    assert rows["Modalidad", "Visita de asistencia técnica"][0] == 2
    assert (
        client.get("/admin/mesa/informes/asistencia-tecnica/?year=1800").status_code == 200
    )  # an error, shown


def test_the_public_page_shows_aggregates_only_in_constant_queries(client, desk, served):
    education, health = Sector.objects.get(name="Educación"), Sector.objects.get(name="Salud")
    themes = list(ThematicTable.objects.order_by("pk")[:2])
    submitted = PrioritiesPlanFactory(sector=education, year=2026, status=PlanStatus.SUBMITTED)
    PriorityFactory(plan=submitted, theme=themes[0], need="Necesidad privada del sector")
    PriorityFactory(plan=submitted, theme=themes[1])
    PriorityFactory(
        plan=PrioritiesPlanFactory(sector=health, year=2026), theme=themes[0]
    )  # a draft: not counted
    analysed = PrioritiesPlanFactory(
        sector=education, year=2025, status=PlanStatus.ANALYSED, analysis_notes="Nota"
    )
    PriorityFactory(
        plan=analysed, theme=themes[0], decision=Decision.PRIORITISED, decision_reason="Razón privada"
    )

    summaries = priorities_by_year(PrioritiesPlan.objects.exclude(status=PlanStatus.DRAFT))
    assert [(s.year, s.plans, s.priorities, s.prioritised) for s in summaries] == [
        (2026, 1, 2, 0),
        (2025, 1, 1, 1),
    ]

    client.get("/es/asistencia-tecnica/cifras/")  # the site's own lookups, cached from then on
    with CaptureQueriesContext(connection) as few:
        page = client.get("/es/asistencia-tecnica/cifras/")
    assert page.status_code == 200
    html = page.content.decode()
    for private in (
        "Persona de prueba",
        "solicitante@example.org",
        "orientación para un memorando",
        "R.</",
        "Comentario privado",
        "Necesidad privada",
        "Razón privada",
        "Nota",
    ):
        assert private not in html, private
    assert "<caption>" in html and "SED" in html and themes[0].name in html

    for number in range(6):
        AssistanceRequestFactory(entity=desk.atenea, received_on=date(2024, 5, 6) + timedelta(days=number))
    PriorityFactory(plan=PrioritiesPlanFactory(sector=health, year=2024, status=PlanStatus.SUBMITTED))
    with CaptureQueriesContext(connection) as more:
        assert client.get("/es/asistencia-tecnica/cifras/").status_code == 200
    assert len(more) == len(few)
    with translation.override("en"):
        english = reverse("desk_figures")
    assert client.get(english).status_code == 200


def test_sync_roles_stays_idempotent_with_the_desks_grants(desk):
    from django.contrib.auth.models import Group, Permission

    liaisons = Group.objects.get(name="Enlaces de entidades")
    before = {
        group.name: set(group.permissions.values_list("pk", flat=True)) for group in Group.objects.all()
    }
    sync_roles()
    after = {group.name: set(group.permissions.values_list("pk", flat=True)) for group in Group.objects.all()}
    assert before == after
    codenames = set(
        liaisons.permissions.filter(content_type__app_label="desk").values_list("codename", flat=True)
    )
    assert codenames == {
        "add_prioritiesplan",
        "change_prioritiesplan",
        "view_prioritiesplan",
        "add_assistancerequest",
        "change_assistancerequest",
        "view_assistancerequest",
    }
    assert (
        Permission.objects.get(codename="manage_assistancerequest").group_set.filter(name="Editors").exists()
    )
