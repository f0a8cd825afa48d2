"""The reports as tables: what the pages show, the charts draw and the exports write.

A table holds raw values (int, Decimal, None); the page formats them, CSV and Excel
write them as numbers. So the three always show the same figures.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from helprequests.models import HelpKind
from initiatives.models import Status, Theme

from .budget import BudgetReport
from .figures import Dashboard, Figures

MONTH_NAMES = [
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
]


def formatted(value, kind: str) -> str:
    if value is None:
        return "\u2013"  # an en dash: no figure
    if kind == "money":
        return "€ " + number_format(value, decimal_pos=2, force_grouping=True)
    if kind in ("hours", "pct"):
        text = number_format(Decimal(value), decimal_pos=1, force_grouping=True)
        return text + " %" if kind == "pct" else text
    if kind == "text":
        return str(value)
    return number_format(value, force_grouping=True)


@dataclass(frozen=True)
class Column:
    key: str
    label: object
    kind: str = "int"  # int, hours, pct, money, text


@dataclass
class Table:
    slug: str
    title: object
    columns: list[Column]  # the first one heads the rows
    rows: list[list] = field(default_factory=list)
    total: list | None = None
    sheet: object = ""  # a short name for the Excel sheet (at most 31 characters)
    links: list = field(default_factory=list)  # per row: where its label leads, or None

    def display_rows(self) -> list[list[str]]:
        shown = [self._display(row) for row in self.rows]
        for row, link in zip(shown, self.links, strict=False):
            if link:
                row[0] = format_html('<a href="{}">{}</a>', link, row[0])
        return shown

    def display_total(self) -> list[str] | None:
        return None if self.total is None else self._display(self.total)

    def body_html(self) -> str:
        """The rows as table rows (``<th scope="row">`` heads each), built here rather
        than by a template loop: a wijkanalyse has some 2,000 cells."""
        return format_html_join("", "{}", ((_row_html(row),) for row in self.display_rows()))

    def total_html(self) -> str:
        total = self.display_total()
        return "" if total is None else _row_html(total)

    def _display(self, row: list) -> list[str]:
        return [formatted(v, c.kind) for v, c in zip(row, self.columns, strict=True)]

    def column(self, key: str) -> tuple[list, list]:
        """Row labels and the values of one column, for a chart."""
        index = [c.key for c in self.columns].index(key)
        return [row[0] for row in self.rows], [row[index] for row in self.rows]


def _row_html(row: list[str]) -> str:
    head, *cells = row
    return format_html(
        '<tr><th scope="row">{}</th>{}</tr>',
        head,
        format_html_join("", "<td>{}</td>", ((cell,) for cell in cells)),
    )


OVERVIEW = [
    Column("initiatives", _("Initiatives")),
    Column("supports", _("Supporters")),
    Column("volunteers", _("Active volunteers")),
    Column("volunteer_hours", _("Volunteer hours"), "hours"),
    Column("booked_hours", _("Hours booked"), "hours"),
    Column("open_hours", _("Hours open"), "hours"),
    Column("occupancy", _("Occupancy (%)"), "pct"),
    Column("commercial_share", _("Commercial share (%)"), "pct"),
    Column("help_requests", _("Help requests"), "int"),
    Column("median_first_contact", _("Median hours to first contact"), "hours"),
    Column("overdue", _("Overdue help requests")),
]


EXCHANGE = [
    Column("exchange_listings", _("Listings")),
    Column("exchange_replies", _("Replies")),
    Column("exchange_matches", _("Matches")),
    Column("exchange_match_rate", _("Match rate (%)"), "pct"),
    Column("exchange_first_reply", _("Median hours to first reply"), "hours"),
]
# Without rows these have no figure (a dash), not a zero.
NO_FIGURE_AS_DASH = ("median_first_contact", "exchange_match_rate", "exchange_first_reply")


def _value(figures: Figures, column: Column):
    if column.key == "occupancy":
        return figures.occupancy
    if column.key == "commercial_share":
        return figures.commercial_share
    value = figures[column.key]
    if value is None and column.key not in NO_FIGURE_AS_DASH:
        return 0
    return value


def _table(slug, title, sheet, head, columns, labelled_rows, total, links=()) -> Table:
    return Table(
        slug=slug,
        title=title,
        sheet=sheet,
        columns=[head, *columns],
        rows=[[label, *(_value(f, c) for c in columns)] for label, f in labelled_rows],
        total=[_("Total"), *(_value(total, c) for c in columns)],
        links=list(links),
    )


# Titles and short sheet names of the tables by row: (all of Assen per wijk, a wijk per buurt).
TITLES = {
    "wijken": ((_("Per wijk"), _("Per wijk")), (_("Per buurt"), _("Per buurt"))),
    "status": (
        (_("Initiatives by status per wijk"), _("Status per wijk")),
        (_("Initiatives by status per buurt"), _("Status per buurt")),
    ),
    "thema": (
        (_("Initiatives by theme per wijk"), _("Themes per wijk")),
        (_("Initiatives by theme per buurt"), _("Themes per buurt")),
    ),
    "hulpvragen": (
        (_("Help requests by kind per wijk"), _("Help requests per wijk")),
        (_("Help requests by kind per buurt"), _("Help requests per buurt")),
    ),
    "vraag-en-aanbod": (
        (_("Ask and offer per wijk"), _("Ask and offer per wijk")),
        (_("Ask and offer per buurt"), _("Ask and offer per buurt")),
    ),
}


def dashboard_tables(report: Dashboard, *, link=None) -> list[Table]:
    """The dashboard's tables; ``link(row id)`` gives each row's drill-down address."""
    per_buurt = report.scope.wijk_id is not None
    head = Column("buurt", _("Buurt"), "text") if per_buurt else Column("wijk", _("Wijk"), "text")
    per_area = [(name, report.per_wijk[pk]) for pk, name in report.wijken]
    links = [link(pk) if link else None for pk, _name in report.wijken]
    per_month = [(MONTH_NAMES[m - 1], report.per_month[m]) for m in sorted(report.per_month)]
    statuses = [Column(f"status_{s.value}", s.label) for s in Status]
    themes = [Column(f"theme_{t.value}", t.label) for t in Theme]
    kinds = [Column(f"kind_{k.value}", k.label) for k in HelpKind]

    def by_area(slug, columns):
        title, sheet = TITLES[slug][per_buurt]
        return _table(slug, title, sheet, head, columns, per_area, report.total, links)

    return [
        by_area("wijken", OVERVIEW),
        _table(
            "maanden",
            _("Month by month"),
            _("Month by month"),
            Column("month", _("Month"), "text"),
            OVERVIEW,
            per_month,
            report.total,
        ),
        by_area("status", [*statuses, OVERVIEW[0]]),
        by_area("thema", [*themes, OVERVIEW[0]]),
        by_area("hulpvragen", [*kinds, *OVERVIEW[8:]]),
        by_area("vraag-en-aanbod", EXCHANGE),
        _table(
            "vraag-en-aanbod-maanden",
            _("Ask and offer month by month"),
            _("Ask and offer per month"),
            Column("month", _("Month"), "text"),
            EXCHANGE,
            per_month,
            report.total,
        ),
    ]


BUDGET_COLUMNS = [
    Column("name", _("Budget line"), "text"),
    Column("amount", _("Amount"), "money"),
    Column("grants_committed", _("Grants awarded or paid"), "money"),
    Column("allocations_committed", _("Other allocations"), "money"),
    Column("committed", _("Committed"), "money"),
    Column("spent", _("Spent"), "money"),
    Column("remaining", _("Remaining"), "money"),
    Column("savings_target", _("Savings target"), "money"),
    Column("savings_forecast", _("Expected savings (forecast)"), "money"),
    Column("savings_realised", _("Savings realised"), "money"),
    Column("savings_to_find", _("Savings still to find"), "money"),
]


def budget_table(report: BudgetReport) -> Table:
    keys = [c.key for c in BUDGET_COLUMNS[1:]]
    return Table(
        slug="budget",
        title=_("Budget %(year)s") % {"year": report.year},
        sheet=_("Budget %(year)s") % {"year": report.year},
        columns=BUDGET_COLUMNS,
        rows=[[line.name, *(getattr(line, k) for k in keys)] for line in report.lines],
        total=[_("Total"), *(getattr(report.total, k) for k in keys)],
    )
