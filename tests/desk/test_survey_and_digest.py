"""Closing a request logs the step and e-mails a one-time survey link (only its hash is kept); the
survey answers once, before it expires, and bad links get a clear page. The daily digest."""

import io
import re
from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import ModelLogEntry

import pytest

from desk.models import SatisfactionSurvey
from desk.models.surveys import token_hash
from tests.desk.admin_forms import request_form, request_url
from tests.desk.conftest import PASSWORD
from tests.desk.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def survey_path(token, language="es"):
    with translation.override(language):
        return reverse("desk_survey", kwargs={"token": token})


@pytest.fixture
def closed(client, desk):
    """A request the editor assigns, answers and closes through the admin; the survey's token."""
    today = timezone.localdate()
    request = AssistanceRequestFactory(entity=desk.education, received_on=today - timedelta(days=3))
    client.login(username=desk.editor.username, password=PASSWORD)
    form = request_form(
        existing=request,
        assignee=desk.editor.pk,
        answer="Respuesta de la Consejería.",
        answered_on=str(today),
        closed_on=str(today),
    )
    assert client.post(request_url("edit", request.pk), form).status_code == 302
    client.logout()
    token = re.search(r"/es/encuesta/([\w-]+)/", mail.outbox[-1].body).group(1)
    return request, token


def test_closing_logs_the_steps_and_sends_the_survey(closed, desk):
    request, token = closed
    actions = set(ModelLogEntry.objects.filter(object_id=str(request.pk)).values_list("action", flat=True))
    assert {"desk.assign", "desk.answer", "desk.close"} <= actions
    message = mail.outbox[-1]
    assert message.to == ["solicitante@example.org"]
    assert "/en/" in message.body
    survey = SatisfactionSurvey.objects.get(request=request)
    assert survey.token_hash == token_hash(token) and token not in survey.token_hash


def test_the_survey_answers_once(client, closed):
    request, token = closed
    page = client.get(survey_path(token))
    assert page.status_code == 200 and request.topic in page.content.decode()
    assert client.post(survey_path(token), {"rating": "4", "comment": "Muy útil"}).status_code == 200
    survey = SatisfactionSurvey.objects.get(request=request)
    assert (survey.rating, survey.comment) == (4, "Muy útil")
    again = client.post(survey_path(token), {"rating": "1"})
    assert again.status_code == 410
    assert client.get(survey_path(token, "en")).status_code == 410
    assert SatisfactionSurvey.objects.get(request=request).rating == 4


def test_a_bad_rating_is_a_form_error(client, closed):
    _request, token = closed
    for rating in ("0", "6", "cinco", ""):
        assert client.post(survey_path(token), {"rating": rating}).status_code == 400
    assert SatisfactionSurvey.objects.get().rating is None


def test_an_expired_or_unknown_link(client, closed):
    _request, token = closed
    SatisfactionSurvey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(survey_path(token)).status_code == 410
    assert client.post(survey_path(token), {"rating": "5"}).status_code == 410
    assert client.get(survey_path("x" * 43)).status_code == 404
    assert client.get("/es/encuesta/%00%27%22/").status_code == 404


def test_closing_again_issues_a_new_link_and_voids_the_old(closed, desk):
    request, token = closed
    from desk.progress import send_survey

    send_survey(request)
    assert SatisfactionSurvey.objects.by_token(token) is None
    assert SatisfactionSurvey.objects.count() == 1


def test_the_digest(desk, settings):
    today = date(2026, 3, 16)
    overdue = AssistanceRequestFactory(received_on=date(2026, 2, 27), assignee=desk.editor)
    due_soon = AssistanceRequestFactory(received_on=date(2026, 3, 4), topic="Por vencer sin asignar")
    AssistanceRequestFactory(received_on=date(2026, 3, 10))  # not yet flagged
    out = io.StringIO()
    call_command("desk_digest", "--today", "2026-03-16", stdout=out)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["editora@example.org", "moderador@example.org"]
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert overdue.topic in by_recipient["editora@example.org"].body
    assert due_soon.topic not in by_recipient["editora@example.org"].body  # not theirs
    full = by_recipient["moderador@example.org"].body
    assert full.index(overdue.topic) < full.index(due_soon.topic)
    assert "1 vencidas y 1 por vencer" in by_recipient["moderador@example.org"].subject
    mail.outbox.clear()
    dry = io.StringIO()
    call_command("desk_digest", "--today", today.isoformat(), "--dry-run", stdout=dry)
    assert not mail.outbox and overdue.topic in dry.getvalue()
    call_command("desk_digest", "--today", "2026-02-02", stdout=io.StringIO())
    assert not mail.outbox  # nothing flagged, nothing sent
