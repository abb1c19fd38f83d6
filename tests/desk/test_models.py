"""Requests and plans as the office reads them: due dates, states, alerts, the order of service,
and one plan per sector and year."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from cooperacion.models import Sector
from desk.models import AssistanceRequest, Flag, RequestStatus
from desk.working_days import add_working_days
from tests.desk.factories import AssistanceRequestFactory, PrioritiesPlanFactory

pytestmark = pytest.mark.django_db


def test_the_due_date_is_ten_working_days_after_reception(desk):
    request = AssistanceRequestFactory(received_on=date(2025, 12, 24))
    assert request.due_on == date(2026, 1, 9)
    request.received_on = date(2026, 3, 28)  # a Saturday: counts from Monday the 30th
    request.save()
    assert request.due_on == date(2026, 4, 15)


def test_the_status_follows_the_offices_steps(desk):
    request = AssistanceRequestFactory()
    assert request.status == RequestStatus.RECEIVED
    request.assignee = desk.editor
    request.save()
    assert request.status == RequestStatus.ASSIGNED
    request.answer, request.answered_on = "Respuesta.", date(2026, 3, 4)
    request.save()
    assert request.status == RequestStatus.ANSWERED
    request.closed_on = date(2026, 3, 5)
    request.save()
    assert request.status == RequestStatus.CLOSED


def test_flags_and_their_querysets(desk):
    today = date(2026, 3, 16)  # Monday
    overdue = AssistanceRequestFactory(received_on=date(2026, 2, 27))  # due Fri 13 March
    due_today = AssistanceRequestFactory(received_on=date(2026, 3, 2))  # due Mon 16 March
    due_in_two = AssistanceRequestFactory(received_on=date(2026, 3, 4))  # due Wed 18 March
    later = AssistanceRequestFactory(received_on=date(2026, 3, 5))  # due Thu 19 March
    answered_late = AssistanceRequestFactory(
        received_on=date(2026, 2, 2), answer="Respuesta.", answered_on=date(2026, 3, 2)
    )
    assert add_working_days(today, 2) == date(2026, 3, 18)
    assert overdue.flag(today) == Flag.OVERDUE
    assert due_today.flag(today) == due_in_two.flag(today) == Flag.DUE_SOON
    assert later.flag(today) is None
    assert answered_late.flag(today) is None  # answered: no longer waiting
    requests = AssistanceRequest.objects
    assert list(requests.overdue(today)) == [overdue]
    assert list(requests.due_soon(today)) == [due_today, due_in_two]


def test_first_come_first_served(desk):
    closed_old = AssistanceRequestFactory(
        received_on=date(2026, 1, 5), answer="R.", answered_on=date(2026, 1, 6), closed_on=date(2026, 1, 6)
    )
    newer = AssistanceRequestFactory(received_on=date(2026, 3, 3))
    older = AssistanceRequestFactory(received_on=date(2026, 2, 3), assignee=desk.editor)
    same_day = AssistanceRequestFactory(received_on=date(2026, 2, 3))
    ordered = list(AssistanceRequest.objects.first_come_first_served())
    assert ordered == [older, same_day, newer, closed_old]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"answered_on": date(2026, 3, 3)}, "answer"),
        ({"answer": "R.", "answered_on": date(2026, 2, 27)}, "answered_on"),
        ({"closed_on": date(2026, 3, 3)}, "closed_on"),
        ({"answer": "R.", "answered_on": date(2026, 3, 4), "closed_on": date(2026, 3, 3)}, "closed_on"),
        ({"received_on": date(2099, 1, 1)}, "received_on"),
    ],
)
def test_inconsistent_steps_are_refused_with_a_message(desk, fields, field):
    request = AssistanceRequestFactory.build(entity=desk.education, **fields)
    with pytest.raises(ValidationError) as refused:
        request.full_clean()
    assert field in refused.value.message_dict


def test_the_database_refuses_a_closed_request_without_an_answer(desk):
    request = AssistanceRequestFactory()
    request.closed_on = date(2026, 3, 3)
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save()


def test_one_plan_per_sector_and_year(desk):
    education = Sector.objects.get(name="Educación")
    PrioritiesPlanFactory(sector=education, year=2026)
    PrioritiesPlanFactory(sector=education, year=2025)
    PrioritiesPlanFactory(sector=Sector.objects.get(name="Salud"), year=2026)
    with pytest.raises(IntegrityError), transaction.atomic():
        PrioritiesPlanFactory(sector=education, year=2026)
    duplicate = PrioritiesPlanFactory.build(sector=education, year=2026)
    with pytest.raises(ValidationError, match="ya tiene un plan de prioridades"):
        duplicate.full_clean()
