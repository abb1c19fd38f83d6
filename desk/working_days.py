"""Working days in Bogotá: Monday to Friday, except Colombia's national public holidays (those of
Ley 51 de 1983, Emiliani-law Mondays included, and Holy Week), read from the `holidays` library.

The convention for a request's term (docs/desk.md): a request received on a non-working day counts
as received on the next working day; the term starts the working day after reception, so the
deadline is the tenth working day after it, and a request answered on the day it was received took
0 working days.
"""

from datetime import date, timedelta
from functools import cache

import holidays

ANSWER_TERM = 10  # working days (the office's service commitment)


@cache
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("CO", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def reception_day(day: date) -> date:
    """The day a request counts as received: `day`, or the next working day after a non-working one."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int) -> date:
    """The `count`-th working day after `day` (`day` itself never counts)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days come after `start`, up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def due_date(received: date, term: int = ANSWER_TERM) -> date:
    return add_working_days(reception_day(received), term)


def answer_time(received: date, answered: date) -> int:
    """Working days a request took to be answered, counted from its reception day."""
    return working_days_between(reception_day(received), answered)
