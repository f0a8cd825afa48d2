"""Reads of the volunteer-facing pages: find tasks, one task, my agenda, my feed.

Every function returns a fixed number of queries whatever the size of the data: the
figures a row shows (free places, waiting-list position) are subqueries; a task's next
shift is stored on the task (``volunteers.services.next_shift``).
"""

import datetime as dt

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from neighbourhoods.sections import count_per_wijk

from ..models import Shift, SignUp, Task
from . import tasks_open

CONFIRMED = SignUp.Status.CONFIRMED
WAITLISTED = SignUp.Status.WAITLISTED
ACTIVE = (CONFIRMED, WAITLISTED)
PAST_MONTHS_DAYS = 92  # the agenda shows past shifts of about the last three months


def _upcoming_shifts(now):
    return Shift.objects.filter(task=OuterRef("pk"), starts_at__gt=now).order_by()


def tasks_for_list() -> QuerySet[Task]:
    """Open tasks, soonest next shift first, with the free places in their upcoming shifts.

    The order is the stored next shift's (an index scan that stops at the page); the
    free places are subqueries PostgreSQL runs for the rows of the page only.
    """
    now = timezone.now()
    places = _upcoming_shifts(now).values("task").annotate(total=Sum("places"))
    taken = (
        SignUp.objects.filter(
            shift__task=OuterRef("pk"), shift__starts_at__gt=now, status=CONFIRMED
        )
        .order_by()
        .values("shift__task")
        .annotate(count=Count("pk"))
    )
    return (
        tasks_open()
        .select_related("neighbourhood", "initiative", "organisation")
        .only(
            "pk",
            "title",
            "theme",
            "requires_vog",
            "is_recurring",
            "published_at",
            "next_shift_at",
            "neighbourhood__name",
            "neighbourhood__slug",
            "initiative__title",
            "organisation__name",
            "organisation__slug",
        )
        .annotate(
            free_places=Coalesce(
                Subquery(places.values("total")[:1], output_field=IntegerField()), Value(0)
            )
            - Coalesce(Subquery(taken.values("count")[:1], output_field=IntegerField()), Value(0)),
        )
        .order_by("next_shift_at", "pk")
    )


def tasks_in_neighbourhood(queryset: QuerySet[Task], neighbourhood) -> QuerySet[Task]:
    """Tasks in ``neighbourhood``; for a wijk also those in its buurten."""
    return queryset.filter(Q(neighbourhood=neighbourhood) | Q(neighbourhood__wijk=neighbourhood))


def tasks_with_shift_between(
    queryset: QuerySet[Task], *, start: dt.date | None, end: dt.date | None
) -> QuerySet[Task]:
    """Tasks with an upcoming shift that starts on a day from ``start`` to ``end``."""
    shifts = Shift.objects.filter(task=OuterRef("pk"), starts_at__gt=timezone.now())
    if start:
        shifts = shifts.filter(starts_at__date__gte=start)
    if end:
        shifts = shifts.filter(starts_at__date__lte=end)
    return queryset.filter(Exists(shifts))


def task_search(queryset: QuerySet[Task], text: str) -> QuerySet[Task]:
    for word in text.split()[:8]:
        queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return queryset


def task_for_page() -> QuerySet[Task]:
    """One task with what its page shows (skills prefetched)."""
    return Task.objects.select_related(
        "kind", "neighbourhood", "initiative", "organisation"
    ).prefetch_related("skills")


def shifts_for_page(*, task: Task) -> list[Shift]:
    """The upcoming shifts of ``task`` with ``taken`` and ``waiting`` counts; one query."""
    shifts = list(
        Shift.objects.filter(task=task, starts_at__gt=timezone.now())
        .annotate(
            taken=Count("signups", filter=Q(signups__status=CONFIRMED)),
            waiting=Count("signups", filter=Q(signups__status=WAITLISTED)),
        )
        .order_by("starts_at", "pk")
    )
    for shift in shifts:
        shift.task = task  # no query when a service or the deadline reads shift.task
        shift.free = max(shift.places - shift.taken, 0)
    return shifts


def signups_of_user(*, user, shifts: list[Shift]) -> dict[int, SignUp]:
    """``user``'s active sign-ups for ``shifts``, by shift id; one query (none if anonymous)."""
    if not user.is_authenticated or not shifts:
        return {}
    signups = SignUp.objects.filter(
        volunteer=user, shift__in=[shift.pk for shift in shifts], status__in=ACTIVE
    )
    return {signup.shift_id: signup for signup in signups}


def _waitlist_position():
    ahead = (
        SignUp.objects.filter(shift=OuterRef("shift"), status=WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("shift")
        .annotate(count=Count("pk"))
        .values("count")[:1]
    )
    return Subquery(ahead, output_field=IntegerField())


def agenda_upcoming(*, user, limit: int | None = None) -> list[SignUp]:
    """``user``'s confirmed and waitlisted shifts still to come, with waiting-list places
    (the first ``limit`` of them)."""
    signups = (
        SignUp.objects.filter(volunteer=user, status__in=ACTIVE, shift__ends_at__gt=timezone.now())
        .select_related("shift__task__neighbourhood")
        .annotate(position=_waitlist_position())
        .order_by("shift__starts_at", "pk")
    )
    return list(signups[:limit] if limit else signups)


def tasks_this_week_in(neighbourhood, *, limit: int = 5) -> list[Task]:
    """Open tasks in ``neighbourhood`` (and its buurten) with a shift in the coming
    seven days, soonest first (one query)."""
    today = timezone.localdate()
    queryset = tasks_with_shift_between(
        tasks_in_neighbourhood(tasks_for_list(), neighbourhood),
        start=today,
        end=today + dt.timedelta(days=6),
    )
    return list(queryset[:limit])


def agenda_past(*, user) -> list[SignUp]:
    """``user``'s confirmed shifts of the last months that are over, newest first."""
    now = timezone.now()
    return list(
        SignUp.objects.filter(
            volunteer=user,
            status=CONFIRMED,
            shift__ends_at__lte=now,
            shift__ends_at__gt=now - dt.timedelta(days=PAST_MONTHS_DAYS),
        )
        .select_related("shift__task")
        .order_by("-shift__starts_at", "-pk")
    )


def signups_for_feed(*, user) -> QuerySet[SignUp]:
    """What the iCal feed holds: confirmed shifts from a month ago on."""
    return (
        SignUp.objects.filter(
            volunteer=user,
            status=CONFIRMED,
            shift__ends_at__gt=timezone.now() - dt.timedelta(days=31),
        )
        .select_related("shift__task__neighbourhood", "shift__task__organisation")
        .order_by("shift__starts_at", "pk")
    )


def tasks_for_map() -> QuerySet[Task]:
    return (
        tasks_open()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .only("pk", "title", "theme", "latitude", "longitude")
        .order_by("pk")
    )


def tasks_open_in(neighbourhood, *, limit: int = 5) -> list[Task]:
    """For a neighbourhood's page: open tasks there (a wijk includes its buurten)."""
    queryset = tasks_in_neighbourhood(tasks_open(), neighbourhood)
    return list(queryset.only("pk", "title", "theme").order_by("-published_at", "-pk")[:limit])


def open_task_count_per_wijk() -> dict[int, int]:
    return count_per_wijk(tasks_open())


def tasks_open_of_initiative(initiative) -> list[Task]:
    """For an initiative's page: its published tasks with a shift to come; one query."""
    return list(
        Task.objects.filter(
            initiative=initiative,
            status=Task.Status.PUBLISHED,
            shifts__starts_at__gt=timezone.now(),
        )
        .distinct()
        .order_by("title", "pk")
    )
