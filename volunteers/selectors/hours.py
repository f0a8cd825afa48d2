"""Reads of volunteers' hours: shift hours and hours outside shifts, counted alike.

Only confirmed (or corrected) shift hours and confirmed hours outside shifts count.
Each total is one query over sign-ups and one over hours outside shifts, merged here;
every function runs a fixed number of queries, whatever the number of rows.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import OffShiftHours, SignUp, Task

FINAL_HOURS = (SignUp.Hours.CONFIRMED, SignUp.Hours.CORRECTED)
RECENT_DAYS = 90


def _confirmed_shifts(user) -> QuerySet[SignUp]:
    return SignUp.objects.filter(
        volunteer=user, status=SignUp.Status.CONFIRMED, hours_status__in=FINAL_HOURS
    )


def _confirmed_off_shift(user) -> QuerySet[OffShiftHours]:
    return OffShiftHours.objects.filter(volunteer=user, status=OffShiftHours.Status.CONFIRMED)


def _merged(shift_rows: Iterable[dict], off_rows: Iterable[dict], key: Callable) -> list[dict]:
    """Rows of both kinds added up per ``key``: ``total`` hours, ``shifts`` counts shifts."""
    merged: dict = {}
    for row in shift_rows:
        merged[key(row)] = dict(row)
    for row in off_rows:
        if key(row) in merged:
            merged[key(row)]["total"] += row["total"]
        else:
            merged[key(row)] = {**row, "shifts": 0}
    return list(merged.values())


def hours_per_month(user) -> list[dict]:
    """``[{"month": date, "total": Decimal, "shifts": int}]``, newest month first."""
    shifts = (
        _confirmed_shifts(user)
        .annotate(month=TruncMonth("shift__starts_at", output_field=DateField()))
        .values("month")
        .annotate(total=Sum("hours"), shifts=Count("pk"))
        .order_by()
    )
    off = (
        _confirmed_off_shift(user)
        .annotate(month=TruncMonth("date", output_field=DateField()))
        .values("month")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    rows = _merged(shifts, off, key=lambda row: row["month"])
    return sorted(rows, key=lambda row: row["month"], reverse=True)


OWNER = {
    "initiative_pk": "task__initiative_id",
    "initiative_title": "task__initiative__title",
    "organisation_pk": "task__organisation_id",
    "organisation_name": "task__organisation__name",
}


def _values(names: dict, *, via_shift: bool) -> dict:
    prefix = "shift__" if via_shift else ""
    return {alias: F(prefix + path) for alias, path in names.items()}


def hours_per_owner(user, *, year: int | None = None) -> list[dict]:
    """Confirmed hours per initiative or organisation, most hours first."""
    shifts, off = _confirmed_shifts(user), _confirmed_off_shift(user)
    if year is not None:
        shifts, off = shifts.filter(shift__starts_at__year=year), off.filter(date__year=year)
    rows = _merged(
        shifts.values(**_values(OWNER, via_shift=True))
        .annotate(total=Sum("hours"), shifts=Count("pk"))
        .order_by(),
        off.values(**_values(OWNER, via_shift=False)).annotate(total=Sum("hours")).order_by(),
        key=lambda row: (row["initiative_pk"], row["organisation_pk"]),
    )
    return sorted(
        rows,
        key=lambda row: (
            -row["total"],
            row["initiative_title"] or "",
            row["organisation_name"] or "",
        ),
    )


TASK = {"task_pk": "task_id", "task_title": "task__title"} | OWNER


def hours_per_task(user, *, year: int) -> list[dict]:
    """Confirmed hours of ``year`` per task, with who it was for (the certificate)."""
    shifts = [
        {**row, "first": timezone.localtime(row["first"]).date()}
        for row in _confirmed_shifts(user)
        .filter(shift__starts_at__year=year)
        .values(**_values(TASK, via_shift=True))
        .annotate(total=Sum("hours"), shifts=Count("pk"), first=Min("shift__starts_at"))
        .order_by()
    ]
    off = list(
        _confirmed_off_shift(user)
        .filter(date__year=year)
        .values(**_values(TASK, via_shift=False))
        .annotate(total=Sum("hours"), first=Min("date"))
        .order_by()
    )
    rows = _merged(shifts, off, key=lambda row: row["task_pk"])
    firsts = {row["task_pk"]: row["first"] for row in off}
    for row in rows:  # the task's first day may be one outside a shift
        row["first"] = min(row["first"], firsts.get(row["task_pk"], row["first"]))
    return sorted(rows, key=lambda row: (row["first"], row["task_pk"]))


def hours_years(user) -> list[int]:
    """Years in which ``user`` has confirmed hours, newest first."""
    years = {
        moment.year for moment in _confirmed_shifts(user).datetimes("shift__starts_at", "year")
    } | {day.year for day in _confirmed_off_shift(user).dates("date", "year")}
    return sorted(years, reverse=True)


def hours_years_of(per_month: list[dict]) -> list[int]:
    """The years of ``hours_per_month``'s rows, newest first (no query)."""
    return sorted({row["month"].year for row in per_month}, reverse=True)


def hours_total(per_month: list[dict]) -> Decimal:
    return sum((row["total"] for row in per_month), Decimal(0))


def hours_pending(user) -> list[SignUp]:
    """Logged shift hours still waiting for an organiser."""
    return list(
        SignUp.objects.filter(
            volunteer=user, status=SignUp.Status.CONFIRMED, hours_status=SignUp.Hours.LOGGED
        )
        .select_related("shift__task")
        .order_by("-shift__starts_at")
    )


def shifts_to_log(user, *, limit: int = 20) -> list[SignUp]:
    """Shifts the volunteer took that have started and have no hours yet."""
    return list(
        SignUp.objects.filter(
            volunteer=user,
            status=SignUp.Status.CONFIRMED,
            hours_status=SignUp.Hours.NONE,
            shift__starts_at__lte=timezone.now(),
        )
        .exclude(attended=False)
        .select_related("shift__task")
        .order_by("-shift__starts_at")[:limit]
    )


# --- Hours outside shifts -------------------------------------------------------------


def tasks_for_off_shift_hours(user) -> QuerySet[Task]:
    """Tasks ``user`` may log hours outside shifts for: a confirmed sign-up on one of
    its shifts (never a private hand-over)."""
    signed_up = SignUp.objects.filter(
        shift__task=OuterRef("pk"), volunteer=user.pk, status=SignUp.Status.CONFIRMED
    )
    return (
        Task.objects.filter(Exists(signed_up), is_private=False)
        .select_related("initiative", "organisation")
        .order_by("title", "pk")
    )


def _recent(today: dt.date | None = None) -> Q:
    """Waiting for a decision, or decided on a day of the last ``RECENT_DAYS``."""
    today = today or timezone.localdate()
    return Q(status=OffShiftHours.Status.LOGGED) | Q(
        date__gte=today - dt.timedelta(days=RECENT_DAYS)
    )


def off_shift_hours_of_volunteer(user, *, limit: int = 30) -> list[OffShiftHours]:
    """The volunteer's own hours outside shifts: waiting ones and those of recent days."""
    return list(
        OffShiftHours.objects.filter(_recent(), volunteer=user)
        .select_related("task")
        .order_by("-date", "-pk")[:limit]
    )


def off_shift_hours_of_task(task: Task, *, limit: int = 50) -> list[OffShiftHours]:
    """A task's hours outside shifts for its organisers: waiting ones first."""
    waiting_first = Case(When(status=OffShiftHours.Status.LOGGED, then=Value(0)), default=1)
    return list(
        OffShiftHours.objects.filter(_recent(), task=task)
        .select_related("volunteer")
        .order_by(waiting_first, "-date", "-pk")[:limit]
    )


def off_shift_entry_for_organiser() -> QuerySet[OffShiftHours]:
    return OffShiftHours.objects.select_related(
        "volunteer", "task__initiative", "task__organisation"
    )
