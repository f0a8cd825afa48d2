"""A pilot against its comparison: each indicator for the pilot's areas and period and
for the comparison (the same areas before, other areas, or the rest of Assen), with the
difference, absolute and in percent of the comparison.

The public page and its download show an indicator that counts people or requests (or
is worked out from such a count: a share, a median) as "<5" when that count is below
five, on either side; its difference is then not shown either.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from ..charts import BAR_GAP, BAR_HEIGHT, Chart
from ..tables import Column, Table, formatted
from .choices import BY_KEY, SUPPRESS_BELOW, Indicator
from .indicators import Areas, Value, indicator_values

SUPPRESSED = "<5"
KIND_FORMATS = {"days": "hours", "hours": "hours", "pct": "pct", "int": "int"}


@dataclass
class Row:
    indicator: Indicator
    pilot: Value
    comparison: Value

    @property
    def difference(self):
        if self.pilot.value is None or self.comparison.value is None:
            return None
        return self.pilot.value - self.comparison.value

    @property
    def percent(self) -> Decimal | None:
        if self.difference is None or not self.comparison.value:
            return None
        return (Decimal(self.difference) * 100 / Decimal(self.comparison.value)).quantize(
            Decimal("0.1")
        )

    @property
    def suppressed(self) -> bool:
        """Too few people or requests behind it (on either side) to show it publicly."""
        return any(
            value.base is not None and value.base < SUPPRESS_BELOW
            for value in (self.pilot, self.comparison)
        )

    def values(self, *, public: bool) -> list:
        """[pilot, comparison, difference, difference %]: numbers, or "<5" in public."""
        if public and self.suppressed:
            pilot, comparison = (
                SUPPRESSED if v.base is not None and v.base < SUPPRESS_BELOW else v.value
                for v in (self.pilot, self.comparison)
            )
            return [pilot, comparison, None, None]
        return [self.pilot.value, self.comparison.value, self.difference, self.percent]


def _areas(experiment) -> tuple[Areas, Areas]:
    pilot = Areas(
        wijken=frozenset(n.pk for n in experiment.wijken.all()),
        buurten=frozenset(n.pk for n in experiment.buurten.all()),
    )
    kind = experiment.Comparison
    if experiment.comparison == kind.AREAS:
        other = Areas(
            wijken=frozenset(n.pk for n in experiment.comparison_wijken.all()),
            buurten=frozenset(n.pk for n in experiment.comparison_buurten.all()),
        )
    elif experiment.comparison == kind.REST:
        other = Areas(wijken=pilot.wijken, buurten=pilot.buurten, rest=True)
    else:
        other = pilot
    return pilot, other


def compare(experiment) -> list[Row]:
    """The experiment's indicators (in the fixed order of the list), pilot vs comparison.
    Needs the four area relations prefetched (``selectors.experiment_for_page``)."""
    keys = [key for key in BY_KEY if key in (experiment.indicators or [])]
    pilot_areas, other_areas = _areas(experiment)
    pilot = indicator_values(keys, pilot_areas, *experiment.period)
    other = indicator_values(keys, other_areas, *experiment.comparison_period)
    return [Row(BY_KEY[key], pilot[key], other[key]) for key in keys]


def _text(value, kind: str, *, signed: bool = False) -> str:
    if isinstance(value, str):
        return value
    text = formatted(value, KIND_FORMATS.get(kind, "int"))
    if signed and value is not None and value > 0:
        return "+" + text
    return text


@dataclass
class IndicatorTable(Table):
    """A row per indicator, each written in its own unit (days, %, hours, a count)."""

    kinds: list = field(default_factory=list)

    def display_rows(self) -> list[list[str]]:
        shown = []
        for row, kind in zip(self.rows, self.kinds, strict=True):
            label, pilot, other, difference, percent = row
            shown.append(
                [
                    str(label),
                    _text(pilot, kind),
                    _text(other, kind),
                    _text(difference, kind, signed=True),
                    _text(percent, "pct", signed=True),
                ]
            )
        return shown


COLUMNS = [
    Column("indicator", _("Indicator"), "text"),
    Column("pilot", _("Pilot"), "number"),
    Column("comparison", _("Comparison"), "number"),
    Column("difference", _("Difference"), "number"),
    Column("percent", _("Difference (%)"), "pct"),
]


def indicator_table(rows: list[Row], *, public: bool = False) -> IndicatorTable:
    return IndicatorTable(
        slug="indicatoren",
        title=_("Pilot and comparison"),
        sheet=_("Pilot and comparison"),
        columns=COLUMNS,
        rows=[[str(r.indicator.label), *r.values(public=public)] for r in rows],
        kinds=[r.indicator.kind for r in rows],
    )


LABEL_WIDTH, PLOT_WIDTH, VALUE_WIDTH, SCALE_HEIGHT = 110, 170, 80, 28


def _largest(row: Row):
    found = [v.value for v in (row.pilot, row.comparison) if v.value is not None]
    return max(found, default=0)


def pair_charts(rows: list[Row]) -> list[Chart]:
    """Small multiples: per indicator a bar for the pilot and one for the comparison, each
    with its value, drawn by the dashboard's bar chart template (staff only)."""
    charts = []
    for row in rows:
        numbers = [float(v.value or 0) for v in (row.pilot, row.comparison)]
        top = 100.0 if row.indicator.kind == "pct" else (max(numbers) or 1)
        items = []
        pairs = zip(
            (_("Pilot"), _("Comparison")), (row.pilot, row.comparison), numbers, strict=True
        )
        for n, (label, value, number) in enumerate(pairs):
            y = 10 + n * (BAR_HEIGHT + BAR_GAP)
            width = round(min(max(number, 0) / top, 1) * PLOT_WIDTH, 1)
            items.append(
                {
                    "label": label,
                    "text": _text(value.value, row.indicator.kind),
                    "y": y,
                    "text_y": y + BAR_HEIGHT * 0.7,
                    "x": LABEL_WIDTH,
                    "width": width,
                    "value_x": LABEL_WIDTH + width + 6,
                }
            )
        bottom = 10 + 2 * (BAR_HEIGHT + BAR_GAP)
        charts.append(
            Chart(
                slug=f"proef-{row.indicator.key}",
                title=str(row.indicator.label),
                kind="bar",
                table_slug="indicatoren",
                width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
                height=bottom + SCALE_HEIGHT,
                items=items,
                axis={
                    "x": LABEL_WIDTH,
                    "end": LABEL_WIDTH + PLOT_WIDTH,
                    "bottom": bottom,
                    "label_y": bottom + 14,
                    "start_text": "0 %" if row.indicator.kind == "pct" else "0",
                    "end_text": "100 %"
                    if row.indicator.kind == "pct"
                    else _text(_largest(row), row.indicator.kind),
                },
            )
        )
    return charts
