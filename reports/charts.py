"""Server-drawn SVG charts: horizontal bars per wijk, a line over the months.

No colour carries meaning: bars are hatched and outlined, every bar and point carries
its value as text, and every chart sits next to a table with the same numbers.
"""

from dataclasses import dataclass, field

from .tables import Table, formatted

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 170
PLOT_WIDTH = 330
VALUE_WIDTH = 90
SCALE_HEIGHT = 28  # the scale under the bars: its start and end value


@dataclass
class Chart:
    slug: str
    title: str
    kind: str  # "bar" or "line"
    table_slug: str
    width: int
    height: int
    items: list = field(default_factory=list)
    path: str = ""
    axis: dict = field(default_factory=dict)


def _scale_top(numbers: list[float], kind: str) -> float:
    """Where the axis ends: 100 for a percentage (0.1 % is a sliver, not a full bar),
    else the largest value."""
    if kind == "pct":
        return 100.0
    return max(numbers, default=0) or 1


def bar_chart(table: Table, key: str) -> Chart:
    labels, values = table.column(key)
    column = next(c for c in table.columns if c.key == key)
    numbers = [float(v or 0) for v in values]
    top = _scale_top(numbers, column.kind)
    items = []
    for n, (label, value, number) in enumerate(zip(labels, values, numbers, strict=True)):
        y = 10 + n * (BAR_HEIGHT + BAR_GAP)
        width = round(min(max(number, 0) / top, 1) * PLOT_WIDTH, 1)
        items.append(
            {
                "label": label,
                "text": formatted(value, column.kind),
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "x": LABEL_WIDTH,
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
            }
        )
    bottom = 10 + len(items) * (BAR_HEIGHT + BAR_GAP)
    return Chart(
        slug=f"{table.slug}-{key}",
        title=str(column.label),
        kind="bar",
        table_slug=table.slug,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=bottom + SCALE_HEIGHT,
        items=items,
        axis={
            "x": LABEL_WIDTH,
            "end": LABEL_WIDTH + PLOT_WIDTH,
            "bottom": bottom,
            "label_y": bottom + 14,
            "start_text": "0 %" if column.kind == "pct" else "0",
            "end_text": "100 %"
            if column.kind == "pct"
            else formatted(max((v for v in values if v is not None), default=0), column.kind),
        },
    )


LINE_WIDTH = 600
LINE_HEIGHT = 200
LEFT, RIGHT, TOP, BOTTOM = 20, 20, 30, 40


def line_chart(table: Table, key: str) -> Chart:
    labels, values = table.column(key)
    column = next(c for c in table.columns if c.key == key)
    numbers = [None if v is None else float(v) for v in values]
    top = max((n for n in numbers if n is not None), default=0) or 1
    step = (LINE_WIDTH - LEFT - RIGHT) / max(len(labels) - 1, 1)
    plot = LINE_HEIGHT - TOP - BOTTOM
    items, points = [], []
    for n, (label, value, number) in enumerate(zip(labels, values, numbers, strict=True)):
        x = round(LEFT + n * step, 1)
        y = None if number is None else round(TOP + plot - number / top * plot, 1)
        if y is not None:
            points.append(f"{x},{y}")
        items.append(
            {
                "label": str(label)[:3],
                "full_label": label,
                "text": formatted(value, column.kind),
                "x": x,
                "y": y,
                "text_y": None if y is None else y - 8,
            }
        )
    return Chart(
        slug=f"{table.slug}-{key}",
        title=str(column.label),
        kind="line",
        table_slug=table.slug,
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        items=items,
        path=" ".join(points),
        axis={
            "bottom": TOP + plot,
            "left": LEFT,
            "right": LINE_WIDTH - RIGHT,
            "label_y": TOP + plot + 18,
        },
    )
