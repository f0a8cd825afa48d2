"""Hours outside scheduled shifts: the volunteer logs them for a task they volunteer on,
an organiser of that task confirms or rejects them, and the volunteer is told.

Logging locks the volunteer's user row (the daily maximum is counted one log after the
other); deciding locks the entry, so two organisers deciding at once tell the volunteer
once.
"""

import datetime as dt
from decimal import Decimal

import rules
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import HOURS_CONFIRMED
from ..models import OffShiftHours, Task
from ..selectors.hours import tasks_for_off_shift_hours

MAX_DAYS_BACK = 90
MAX_HOURS_PER_DAY = Decimal("12")
DESCRIPTION_MAX = 200


def off_shift_date_check(day: dt.date | None, *, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    if day is None or day > today:
        raise ServiceError(_("Choose a date that is not in the future."), code="future")
    if day < today - dt.timedelta(days=MAX_DAYS_BACK):
        raise ServiceError(
            _("You can log hours of the last %(days)s days.") % {"days": MAX_DAYS_BACK},
            code="too_old",
        )


def _check_hours(hours: Decimal | None) -> None:
    if hours is None or not Decimal("0") < hours <= MAX_HOURS_PER_DAY:
        raise ServiceError(
            _("Hours must be more than 0 and at most %(max)s.") % {"max": MAX_HOURS_PER_DAY},
            code="hours",
        )


@transaction.atomic
def off_shift_hours_log(
    *, volunteer, task: Task, date: dt.date, hours: Decimal, description: str
) -> OffShiftHours:
    """Log hours outside a shift for a task the volunteer has a confirmed sign-up on."""
    off_shift_date_check(date)
    _check_hours(hours)
    description = (description or "").strip()
    if not description or len(description) > DESCRIPTION_MAX:
        raise ServiceError(
            _("Describe in a few words what you did (at most %(max)s characters).")
            % {"max": DESCRIPTION_MAX},
            code="description",
        )
    get_user_model().objects.select_for_update().only("pk").get(pk=volunteer.pk)
    if not tasks_for_off_shift_hours(volunteer).filter(pk=task.pk).exists():
        raise ServiceError(
            _("You can log hours only for a task you have signed up for."), code="forbidden"
        )
    logged = (
        OffShiftHours.objects.filter(volunteer=volunteer, date=date)
        .exclude(status=OffShiftHours.Status.REJECTED)
        .aggregate(total=Sum("hours"))["total"]
    ) or Decimal(0)
    if logged + hours > MAX_HOURS_PER_DAY:
        raise ServiceError(
            _(
                "You already logged %(logged)s hours outside shifts on that day; "
                "at most %(max)s hours a day."
            )
            % {
                "logged": formats.number_format(logged.normalize()),
                "max": MAX_HOURS_PER_DAY,
            },
            code="day_full",
        )
    return OffShiftHours.objects.create(
        task=task, volunteer=volunteer, date=date, hours=hours, description=description
    )


@transaction.atomic
def off_shift_hours_decide(*, entry: OffShiftHours, by, confirm: bool) -> OffShiftHours:
    """Confirm or reject logged hours; the volunteer is told. The same decision again
    changes nothing and tells no one; a decision once made stays."""
    entry = (
        OffShiftHours.objects.select_for_update(of=("self",))
        .select_related("task", "volunteer")
        .get(pk=entry.pk)
    )
    if not rules.has_perm("volunteers.decide_off_shift_hours", by, entry):
        raise ServiceError(_("Only the organisers of this task can do that."), code="forbidden")
    if entry.volunteer_id == by.pk:
        raise ServiceError(
            _("You cannot confirm your own hours; another organiser of the task can."),
            code="own_hours",
        )
    status = OffShiftHours.Status.CONFIRMED if confirm else OffShiftHours.Status.REJECTED
    if entry.status == status:
        return entry
    if entry.status != OffShiftHours.Status.LOGGED:
        raise ServiceError(_("These hours have already been decided on."), code="already_decided")
    entry.status = status
    entry.decided_by = by
    entry.decided_at = timezone.now()
    entry.save(update_fields=["status", "decided_by", "decided_at"])
    notify(
        recipient=entry.volunteer,
        kind=HOURS_CONFIRMED.name,
        context={
            "task": entry.task.title,
            "task_id": entry.task_id,
            "when": formats.date_format(entry.date, "DATE_FORMAT"),
            "hours": str(entry.hours),
            "off_shift": True,
            "rejected": not confirm,
            "corrected": False,
        },
        url_name="volunteers:my_hours",
    )
    return entry
