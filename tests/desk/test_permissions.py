"""A liaison reaches only their entity's requests and their sector's plans, through every admin
view (listing, edit, inspect, history, export, chooser, reports), and never writes the office's part."""

import io
from datetime import date, timedelta

from django.utils import timezone

import openpyxl
import pytest

from cooperacion.models import Sector
from desk.models import AssistanceRequest, Decision, PrioritiesPlan
from tests.desk.admin_forms import plan_form, plan_url, request_form, request_url
from tests.desk.conftest import PASSWORD
from tests.desk.factories import AssistanceRequestFactory, PrioritiesPlanFactory, PriorityFactory

pytestmark = pytest.mark.django_db

DENIED = 302  # Wagtail answers a refusal with a redirect to its dashboard


@pytest.fixture
def requests(desk):
    return {
        "own": AssistanceRequestFactory(entity=desk.education, topic="Tema propio de Educación"),
        "other": AssistanceRequestFactory(entity=desk.health, topic="Tema ajeno de Salud"),
    }


@pytest.fixture
def plans(desk):
    education = PrioritiesPlanFactory(sector=desk.education.sector, year=2026)
    PriorityFactory(plan=education, need="Necesidad propia de Educación")
    health = PrioritiesPlanFactory(sector=desk.health.sector, year=2026)
    PriorityFactory(plan=health, need="Necesidad ajena de Salud", decision_reason="Razón ajena")
    return {"own": education, "other": health}


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def workbook_text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return " | ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)


def test_a_liaison_lists_and_exports_only_their_entitys_requests(client, desk, requests):
    login(client, desk.liaison)
    listing = client.get(request_url("list")).content.decode()
    assert "Tema propio de Educación" in listing and "Tema ajeno de Salud" not in listing
    exported = workbook_text(client.get(request_url("list") + "?export=xlsx"))
    assert "Tema propio de Educación" in exported and "Tema ajeno de Salud" not in exported
    chooser = client.get(
        request_url("list").replace("/mesa/solicitudes/", "/snippets/choose/desk/assistancerequest/")
    )
    assert chooser.status_code == 200
    assert "Tema ajeno de Salud" not in chooser.content.decode()


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "delete", "usage"])
def test_a_liaison_cannot_open_another_entitys_request(client, desk, requests, view):
    login(client, desk.liaison)
    assert client.get(request_url(view, requests["other"].pk)).status_code in (403, DENIED)
    if view in ("edit", "inspect"):
        assert client.get(request_url(view, requests["own"].pk)).status_code == 200


def test_a_liaison_cannot_post_another_entitys_request(client, desk, requests):
    login(client, desk.other_liaison)
    response = client.post(
        request_url("edit", requests["own"].pk), request_form(existing=requests["own"], topic="X")
    )
    assert response.status_code in (403, DENIED)
    assert AssistanceRequest.objects.get(pk=requests["own"].pk).topic == "Tema propio de Educación"


def test_a_liaison_files_a_request_for_their_entity_only(client, desk):
    login(client, desk.liaison)
    refused = client.post(request_url("add"), request_form(desk.health))
    assert refused.status_code == 200 and "entity" in refused.context["form"].errors
    # The office's fields, posted anyway, are not in a liaison's form: they are ignored.
    response = client.post(
        request_url("add"),
        request_form(desk.education, received_on="2020-01-01", assignee=desk.editor.pk, answer="Yo respondo"),
    )
    assert response.status_code == 302
    filed = AssistanceRequest.objects.get()
    assert filed.entity == desk.education
    assert filed.received_on == timezone.localdate()
    assert filed.assignee is None and filed.answer == ""
    assert filed.filed_by == desk.liaison


def test_a_liaison_cannot_change_an_answered_request(client, desk):
    answered = AssistanceRequestFactory(entity=desk.education, answer="R.", answered_on=date(2026, 3, 3))
    login(client, desk.liaison)
    assert client.get(request_url("edit", answered.pk)).status_code == DENIED
    assert client.get(request_url("inspect", answered.pk)).status_code == 200


def test_the_survey_comment_is_the_offices(client, desk):
    closed = AssistanceRequestFactory(
        entity=desk.education, answer="R.", answered_on=date(2026, 3, 3), closed_on=date(2026, 3, 3)
    )
    closed.survey = None
    from desk.models import SatisfactionSurvey

    SatisfactionSurvey.issue(closed)
    SatisfactionSurvey.objects.update(rating=2, comment="Comentario interno de la encuesta")
    login(client, desk.liaison)
    assert (
        "Comentario interno de la encuesta"
        not in client.get(request_url("inspect", closed.pk)).content.decode()
    )
    login(client, desk.editor)
    assert (
        "Comentario interno de la encuesta" in client.get(request_url("inspect", closed.pk)).content.decode()
    )


def test_a_liaison_without_a_current_period_reaches_nothing(client, desk, requests):
    desk.liaison.liaison_entries.update(start_date=date(2020, 1, 1), end_date=date(2021, 1, 1))
    login(client, desk.liaison)
    assert client.get(request_url("list")).status_code == DENIED
    assert client.get(request_url("inspect", requests["own"].pk)).status_code in (403, DENIED)
    assert client.get("/admin/mesa/informes/asistencia-tecnica/").status_code in (403, DENIED)


def test_the_requests_report_of_a_liaison_counts_their_entity_only(client, desk, requests):
    login(client, desk.liaison)
    report = client.get("/admin/mesa/informes/asistencia-tecnica/")
    assert report.context["report"].total.requests == 1
    assert [row.label for row in report.context["report"].by_entity] == ["SED"]
    # Filters of another entity are not theirs to use.
    assert "entity" not in report.context["filters"].fields
    exported = workbook_text(client.get("/admin/mesa/informes/asistencia-tecnica/?export=xlsx"))
    assert "SED" in exported and "SDS" not in exported
    login(client, desk.editor)
    assert client.get("/admin/mesa/informes/asistencia-tecnica/").context["report"].total.requests == 2


def test_a_sectors_plan_is_filled_by_any_liaison_of_the_sector(client, desk, plans, django_user_model):
    from tests.desk.conftest import make_user

    atenea = make_user(django_user_model, "enlace-atenea", "Enlaces de entidades", desk.atenea)
    login(client, atenea)
    listing = client.get(plan_url("list")).content.decode()
    assert "Plan de prioridades 2026 — Educación" in listing
    assert "Plan de prioridades 2026 — Salud" not in listing
    assert client.get(plan_url("edit", plans["own"].pk)).status_code == 200
    assert client.get(plan_url("edit", plans["other"].pk)).status_code in (403, DENIED)
    assert client.get(plan_url("inspect", plans["other"].pk)).status_code in (403, DENIED)


def test_a_liaison_files_their_sectors_plan_and_cannot_decide(client, desk):
    theme = PriorityFactory.build().theme
    login(client, desk.liaison)
    refused = client.post(plan_url("add"), plan_form(Sector.objects.get(name="Salud")))
    assert "sector" in refused.context["form"].errors
    analysed = client.post(plan_url("add"), plan_form(desk.education.sector, status="analizado"))
    assert "status" in analysed.context["form"].errors
    response = client.post(
        plan_url("add"),
        plan_form(
            desk.education.sector,
            status="enviado",
            priorities=[
                {
                    "need": "Necesidad",
                    "theme": theme.pk,
                    "decision": "priorizada",
                    "decision_reason": "Porque sí",
                }
            ],
            analysis_notes="Notas del enlace",
        ),
    )
    assert response.status_code == 302
    plan = PrioritiesPlan.objects.get()
    priority = plan.priorities.get()
    assert priority.decision == Decision.PENDING and priority.decision_reason == ""
    assert plan.analysis_notes == ""


def test_the_office_analyses_and_a_liaison_no_longer_edits(client, desk, plans):
    plan = plans["own"]
    priority = plan.priorities.get()
    login(client, desk.editor)
    form = plan_form(
        plan.sector,
        status="analizado",
        priorities=[
            {"id": priority.pk, "need": priority.need, "theme": priority.theme_id, "decision": "priorizada"}
        ],
        initial=1,
        analysis_notes="Notas de la Consejería",
    )
    refused = client.post(plan_url("edit", plan.pk), form)
    assert refused.status_code == 200  # a decision needs its reason
    form["priorities-0-decision_reason"] = "Alto potencial de alianzas."
    assert client.post(plan_url("edit", plan.pk), form).status_code == 302
    priority.refresh_from_db()
    assert priority.decision == Decision.PRIORITISED
    login(client, desk.liaison)
    assert client.get(plan_url("edit", plan.pk)).status_code == DENIED
    report = client.get("/admin/mesa/informes/planes/?year=2026").content.decode()
    assert "Alto potencial de alianzas." in report  # the decision and its reason: for the sector to read
    assert "Notas de la Consejería" not in report  # the office's own analysis: not


def test_the_plans_report_of_a_liaison_shows_their_sector_only(client, desk, plans):
    login(client, desk.liaison)
    report = client.get("/admin/mesa/informes/planes/?year=2026").content.decode()
    assert "Necesidad propia de Educación" in report and "Necesidad ajena de Salud" not in report
    exported = workbook_text(client.get("/admin/mesa/informes/planes/?year=2026&export=xlsx"))
    assert "Necesidad propia de Educación" in exported and "Razón ajena" not in exported


def test_only_office_staff_can_be_assigned(client, desk):
    request = AssistanceRequestFactory(
        entity=desk.education, received_on=timezone.localdate() - timedelta(days=1)
    )
    login(client, desk.editor)
    response = client.post(
        request_url("edit", request.pk), request_form(existing=request, assignee=desk.liaison.pk)
    )
    assert "assignee" in response.context["form"].errors


def test_the_inspect_view_of_a_plan_lists_its_priorities(client, desk, plans):
    login(client, desk.liaison)
    page = client.get(plan_url("inspect", plans["own"].pk))
    assert "Necesidad propia de Educación" in page.content.decode()
    assert client.get("/admin/mesa/informes/planes/?year=99999999999").status_code == 200
