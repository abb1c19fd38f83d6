"""Horizontal bar charts of the desk's figures, drawn on the server as inline SVG (the same geometry
as the dashboard's, cooperacion.charts), each with a sentence that says what it shows; the data
table beside each chart is the report's own table."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from cooperacion.charts import COUNT_SPACE, ROW_HEIGHT, WIDTH

from .working_days import ANSWER_TERM


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as written
    width: float
    label_y: int
    bar_y: int
    count_x: float
    count_y: int


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    summary: str
    bars: tuple[Bar, ...]
    width: int = WIDTH

    @property
    def height(self):
        return max(ROW_HEIGHT, len(self.bars) * ROW_HEIGHT)

    @property
    def dom_id(self):
        return f"chart-{self.key}"


def formatted(value, places=1):
    return number_format(value, decimal_pos=places, force_grouping=True)


def bar_chart(key, title, summary, values, *, places=1, scale_to=None):
    """`values`: (label, number) pairs, None numbers left out; bars scaled to `scale_to` or the largest."""
    values = [(label, value) for label, value in values if value is not None]
    most = scale_to or max((value for _label, value in values), default=0)
    room = WIDTH - COUNT_SPACE
    bars = []
    for position, (label, value) in enumerate(values):
        top = position * ROW_HEIGHT
        width = max(2.0, round(room * float(value) / float(most), 1)) if most and value else 0
        bars.append(
            Bar(
                label=label,
                text=formatted(value, places),
                width=width,
                label_y=top + 16,
                bar_y=top + 22,
                count_x=width + 6,
                count_y=top + 35,
            )
        )
    return BarChart(key=key, title=str(title), summary=str(summary), bars=tuple(bars))


def extremes_summary(values, places=1):
    """A sentence naming the highest and the lowest value, for a screen reader and a quick read."""
    values = [(label, value) for label, value in values if value is not None]
    if not values:
        return _("No hay datos para este gráfico.")
    high = max(values, key=lambda pair: pair[1])
    low = min(values, key=lambda pair: pair[1])
    if high == low or len(values) == 1:
        return _("%(label)s: %(value)s.") % {"label": high[0], "value": formatted(high[1], places)}
    return _(
        "El valor más alto es el de %(high)s (%(high_value)s); el más bajo, el de %(low)s (%(low_value)s)."
    ) % {
        "high": high[0],
        "high_value": formatted(high[1], places),
        "low": low[0],
        "low_value": formatted(low[1], places),
    }


def service_charts(rows, key):
    """Three charts of a list of ServiceFigures (per entity, year or modality)."""
    on_time = [(row.label, row.on_time_share) for row in rows]
    median = [(row.label, row.median_days) for row in rows]
    rating = [(row.label, row.mean_rating) for row in rows]
    return [
        bar_chart(
            f"{key}-on-time",
            _("Respondidas dentro de %(days)s días hábiles (%%)") % {"days": ANSWER_TERM},
            extremes_summary(on_time),
            on_time,
            scale_to=100,
        ),
        bar_chart(
            f"{key}-median",
            _("Mediana de días hábiles hasta la respuesta"),
            extremes_summary(median),
            median,
        ),
        bar_chart(
            f"{key}-rating",
            _("Satisfacción media (de 1 a 5)"),
            extremes_summary(rating, 2),
            rating,
            places=2,
            scale_to=5,
        ),
    ]
