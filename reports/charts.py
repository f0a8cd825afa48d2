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


def bar_chart(table: Table, key: str) -> Chart:
    labels, values = table.column(key)
    column = next(c for c in table.columns if c.key == key)
    numbers = [float(v or 0) for v in values]
    top = max(numbers, default=0) or 1
    items = []
    for n, (label, value, number) in enumerate(zip(labels, values, numbers, strict=True)):
        y = 10 + n * (BAR_HEIGHT + BAR_GAP)
        width = round(number / top * PLOT_WIDTH, 1)
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
    return Chart(
        slug=f"{table.slug}-{key}",
        title=str(column.label),
        kind="bar",
        table_slug=table.slug,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=20 + len(items) * (BAR_HEIGHT + BAR_GAP),
        items=items,
        axis={"x": LABEL_WIDTH, "bottom": 10 + len(items) * (BAR_HEIGHT + BAR_GAP)},
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
