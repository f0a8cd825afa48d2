"""The dashboard's figures per wijk and per month, counted by the database.

Each source (initiatives, support, bookings, help requests) runs
one query grouped by wijk and month, with conditional aggregation
(``Count(..., filter=Q(...))``) for its breakdowns; wijk rows, month rows and the
total are sums of those few rows. Distinct volunteers (with their hours) and medians
are not additive and get queries of their own (``volunteers.py``,
``mijnbuurt.core.aggregates``). So a page runs the same number of queries whatever the
data size. The two that read the most rows (bookings, volunteers) are kept in the cache
until their data changes (``cache.py``).

Vraag en aanbod comes from the exchange's own grouped figures (``exchange_figures.py``).

Help requests appear only as counts and a median: nothing that names a resident or
describes a request is ever selected here.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from helprequests.models import OPEN_STATUSES_LIST, HelpKind, HelpRequest
from initiatives.models import Initiative, Status, Support, Theme
from mijnbuurt.core.aggregates import median, median_per
from venues.models import Booking

from .cache import HELP, cached
from .exchange_figures import add_exchange
from .hours_open import hours_open
from .scope import Scope, row_of
from .volunteers import volunteer_figures

MONTHS = range(1, 13)
BOOKED = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
TO_FIRST_CONTACT = ExpressionWrapper(
    F("first_contact_at") - F("created_at"), output_field=DurationField()
)


def _initiatives() -> dict:
    counts = {"initiatives": Count("pk")}
    counts |= {f"status_{s}": Count("pk", filter=Q(status=s)) for s in Status.values}
    counts |= {f"theme_{t}": Count("pk", filter=Q(theme=t)) for t in Theme.values}
    return counts


def _help() -> dict:
    counts = {"help_requests": Count("pk")}
    counts |= {f"kind_{k}": Count("pk", filter=Q(kind=k)) for k in HelpKind.values}
    return counts


@dataclass(frozen=True)
class Source:
    name: str
    queryset: object  # a callable returning the base queryset
    path: str  # from a row to its neighbourhood
    when: str  # the date that places a row in a year and a month
    aggregates: object  # a callable returning the aggregates
    cache: bool = False  # kept until the data changes (its figures do not depend on the hour)


SOURCES = [
    Source(
        "initiatives",
        lambda: Initiative.objects.all(),
        "",
        "created_at",
        _initiatives,
        cache=True,
    ),
    Source(
        "support",
        lambda: Support.objects.all(),
        "initiative__",
        "created_at",
        lambda: {"supports": Count("pk")},
        cache=True,
    ),
    Source(
        "bookings",
        lambda: Booking.objects.filter(status=Booking.Status.APPROVED),
        "room__venue__",
        "start",
        lambda: {
            "booked_hours": Sum(BOOKED),
            "commercial_hours": Sum(BOOKED, filter=Q(booker_kind=Booking.BookerKind.COMMERCIAL)),
        },
        cache=True,
    ),
    Source(
        "help",
        lambda: HelpRequest.objects.all(),
        "",
        "created_at",
        lambda: (
            _help()
            | {
                "overdue": Count(
                    "pk",
                    filter=Q(
                        first_contact_at__isnull=True,
                        status__in=OPEN_STATUSES_LIST,
                        due_at__lt=timezone.now(),
                    ),
                )
            }
        ),
    ),
]


@dataclass
class Figures:
    """One row of figures: a wijk, a month, or the total."""

    values: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.values.get(key)

    @property
    def occupancy(self) -> Decimal | None:
        """Hours booked / hours open, in percent (as ``venue_occupancy`` counts it)."""
        return _percent(self.values.get("booked_hours"), self.values.get("open_hours"))

    @property
    def commercial_share(self) -> Decimal | None:
        """Commercial hours / hours booked, in percent."""
        return _percent(self.values.get("commercial_hours"), self.values.get("booked_hours"))


def _percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part or 0) / Decimal(whole) * 100).quantize(Decimal("0.1"))


def _hours(duration: dt.timedelta | None) -> Decimal:
    if not duration:
        return Decimal("0.0")
    return (Decimal(duration.total_seconds()) / 3600).quantize(Decimal("0.01"))


@dataclass
class Dashboard:
    scope: Scope
    wijken: list  # [(id, name)] in the rows: wijken, or a wijk's buurten (see rows_for)
    per_wijk: dict  # row id (wijk, or buurt) -> Figures
    per_month: dict  # month number -> Figures
    total: Figures


def _grouped(source: Source, scope: Scope) -> list[tuple[int, int, dict]]:
    """One query per source, grouped by wijk and month together; a year has at most
    12 rows per wijk, so folding them into wijk rows, month rows and a total is cheap."""
    rows = (
        source.queryset()
        .filter(scope.within(source.path, source.when))
        .values(wijk=row_of(scope, source.path), month=ExtractMonth(source.when))
        .annotate(**source.aggregates())
        .order_by()
    )
    result = []
    for row in rows:
        wijk, month = row.pop("wijk"), row.pop("month")
        for name, value in row.items():
            if isinstance(value, dt.timedelta):
                row[name] = _hours(value)
        result.append((wijk, month, row))
    return result


def _add(figures: "Figures", row: dict) -> None:
    for name, value in row.items():
        figures.values[name] = (figures.values.get(name) or 0) + (value or 0)


def dashboard(
    *, scope: Scope, wijken: list[tuple[int, str]], buurten: dict | None = None
) -> Dashboard:
    """All figures of the dashboard for ``scope``, a row per wijk (``[(id, name)]``).

    With a wijk chosen, a row per buurt of it (``buurten``: wijk id -> ``[(id, name)]``)
    and one for the wijk as a whole (what is placed in no buurt; left out when empty).
    """
    if scope.wijk_id is not None:
        name = dict(wijken).get(scope.wijk_id, scope.wijk_name)
        whole = _("%(wijk)s (the wijk as a whole)") % {"wijk": name}
        wijken = [*(buurten or {}).get(scope.wijk_id, []), (scope.wijk_id, whole)]
    per_wijk = {pk: Figures() for pk, _name in wijken}
    per_month = {month: Figures() for month in MONTHS}
    total = Figures()
    for source in SOURCES:
        if source.cache:
            rows = cached(source.name, scope, lambda source=source: _grouped(source, scope))
        else:
            rows = _grouped(source, scope)
        for wijk, month, row in rows:
            if wijk in per_wijk:
                _add(per_wijk[wijk], row)
            _add(per_month[int(month)], row)
            _add(total, row)
    # Not additive: one volunteer active in two wijken is one volunteer in all.
    by_wijk, by_month, overall = cached("volunteers", scope, lambda: volunteer_figures(scope))
    for rows, target in ((by_wijk, per_wijk), (by_month, per_month)):
        for key, figures in target.items():
            figures.values.update(rows.get(key) or {"volunteers": 0, "volunteer_hours": 0})
    total.values.update(overall)
    _help_medians(scope, per_wijk, per_month, total)
    _venue_hours(scope, per_wijk, per_month, total)
    add_exchange(scope, per_wijk, per_month, total)
    if scope.wijk_id in per_wijk and not any(per_wijk[scope.wijk_id].values.values()):
        # Nothing is placed in the wijk as a whole: its buurten are the rows.
        del per_wijk[scope.wijk_id]
        wijken = [(pk, name) for pk, name in wijken if pk != scope.wijk_id]
    return Dashboard(
        scope=scope, wijken=wijken, per_wijk=per_wijk, per_month=per_month, total=total
    )


def _help_median_values(scope) -> tuple[dict, dict, dt.timedelta | None]:
    answered = HelpRequest.objects.filter(
        scope.within("", "created_at"), first_contact_at__isnull=False
    )
    return (
        median_per(answered, TO_FIRST_CONTACT, key=row_of(scope, "")),
        median_per(answered, TO_FIRST_CONTACT, key=ExtractMonth("created_at")),
        median(answered, TO_FIRST_CONTACT),
    )


def _help_medians(scope, per_wijk, per_month, total) -> None:
    by_wijk, by_month, overall = cached(
        "help_medians", scope, lambda: _help_median_values(scope), group=HELP
    )
    for rows, target in ((by_wijk, per_wijk), (by_month, per_month)):
        for key, duration in rows.items():
            if key in target:
                target[key].values["median_first_contact"] = _in_hours(duration)
    total.values["median_first_contact"] = _in_hours(overall)


def _in_hours(duration: dt.timedelta | None) -> Decimal | None:
    if duration is None:
        return None
    return (Decimal(str(duration.total_seconds())) / 3600).quantize(Decimal("0.1"))


def _venue_hours(scope, per_wijk, per_month, total) -> None:
    for figures in (*per_wijk.values(), *per_month.values(), total):
        figures.values["open_hours"] = Decimal(0)
    open_by_wijk, open_by_month = cached("hours_open", scope, lambda: hours_open(scope))
    for key, hours in open_by_wijk.items():
        if key in per_wijk:
            per_wijk[key].values["open_hours"] = hours
    for key, hours in open_by_month.items():
        per_month[key].values["open_hours"] = hours
    total.values["open_hours"] = sum(
        (f.values["open_hours"] for f in per_wijk.values()), Decimal(0)
    )
