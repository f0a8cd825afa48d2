"""Reads for organisers: my tasks, one task's sign-ups (volunteers' hours: ``hours``).

Every function runs a fixed number of queries, whatever the number of rows.
"""

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from initiatives.models import Initiative
from initiatives.models import Status as InitiativeStatus
from neighbourhoods.models import Organisation

from ..models import OffShiftHours, Shift, SignUp, Task, VogCheck

FINAL_HOURS = (SignUp.Hours.CONFIRMED, SignUp.Hours.CORRECTED)
# Draft tasks can be prepared while the initiative is being written or reviewed;
# publishing waits until the initiative runs.
POSTABLE_INITIATIVE_STATUSES = (
    InitiativeStatus.DRAFT,
    InitiativeStatus.SUBMITTED,
    InitiativeStatus.IN_REVIEW,
    InitiativeStatus.CHANGES_REQUESTED,
    InitiativeStatus.PUBLISHED,
)


def _count(queryset: QuerySet, *, by: str) -> Coalesce:
    """A correlated count of ``queryset`` grouped by ``by`` (which equals the outer pk)."""
    counted = queryset.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# --- Organisers ---------------------------------------------------------------------------


def initiatives_for_posting(user) -> QuerySet[Initiative]:
    return Initiative.objects.filter(
        organisers=user, status__in=POSTABLE_INITIATIVE_STATUSES
    ).order_by("title")


def organisations_for_posting(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(members=user, is_approved=True).order_by("name")


def tasks_organised(user) -> QuerySet[Task]:
    """Tasks ``user`` organises, with the counts "my tasks" shows (one query)."""
    now = timezone.now()
    mine = (
        Q(created_by=user)
        | Q(initiative__in=Initiative.objects.filter(organisers=user).values("pk"))
        | Q(organisation__in=Organisation.objects.filter(members=user).values("pk"))
    )
    upcoming = Shift.objects.filter(task=OuterRef("pk"), starts_at__gt=now)
    signups = SignUp.objects.filter(shift__task=OuterRef("pk"))
    return (
        Task.objects.filter(mine)
        .select_related("kind", "initiative", "organisation")
        .annotate(
            upcoming_shifts=_count(upcoming, by="task"),
            next_shift=Subquery(upcoming.order_by("starts_at").values("starts_at")[:1]),
            confirmed_upcoming=_count(
                signups.filter(status=SignUp.Status.CONFIRMED, shift__starts_at__gt=now),
                by="shift__task",
            ),
            waitlisted_upcoming=_count(
                signups.filter(status=SignUp.Status.WAITLISTED, shift__starts_at__gt=now),
                by="shift__task",
            ),
            shift_hours_to_confirm=_count(
                signups.filter(status=SignUp.Status.CONFIRMED, hours_status=SignUp.Hours.LOGGED),
                by="shift__task",
            ),
            # hours outside shifts waiting for an organiser count as hours to confirm
            hours_to_confirm=F("shift_hours_to_confirm")
            + _count(
                OffShiftHours.objects.filter(
                    task=OuterRef("pk"), status=OffShiftHours.Status.LOGGED
                ),
                by="task",
            ),
        )
        .order_by("status", "-created_at", "-pk")
    )


def task_for_management() -> QuerySet[Task]:
    """Tasks with their shifts and every sign-up's volunteer; the access helper picks one.

    Each volunteer carries ``valid_vog_checks``: the VOGs approved organisations saw
    that count today, newest first.
    """
    checks = VogCheck.objects.valid_on(timezone.localdate()).select_related("organisation")
    signups = (
        SignUp.objects.select_related("volunteer")
        .prefetch_related(Prefetch("volunteer__vog_checks", checks, to_attr="valid_vog_checks"))
        .order_by("created_at", "pk")
    )
    return Task.objects.select_related(
        "kind", "initiative", "organisation", "neighbourhood", "created_by"
    ).prefetch_related(
        "skills",
        Prefetch("shifts", queryset=Shift.objects.prefetch_related(Prefetch("signups", signups))),
    )


def task_for_edit() -> QuerySet[Task]:
    return Task.objects.select_related("kind", "initiative", "organisation").prefetch_related(
        "skills"
    )


@dataclass
class ShiftRow:
    shift: Shift
    confirmed: list = field(default_factory=list)
    waitlisted: list = field(default_factory=list)
    cancelled: list = field(default_factory=list)

    @property
    def started(self) -> bool:
        return self.shift.starts_at <= timezone.now()

    @property
    def free(self) -> int:
        return max(self.shift.places - len(self.confirmed), 0)


def shift_rows(task: Task) -> tuple[list[ShiftRow], list[ShiftRow]]:
    """(coming, past) shifts of a task from ``task_for_management``, sign-ups split by status.

    Past shifts come most recent first; the waiting list is in order of sign-up.
    """
    rows = []
    for shift in task.shifts.all():
        row = ShiftRow(shift=shift)
        for signup in shift.signups.all():
            {
                SignUp.Status.CONFIRMED: row.confirmed,
                SignUp.Status.WAITLISTED: row.waitlisted,
                SignUp.Status.CANCELLED: row.cancelled,
            }[signup.status].append(signup)
        rows.append(row)
    coming = [row for row in rows if not row.started]
    past = [row for row in reversed(rows) if row.started]
    return coming, past


def own_signup_for_hours() -> QuerySet[SignUp]:
    return SignUp.objects.select_related("shift__task")


def signup_for_organiser() -> QuerySet[SignUp]:
    return SignUp.objects.select_related("shift__task__initiative", "shift__task__organisation")
