"""The desk's figures: how fast and how well the office answers technical-assistance requests, and
what the sectors' priorities plans ask for. The same numbers feed the admin reports, their XLSX and
the public aggregate page (which shows no person, no text of a request and no comment).

Definitions (docs/desk.md):
- answer time: working days from the reception day to the answer (desk.working_days);
- on time: answered within the term (ANSWER_TERM working days). The share on time is counted over
  the requests whose outcome is known: those answered, plus those still open past their due date
  (they can no longer be on time);
- satisfaction: the mean of the surveys' ratings (1 to 5) and how many answered.

One query reads the requests of the selection; the grouping happens here.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language

from .models import AssistanceRequest, Decision, Modality, PrioritiesPlan, Priority
from .working_days import ANSWER_TERM, answer_time


def rounded(value, places="0.1"):
    return None if value is None else Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ServiceFigures:
    key: object
    label: str
    requests: int
    answered: int
    open: int
    overdue: int
    median_days: Decimal | None
    on_time: int
    decided: int  # answered, or open past the due date: whose outcome is known
    responses: int
    mean_rating: Decimal | None

    @property
    def on_time_share(self):
        """Per cent of the requests with a known outcome answered within the term."""
        return rounded(100 * self.on_time / self.decided) if self.decided else None


def _figures(key, label, rows, today):
    answered = [row for row in rows if row["answered_on"]]
    days = [answer_time(row["received_on"], row["answered_on"]) for row in answered]
    overdue = [row for row in rows if not row["answered_on"] and row["due_on"] < today]
    ratings = [row["survey__rating"] for row in rows if row["survey__rating"] is not None]
    return ServiceFigures(
        key=key,
        label=label,
        requests=len(rows),
        answered=len(answered),
        open=len(rows) - len(answered),
        overdue=len(overdue),
        median_days=rounded(statistics.median(days)) if days else None,
        on_time=sum(1 for day_count in days if day_count <= ANSWER_TERM),
        decided=len(answered) + len(overdue),
        responses=len(ratings),
        mean_rating=rounded(statistics.mean(ratings), "0.01") if ratings else None,
    )


@dataclass(frozen=True)
class ServiceReport:
    total: ServiceFigures
    by_year: tuple[ServiceFigures, ...]
    by_entity: tuple[ServiceFigures, ...]
    by_modality: tuple[ServiceFigures, ...]


def service_report(requests, today=None):
    """The figures of `requests` (a queryset), in total and per year, entity and modality."""
    today = today or timezone.localdate()
    rows = list(
        requests.order_by().values(
            "pk",
            "received_on",
            "due_on",
            "answered_on",
            "survey__rating",
            "entity_id",
            "entity__name",
            "entity__acronym",
            "modality",
        )
    )
    groups = {"year": defaultdict(list), "entity": defaultdict(list), "modality": defaultdict(list)}
    entity_labels = {}
    for row in rows:
        groups["year"][row["received_on"].year].append(row)
        groups["entity"][row["entity_id"]].append(row)
        groups["modality"][row["modality"]].append(row)
        entity_labels[row["entity_id"]] = row["entity__acronym"] or row["entity__name"]
    modality_labels = dict(Modality.choices)
    return ServiceReport(
        total=_figures(None, "", rows, today),
        by_year=tuple(
            _figures(year, str(year), group, today) for year, group in sorted(groups["year"].items())
        ),
        by_entity=tuple(
            sorted(
                (_figures(pk, entity_labels[pk], group, today) for pk, group in groups["entity"].items()),
                key=lambda figures: figures.label,
            )
        ),
        by_modality=tuple(
            _figures(value, str(modality_labels[value]), groups["modality"][value], today)
            for value in Modality.values
            if value in groups["modality"]
        ),
    )


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    priorities: int
    prioritised: int


@dataclass(frozen=True)
class PrioritiesSummary:
    year: int
    plans: int
    priorities: int
    prioritised: int
    themes: tuple[ThemeCount, ...]


def priorities_by_year(plans):
    """Per year of `plans` (newest first): how many plans, how many priorities per theme and how
    many of them the office prioritised. Two queries whatever the number of years."""
    plan_counts = dict(plans.order_by().values_list("year").annotate(count=Count("pk")))
    rows = (
        Priority.objects.filter(plan__in=plans)
        .values("plan__year", "theme__name", "theme__name_en")
        .annotate(priorities=Count("pk"), prioritised=Count("pk", filter=Q(decision=Decision.PRIORITISED)))
        .order_by("-plan__year", "-priorities", "theme__name")
    )
    themes = defaultdict(list)
    english = get_language() == "en"
    for row in rows:
        name = row["theme__name_en"] if english and row["theme__name_en"] else row["theme__name"]
        themes[row["plan__year"]].append(ThemeCount(name, row["priorities"], row["prioritised"]))
    return [
        PrioritiesSummary(
            year=year,
            plans=plan_counts[year],
            priorities=sum(theme.priorities for theme in themes[year]),
            prioritised=sum(theme.prioritised for theme in themes[year]),
            themes=tuple(themes[year]),
        )
        for year in sorted(plan_counts, reverse=True)
    ]


def plan_years(plans=None):
    plans = PrioritiesPlan.objects.all() if plans is None else plans
    return list(plans.order_by("-year").values_list("year", flat=True).distinct())


def request_years(requests=None):
    requests = AssistanceRequest.objects.all() if requests is None else requests
    return [day.year for day in requests.dates("received_on", "year", order="DESC")]
