"""The register's figures for a filter: what the dashboard draws and /api/v1/records/figures/ returns.

Everything is counted over the public records the register search's parameters select, with all
of them applied (a chart's counts respect its own selection, unlike the search's facets), so the
figures equal counting the rows of a download for the same parameters. Amounts are summed only
over records whose partner authorised publishing them (`shows_amounts`).

The counting happens in the database, grouped, in a fixed number of queries whatever the filter:
one pass over the records for what has one value per record (year, type, status, table, target,
amounts), and one over those same records' rows in the search index for what comes through their
partners and entities (partner types, partners, countries, entities, sectors, SDGs). Those rows
are `search.documents.document_for`'s facet values, written in the transaction that publishes the
record: the same definitions as the search's facets (a record's countries are its partners' and
the ones it lists), each record counted once per value. At 100,000 records, reading them is three
to four times faster than grouping the link tables, which needs a distinct count per series.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from django_countries import countries as country_names

from search.filters import RecordSearchFilterSet
from search.models import RecordFacet

from .models import (
    ActionType,
    AuthorisationScope,
    DevelopmentPlanTarget,
    DistrictEntity,
    PartnerType,
    Sector,
    Status,
    ThematicTable,
)
from .models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS

CENTS = Decimal("0.01")
# The statuses that count toward a Development Plan target: the action was agreed or delivered.
ACHIEVED_STATUSES = (Status.IN_EXECUTION, Status.COMPLETED)

# The per-record values read from the search index: each record counts once per value.
LINKED_FACETS = ("partner_type", "partner", "country", "entity", "sector", "sdg")
# Up to this many records, the index's rows are read record by record; past it, those facets'
# rows are read whole, which SQLite does faster for a large share of the register.
LOOKUP_LIMIT = 20_000

# The series, in the order the dashboard shows them; each key is the search parameter a bar adds
# to the register search (the year adds year_from and year_to).
SERIES_LABELS = {
    "year": _("Año"),
    "type": _("Tipo de acción"),
    "status": _("Estado"),
    "partner_type": _("Tipo de aliado"),
    "sector": _("Sector"),
    "entity": _("Entidad distrital"),
    "sdg": _("Objetivo de Desarrollo Sostenible"),
    "country": _("País"),
    "thematic_table": _("Mesa temática"),
}


@dataclass(frozen=True)
class Item:
    value: str
    label: str
    count: int

    def as_dict(self):
        return {"value": self.value, "label": self.label, "count": self.count}


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    items: tuple[Item, ...]

    @property
    def leaders(self) -> tuple[Item, ...]:
        """The items with the most actions (several when tied)."""
        if not self.items:
            return ()
        most = max(item.count for item in self.items)
        return tuple(item for item in self.items if item.count == most)

    def as_dict(self):
        return {"label": str(self.label), "items": [item.as_dict() for item in self.items]}


@dataclass(frozen=True)
class Resources:
    """The sum of one currency's equivalents over the records whose amounts are public."""

    currency: str
    total: Decimal
    records: int

    def as_dict(self):
        return {"currency": self.currency, "total": str(self.total), "records": self.records}


@dataclass(frozen=True)
class TargetProgress:
    code: str
    programme: str
    target: str
    indicator: str
    goal: int | None
    by_status: tuple[Item, ...]

    @property
    def achieved(self) -> int:
        return sum(item.count for item in self.by_status if item.value in ACHIEVED_STATUSES)

    @property
    def linked(self) -> int:
        return sum(item.count for item in self.by_status)

    @property
    def percent(self) -> int | None:
        """Progress toward the four-year goal, in whole percent (past 100 when it is exceeded)."""
        if not self.goal:
            return None
        return round(100 * self.achieved / self.goal)

    def as_dict(self):
        return {
            "code": self.code,
            "programme": self.programme,
            "target": self.target,
            "indicator": self.indicator,
            "goal": self.goal,
            "achieved": self.achieved,
            "percent": self.percent,
            "by_status": {item.value: item.count for item in self.by_status},
        }


@dataclass(frozen=True)
class Figures:
    actions: int
    partners: int
    countries: int
    cop: Resources
    usd: Resources
    series: tuple[Series, ...]
    targets: tuple[TargetProgress, ...]

    def series_for(self, key) -> Series:
        return next(series for series in self.series if series.key == key)

    def as_dict(self):
        return {
            "actions": self.actions,
            "partners": self.partners,
            "countries": self.countries,
            "resources": {"cop": self.cop.as_dict(), "usd": self.usd.as_dict()},
            "series": {series.key: series.as_dict() for series in self.series},
            "targets": [target.as_dict() for target in self.targets],
            "achieved_statuses": list(ACHIEVED_STATUSES),
        }


def register_figures(filterset: RecordSearchFilterSet) -> Figures:
    """The figures of the records `filterset` selects (made by `search.filters.every_public_match`)."""
    records = filterset.qs

    # One pass over the records, grouped by everything that has one value per record.
    full = Q(authorisation_scope=AuthorisationScope.FULL)
    groups = list(
        records.order_by()
        .values(
            "year",
            "action_type",
            "status",
            "thematic_table",
            "development_plan_target",
        )
        .annotate(
            count=Count("pk"),
            cop=Sum("amount_cop", filter=full),
            cop_records=Count("pk", filter=full & Q(amount_cop__isnull=False)),
            usd=Sum("amount_usd", filter=full),
            usd_records=Count("pk", filter=full & Q(amount_usd__isnull=False)),
        )
    )
    by = defaultdict(Counter)
    target_statuses = defaultdict(Counter)
    for row in groups:
        by["year"][str(row["year"])] += row["count"]
        by["type"][row["action_type"]] += row["count"]
        by["status"][row["status"]] += row["count"]
        if row["thematic_table"]:
            by["thematic_table"][str(row["thematic_table"])] += row["count"]
        if row["development_plan_target"]:
            target_statuses[row["development_plan_target"]][row["status"]] += row["count"]

    # One pass over the same records' partner, entity and SDG values.
    actions = sum(row["count"] for row in groups)
    rows = RecordFacet.objects.filter(entry_id__in=records.values("pk"))
    if actions > LOOKUP_LIMIT:
        rows = rows.filter(facet__in=LINKED_FACETS)
    for facet, value, count in rows.order_by().values_list("facet", "value").annotate(count=Count("pk")):
        if facet in LINKED_FACETS:
            by[facet][value] = count
    sectors = Sector.objects.in_bulk([int(key) for key in by["sector"]])
    entities = DistrictEntity.objects.in_bulk([int(key) for key in by["entity"]])
    tables = ThematicTable.objects.in_bulk([int(key) for key in by["thematic_table"]])

    series = {
        "year": [Item(year, year, count) for year, count in sorted(by["year"].items())],
        "type": _coded(by["type"], ActionType),
        "status": _coded(by["status"], Status),
        "partner_type": _coded(by["partner_type"], PartnerType),
        "sector": _ranked(
            Item(key, sectors[int(key)].display_name, count)
            for key, count in by["sector"].items()
            if int(key) in sectors
        ),
        "entity": _ranked(
            Item(key, str(entities[int(key)]), count)
            for key, count in by["entity"].items()
            if int(key) in entities
        ),
        "sdg": [
            Item(key, f"{key}. {SUSTAINABLE_DEVELOPMENT_GOALS[int(key)]}", count)
            for key, count in sorted(by["sdg"].items(), key=lambda pair: int(pair[0]))
        ],
        "country": _ranked(
            Item(code, str(country_names.name(code) or code), count) for code, count in by["country"].items()
        ),
        "thematic_table": _ranked(
            Item(key, tables[int(key)].display_name, count) for key, count in by["thematic_table"].items()
        ),
    }

    return Figures(
        actions=actions,
        partners=len(by["partner"]),
        countries=len(by["country"]),
        cop=_resources("COP", groups, "cop"),
        usd=_resources("USD", groups, "usd"),
        series=tuple(Series(key, SERIES_LABELS[key], tuple(series[key])) for key in SERIES_LABELS),
        targets=_targets(target_statuses),
    )


def _resources(currency, groups, key) -> Resources:
    total = sum((Decimal(row[key]) for row in groups if row[key] is not None), Decimal(0))
    return Resources(currency, total.quantize(CENTS), sum(row[f"{key}_records"] for row in groups))


def _coded(counts, choices) -> list[Item]:
    """A codelist's values in the codelist's order, those with actions only."""
    return [Item(value, str(label), counts[value]) for value, label in choices.choices if counts.get(value)]


def _ranked(items) -> list[Item]:
    return sorted(items, key=lambda item: (-item.count, item.label))


def _targets(statuses) -> tuple[TargetProgress, ...]:
    return tuple(
        TargetProgress(
            code=target.code,
            programme=target.display_programme,
            target=target.display_target,
            indicator=target.display_indicator,
            goal=target.goal,
            by_status=tuple(
                Item(value, str(label), statuses[target.pk][value]) for value, label in Status.choices
            ),
        )
        for target in DevelopmentPlanTarget.objects.order_by("code")
    )
