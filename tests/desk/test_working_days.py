"""Working days against Colombia's calendar, counted by hand from the official holidays."""

from datetime import date

import pytest

from desk.working_days import (
    add_working_days,
    answer_time,
    due_date,
    is_working_day,
    reception_day,
    working_days_between,
)


@pytest.mark.parametrize(
    "day, working",
    [
        (date(2025, 12, 24), True),  # Christmas Eve is a working day
        (date(2025, 12, 25), False),
        (date(2026, 1, 1), False),
        (date(2026, 1, 6), True),  # Epiphany moves to Monday 12 January (Emiliani law)
        (date(2026, 1, 12), False),
        (date(2026, 3, 23), False),  # Saint Joseph, on Monday
        (date(2026, 4, 2), False),  # Maundy Thursday
        (date(2026, 4, 3), False),  # Good Friday
        (date(2026, 3, 28), False),  # a Saturday
        (date(2026, 8, 7), False),  # Battle of Boyacá, a Friday: not moved
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_a_request_received_on_24_december_is_due_after_the_year_end():
    # Working days after Wed 24 Dec 2025: 26, 29, 30, 31 Dec, 2, 5, 6, 7, 8, 9 Jan (25 Dec and 1 Jan off).
    assert due_date(date(2025, 12, 24)) == date(2026, 1, 9)


def test_a_request_received_on_31_december_counts_the_new_years_holidays():
    # After Wed 31 Dec 2025: 2, 5, 6, 7, 8, 9, 13, 14, 15, 16 Jan (1 Jan and Monday 12 Jan off).
    assert due_date(date(2025, 12, 31)) == date(2026, 1, 16)


def test_holy_week_is_skipped():
    # After Mon 30 Mar 2026: 31 Mar, 1, 6, 7, 8, 9, 10, 13, 14, 15 Apr (2 and 3 Apr off).
    assert due_date(date(2026, 3, 30)) == date(2026, 4, 15)


def test_an_emiliani_monday_is_skipped():
    # After Fri 20 Mar 2026: 24, 25, 26, 27, 30, 31 Mar, 1, 6, 7, 8 Apr (Monday 23 Mar and Holy Week off).
    assert due_date(date(2026, 3, 20)) == date(2026, 4, 8)


def test_reception_on_a_non_working_day_counts_from_the_next_working_day():
    assert reception_day(date(2026, 3, 28)) == date(2026, 3, 30)  # Saturday → Monday
    assert reception_day(date(2026, 4, 2)) == date(2026, 4, 6)  # Maundy Thursday → Monday after Easter
    assert due_date(date(2026, 3, 28)) == due_date(date(2026, 3, 30)) == date(2026, 4, 15)


def test_a_request_answered_the_same_day_took_no_working_day():
    assert answer_time(date(2026, 3, 2), date(2026, 3, 2)) == 0
    # Received on a Saturday, answered the Monday it counts as received.
    assert answer_time(date(2026, 3, 28), date(2026, 3, 30)) == 0


def test_answer_time_on_the_due_date_is_the_term():
    received = date(2025, 12, 24)
    assert answer_time(received, due_date(received)) == 10
    assert answer_time(received, date(2026, 1, 12)) == 10  # the holiday after the due date adds nothing
    assert answer_time(received, date(2026, 1, 13)) == 11


def test_add_and_between_are_inverse():
    start = date(2025, 12, 19)
    for count in range(0, 30):
        assert working_days_between(start, add_working_days(start, count)) == count


def test_between_is_zero_backwards():
    assert working_days_between(date(2026, 3, 10), date(2026, 3, 2)) == 0
