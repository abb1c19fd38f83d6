"""The dashboard's charts, drawn on the server: geometry for inline SVG, a sentence that says what
each chart shows, and the rows of its data table. Every bar links to the register search with its
value added to the current filter."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.http import QueryDict
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from django_countries import countries as country_names

from .figures import Figures, Item, Series, TargetProgress

WORLD_MAP = Path(__file__).resolve().parent / "data" / "world_map.json"

WIDTH = 640
# Horizontal bars: one row per value, its label above the bar.
ROW_HEIGHT = 44
MAX_BARS = 12
LABEL_LENGTH = 78
COUNT_SPACE = 64
# Columns (years).
COLUMNS_HEIGHT = 240
COLUMNS_TOP = 24
COLUMNS_BOTTOM = 200
MAX_COLUMN_LABELS = 12
# Development Plan targets: label, bar against the goal (drawn at 80% of the width), progress.
TARGET_ROW_HEIGHT = 68
# Map shades: 0 is "no actions", 1…MAP_LEVELS from few to most.
MAP_LEVELS = 5

SUMMARIES = {
    "year": gettext_lazy("El año con más acciones fue %(leaders)s (%(count)s)."),
    "type": gettext_lazy("El tipo de acción más frecuente fue %(leaders)s (%(count)s)."),
    "status": gettext_lazy("El estado más frecuente es %(leaders)s (%(count)s)."),
    "partner_type": gettext_lazy("El tipo de aliado con más acciones es %(leaders)s (%(count)s)."),
    "sector": gettext_lazy("El sector con más acciones es %(leaders)s (%(count)s)."),
    "entity": gettext_lazy("La entidad con más acciones es %(leaders)s (%(count)s)."),
    "sdg": gettext_lazy(
        "El Objetivo de Desarrollo Sostenible con más acciones es el %(leaders)s (%(count)s)."
    ),
    "country": gettext_lazy("El país con más acciones es %(leaders)s (%(count)s)."),
    "thematic_table": gettext_lazy("La mesa temática con más acciones es %(leaders)s (%(count)s)."),
}
TITLES = {
    "year": gettext_lazy("Acciones por año"),
    "type": gettext_lazy("Acciones por tipo"),
    "status": gettext_lazy("Acciones por estado"),
    "partner_type": gettext_lazy("Acciones por tipo de aliado"),
    "sector": gettext_lazy("Acciones por sector"),
    "entity": gettext_lazy("Acciones por entidad distrital"),
    "sdg": gettext_lazy("Acciones por Objetivo de Desarrollo Sostenible"),
    "country": gettext_lazy("Acciones por país"),
    "thematic_table": gettext_lazy("Acciones por mesa temática"),
}
# Series where one action can count under several values.
SHARED = {"partner_type", "sector", "entity", "sdg", "country"}


def number(value) -> str:
    return number_format(value, decimal_pos=0, force_grouping=True)


@dataclass(frozen=True)
class Row:
    item: Item
    url: str

    @property
    def formatted(self):
        return number(self.item.count)


@dataclass(frozen=True)
class Bar:
    row: Row
    x: float
    y: float
    width: float
    height: float
    text: str  # the label as drawn (shortened when long); the full label is in row.item.label
    label_y: float
    count_x: float
    count_y: float


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    summary: str
    value_label: str
    rows: tuple[Row, ...]
    bars: tuple[Bar, ...]
    width: int
    height: int
    notes: tuple[str, ...]
    columns: bool = False
    baseline: int = 0

    @property
    def dom_id(self):
        return f"chart-{self.key.replace('_', '-')}"


@dataclass(frozen=True)
class MapCountry:
    code: str
    path: str
    level: int
    title: str
    url: str | None


@dataclass(frozen=True)
class WorldMap:
    chart: Chart
    countries: tuple[MapCountry, ...]
    unassigned: tuple[str, ...]
    legend: tuple[tuple[int, str], ...]


def search_link(base: QueryDict, key: str, value: str) -> str:
    """The register search for the current filter with `value` of `key` added."""
    params = base.copy()
    if key == "year":
        params["year_from"] = params["year_to"] = value
    elif value not in params.getlist(key):
        params.appendlist(key, value)
    return f"{reverse('record_search')}?{params.urlencode()}"


def summary_of(series: Series, total: int) -> str:
    if not total:
        return _("Ninguna acción cumple estos filtros.")
    leaders = series.leaders
    if not leaders:
        return _("Ninguna de estas acciones tiene datos de «%(what)s».") % {"what": series.label}
    labels = get_text_list([item.label for item in leaders], _("y"))
    count = number(leaders[0].count)
    if len(leaders) > 1:
        return _("Empatan con más acciones (%(count)s cada uno): %(leaders)s.") % {
            "count": count,
            "leaders": labels,
        }
    return SUMMARIES[series.key] % {"leaders": labels, "count": count}


def _notes(series: Series, shown: int) -> tuple[str, ...]:
    notes = []
    if shown < len(series.items):
        notes.append(
            _("El gráfico muestra los %(shown)s valores con más acciones; la tabla, los %(total)s.")
            % {"shown": shown, "total": number(len(series.items))}
        )
    if series.key in SHARED:
        notes.append(_("Una acción puede contar en varias filas, así que las filas suman más que el total."))
    return tuple(notes)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1].rstrip() + "…"


def bar_chart(series: Series, total: int, base: QueryDict) -> Chart:
    rows = tuple(Row(item, search_link(base, series.key, item.value)) for item in series.items)
    # The SDGs keep their own order and are few enough to draw them all.
    drawn = rows if series.key == "sdg" else rows[:MAX_BARS]
    most = max((row.item.count for row in drawn), default=0)
    room = WIDTH - COUNT_SPACE
    bars = []
    for position, row in enumerate(drawn):
        top = position * ROW_HEIGHT
        width = max(2.0, round(room * row.item.count / most, 1)) if most else 0
        bars.append(
            Bar(
                row=row,
                x=0,
                y=top + 22,
                width=width,
                height=16,
                text=_short(row.item.label),
                label_y=top + 16,
                count_x=width + 6,
                count_y=top + 35,
            )
        )
    return Chart(
        key=series.key,
        title=str(TITLES[series.key]),
        summary=summary_of(series, total),
        value_label=str(series.label),
        rows=rows,
        bars=tuple(bars),
        width=WIDTH,
        height=max(ROW_HEIGHT, len(bars) * ROW_HEIGHT),
        notes=_notes(series, len(bars)),
    )


def year_chart(series: Series, total: int, base: QueryDict) -> Chart:
    """Columns for every year from the first to the last, years without actions left empty."""
    rows = tuple(Row(item, search_link(base, "year", item.value)) for item in series.items)
    by_year = {int(row.item.value): row for row in rows}
    bars = []
    if by_year:
        first, last = min(by_year), max(by_year)
        years = range(first, last + 1)
        slot = (WIDTH - 20) / len(years)
        most = max(row.item.count for row in rows)
        every = math.ceil(len(years) / MAX_COLUMN_LABELS)
        plot = COLUMNS_BOTTOM - COLUMNS_TOP
        for position, year in enumerate(years):
            row = by_year.get(year) or Row(Item(str(year), str(year), 0), "")
            height = round(plot * row.item.count / most, 1)
            if row.item.count:
                height = max(height, 2.0)
            left = 10 + position * slot
            bars.append(
                Bar(
                    row=row,
                    x=round(left + slot * 0.15, 1),
                    y=COLUMNS_BOTTOM - height,
                    width=round(slot * 0.7, 1),
                    height=height,
                    text=str(year) if (year - first) % every == 0 else "",
                    label_y=COLUMNS_BOTTOM + 20,
                    count_x=round(left + slot / 2, 1),
                    count_y=COLUMNS_BOTTOM - height - 6,
                )
            )
    return Chart(
        key="year",
        title=str(TITLES["year"]),
        summary=summary_of(series, total),
        value_label=str(series.label),
        rows=rows,
        bars=tuple(bars),
        width=WIDTH,
        height=COLUMNS_HEIGHT,
        notes=(),
        columns=True,
        baseline=COLUMNS_BOTTOM,
    )


@cache
def world_map_data() -> dict:
    return json.loads(WORLD_MAP.read_text())


def map_levels(most: int) -> list[int]:
    """The lowest count of each shade: one shade per count up to MAP_LEVELS, then geometric steps
    (counts per country are skewed: a few countries hold most actions)."""
    if most <= MAP_LEVELS:
        return list(range(1, most + 1))
    floors = [1]
    for level in range(1, MAP_LEVELS):
        floor = math.ceil(most ** (level / MAP_LEVELS))
        floors.append(max(floor, floors[-1] + 1))
    return floors


def world_map(series: Series, total: int, base: QueryDict) -> WorldMap:
    data = world_map_data()
    rows = tuple(Row(item, search_link(base, "country", item.value)) for item in series.items)
    by_code = {row.item.value: row for row in rows}
    floors = map_levels(max((row.item.count for row in rows), default=0))

    def level_of(count):
        return sum(1 for floor in floors if count >= floor)

    countries = []
    for code, path in data["countries"].items():
        row = by_code.get(code)
        name = row.item.label if row else str(country_names.name(code) or code)
        count = row.item.count if row else 0
        countries.append(
            MapCountry(code, path, level_of(count), f"{name}: {number(count)}", row.url if row else None)
        )

    legend = [(0, _("Sin acciones"))]
    for position, floor in enumerate(floors):
        if position + 1 == len(floors):
            text = _("%(floor)s o más") % {"floor": number(floor)}
        elif floors[position + 1] - 1 == floor:
            text = number(floor)
        else:
            text = _("%(floor)s a %(ceiling)s") % {
                "floor": number(floor),
                "ceiling": number(floors[position + 1] - 1),
            }
        legend.append((position + 1, text))

    off_map = tuple(row for row in rows if row.item.value not in data["countries"])
    notes = list(_notes(series, len(rows)))
    if off_map:
        notes.append(
            _("Demasiado pequeños para este mapa: %(countries)s (están en la tabla).")
            % {"countries": get_text_list([row.item.label for row in off_map], _("y"))}
        )
    chart = Chart(
        key=series.key,
        title=str(TITLES[series.key]),
        summary=summary_of(series, total),
        value_label=str(series.label),
        rows=rows,
        bars=(),
        width=data["width"],
        height=data["height"],
        notes=tuple(notes),
    )
    return WorldMap(
        chart=chart,
        countries=tuple(countries),
        unassigned=tuple(data["unassigned"]),
        legend=tuple(legend),
    )


@dataclass(frozen=True)
class TargetBar:
    target: TargetProgress
    y: float
    width: float
    goal_width: float
    label_y: float
    text_y: float
    text: str
    progress: str


@dataclass(frozen=True)
class TargetsChart:
    summary: str
    bars: tuple[TargetBar, ...]
    width: int
    height: int
    statuses: tuple[str, ...]


def progress_text(target: TargetProgress) -> str:
    if target.percent is None:
        return _("%(achieved)s acciones, sin valor previsto") % {"achieved": number(target.achieved)}
    return _("%(achieved)s de %(goal)s (%(percent)s %%)") % {
        "achieved": number(target.achieved),
        "goal": number(target.goal),
        "percent": number(target.percent),
    }


def targets_chart(targets: tuple[TargetProgress, ...]) -> TargetsChart:
    """One bar per target: its counted actions against its goal, drawn past the goal when exceeded."""
    room = WIDTH - COUNT_SPACE
    measured = [target for target in targets if target.percent is not None]
    if not targets:
        summary = _("No hay metas del Plan de Desarrollo registradas.")
    elif not measured:
        summary = _("Ninguna meta tiene un valor previsto para medir su avance.")
    else:
        best = max(measured, key=lambda target: target.percent)
        reached = sum(1 for target in measured if target.percent >= 100)
        summary = _("La meta con más avance es %(code)s: %(progress)s.") % {
            "code": best.code,
            "progress": progress_text(best),
        }
        if reached:
            summary += " " + _(
                "%(reached)s de %(count)s metas ya alcanzaron lo previsto para el cuatrienio."
            ) % {
                "reached": number(reached),
                "count": number(len(measured)),
            }
        else:
            summary += " " + _("Ninguna ha alcanzado aún lo previsto para el cuatrienio.")
    bars = []
    goal_width = round(room / 1.25, 1)
    for position, target in enumerate(targets):
        top = position * TARGET_ROW_HEIGHT
        if target.percent is None:
            width = 0
        else:
            width = round(min(room, goal_width * target.achieved / target.goal), 1)
        bars.append(
            TargetBar(
                target=target,
                y=top + 24,
                width=width,
                goal_width=goal_width,
                label_y=top + 16,
                text_y=top + 56,
                text=_short(f"{target.code} · {target.indicator or target.target}"),
                progress=progress_text(target),
            )
        )
    statuses = tuple(item.label for item in targets[0].by_status) if targets else ()
    height = max(TARGET_ROW_HEIGHT, len(bars) * TARGET_ROW_HEIGHT)
    return TargetsChart(summary, tuple(bars), WIDTH, height, statuses)


@dataclass(frozen=True)
class Dashboard:
    charts: tuple[Chart, ...]
    world_map: WorldMap
    targets: TargetsChart


def dashboard_charts(figures: Figures, base: QueryDict) -> Dashboard:
    """`base`: the valid filter parameters, which every bar's link keeps."""
    charts = []
    for series in figures.series:
        if series.key == "country":
            continue
        make = year_chart if series.key == "year" else bar_chart
        charts.append(make(series, figures.actions, base))
    return Dashboard(
        charts=tuple(charts),
        world_map=world_map(figures.series_for("country"), figures.actions, base),
        targets=targets_chart(figures.targets),
    )
