"""Organisers' writes: tasks (create, change, publish, close) and their shifts.

Who may: an organiser of the task's initiative or a member of its (approved)
organisation, and whoever created the task (``volunteers.manage_task``). A task of
a professional-only kind is never published: that is the guarded line between
volunteer and professional work, and the refusal says why.
"""

import datetime as dt

import rules
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from initiatives.models import Initiative
from initiatives.models import Status as InitiativeStatus
from mijnbuurt.core.dates import planned_dates_check
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.transitions import transition
from neighbourhoods.models import Organisation

from ..lifecycle import TASK
from ..models import Shift, SignUp, Task, TaskKind
from ..selectors.organiser import POSTABLE_INITIATIVE_STATUSES
from .handover import anonymity_check
from .next_shift import tasks_next_shift_refresh
from .signups import waitlist_promote

MAX_OCCURRENCES = 52
MAX_PLACES = 500
TASK_FIELDS = {
    "title",
    "description",
    "kind",
    "theme",
    "neighbourhood",
    "latitude",
    "longitude",
    "requires_vog",
    "requires_seen_vog",
    "min_age",
    "cancellation_hours",
}


def may_post_for(*, user, initiative: Initiative | None = None, organisation=None) -> bool:
    """May ``user`` post tasks for this initiative or organisation?"""
    if not user.is_authenticated:
        return False
    if initiative is not None:
        return (
            initiative.status in POSTABLE_INITIATIVE_STATUSES
            and initiative.organisers.filter(pk=user.pk).exists()
        )
    if organisation is not None:
        return organisation.is_approved and organisation.members.filter(pk=user.pk).exists()
    return False


def _require_organiser(task: Task, by) -> None:
    if not rules.has_perm("volunteers.manage_task", by, task):
        raise ServiceError(_("Only the organisers of this task can do that."), code="forbidden")


def guarded_line_message(kind: TaskKind) -> str:
    message = _(
        "“%(kind)s” is work for professionals, so a task of this kind cannot be "
        "published for volunteers."
    ) % {"kind": kind.name}
    if kind.explanation:
        message = f"{message} {kind.explanation}"
    return message


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - TASK_FIELDS
    if unknown:
        raise ValueError(f"Not editable by organisers: {sorted(unknown)}")
    if fields.get("min_age") is not None and not 0 < fields["min_age"] <= 99:
        raise ServiceError(_("Enter a minimum age between 1 and 99."), code="min_age")
    if (fields.get("latitude") is None) != (fields.get("longitude") is None):
        raise ServiceError(_("Enter both latitude and longitude, or neither."), code="location")
    # A VOG seen by an organisation is a VOG: the one implies the other.
    if fields.get("requires_seen_vog"):
        fields["requires_vog"] = True
    elif fields.get("requires_vog") is False:
        fields["requires_seen_vog"] = False


@transaction.atomic
def task_create(
    *,
    by,
    initiative: Initiative | None = None,
    organisation: Organisation | None = None,
    skills=(),
    **fields,
) -> Task:
    """A draft task of ``initiative`` or ``organisation`` (exactly one), by one of its people."""
    if (initiative is None) == (organisation is None):
        raise ServiceError(_("A task belongs to an initiative or an organisation."), code="owner")
    if not may_post_for(user=by, initiative=initiative, organisation=organisation):
        if initiative is not None:
            raise ServiceError(
                _("You can post tasks only for initiatives you organise that are still going."),
                code="forbidden",
            )
        raise ServiceError(
            _("You can post tasks only for approved organisations you are a member of."),
            code="forbidden",
        )
    _check_fields(fields)
    task = Task.objects.create(
        initiative=initiative,
        organisation=organisation,
        created_by=by,
        status=Task.Status.DRAFT,
        **fields,
    )
    task.skills.set(skills)
    return task


@transaction.atomic
def task_update(*, task: Task, by, skills=None, **fields) -> Task:
    _require_organiser(task, by)
    _check_fields(fields)
    current = Task.objects.select_for_update().get(pk=task.pk)
    if current.is_private:  # a hand-over: its text stays anonymous when edited too
        for name in ("title", "description"):
            if name in fields:
                anonymity_check(fields[name])
    kind = fields.get("kind")
    if current.status == Task.Status.PUBLISHED and kind is not None and kind.professional_only:
        raise ServiceError(guarded_line_message(kind), code="professional_only")
    for name, value in fields.items():
        setattr(task, name, value)
    task.status = current.status
    task.save(update_fields=[*fields, "updated_at"])
    if skills is not None:
        task.skills.set(skills)
    return task


@transaction.atomic
def task_publish(*, task: Task, by) -> Task:
    """Open the task for sign-ups (also re-opens a closed task)."""
    task = (
        Task.objects.select_for_update(of=("self",))
        .select_related("kind", "initiative", "organisation")
        .get(pk=task.pk)
    )
    step = TASK.check(task, Task.Status.PUBLISHED, by=by)
    if task.kind.professional_only:
        raise ServiceError(guarded_line_message(task.kind), code="professional_only")
    if task.initiative_id and task.initiative.status != InitiativeStatus.PUBLISHED:
        raise ServiceError(
            _(
                "Tasks of an initiative can be published once the municipality has approved "
                "the initiative. You can prepare the task and its shifts until then."
            ),
            code="initiative_not_running",
        )
    if task.organisation_id and not task.organisation.is_approved:
        raise ServiceError(
            _("Tasks of an organisation can be published once the organisation is approved."),
            code="organisation_not_approved",
        )
    if not task.shifts.filter(starts_at__gt=timezone.now()).exists():
        raise ServiceError(
            _("Add at least one shift in the future before you publish the task."),
            code="no_shift",
        )
    step.apply(changes={"published_at": step.at})
    return task


@transaction.atomic
def task_close(*, task: Task, by) -> Task:
    """Stop sign-ups; sign-ups already made stay as they are (nobody is cancelled)."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    transition(task, Task.Status.CLOSED, by=by)
    return task


# --- Shifts -----------------------------------------------------------------------------


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    """``day`` at ``time`` on the wall clock in Assen (Europe/Amsterdam), DST included."""
    return timezone.make_aware(dt.datetime.combine(day, time))


def _check_shift(*, day: dt.date, start: dt.time, end: dt.time, places: int) -> tuple:
    planned_dates_check(first=day)
    if end <= start:
        raise ServiceError(_("The end time must be after the start time."), code="times")
    if not 1 <= places <= MAX_PLACES:
        raise ServiceError(
            _("A shift has between 1 and %(max)s places.") % {"max": MAX_PLACES}, code="places"
        )
    starts_at, ends_at = _local(day, start), _local(day, end)
    if starts_at <= timezone.now():
        raise ServiceError(_("A shift cannot start in the past."), code="past")
    return starts_at, ends_at


@transaction.atomic
def shift_add(
    *, task: Task, by, date: dt.date, start: dt.time, end: dt.time, places: int
) -> Shift:
    _require_organiser(task, by)
    if task.status == Task.Status.CLOSED:
        raise ServiceError(_("This task is closed; open it again first."), code="closed")
    starts_at, ends_at = _check_shift(day=date, start=start, end=end, places=places)
    return Shift.objects.create(task=task, starts_at=starts_at, ends_at=ends_at, places=places)


def series_dates(*, first_date: dt.date, weekday: int, every_weeks: int, occurrences: int):
    """The dates of a weekly (1) or fortnightly (2) series, from the first ``weekday``."""
    first = first_date + dt.timedelta(days=(weekday - first_date.weekday()) % 7)
    return [first + dt.timedelta(weeks=every_weeks * n) for n in range(occurrences)]


@transaction.atomic
def shift_series_add(
    *,
    task: Task,
    by,
    first_date: dt.date,
    weekday: int,
    start: dt.time,
    end: dt.time,
    places: int,
    every_weeks: int,
    occurrences: int,
) -> list[Shift]:
    """Shifts on ``weekday`` every one or two weeks; the task becomes recurring."""
    _require_organiser(task, by)
    if task.status == Task.Status.CLOSED:
        raise ServiceError(_("This task is closed; open it again first."), code="closed")
    if every_weeks not in (1, 2):
        raise ServiceError(_("Choose every week or every two weeks."), code="frequency")
    if not 0 <= weekday <= 6:
        raise ServiceError(_("Choose a day of the week."), code="weekday")
    if not 1 <= occurrences <= MAX_OCCURRENCES:
        raise ServiceError(
            _("A series has between 1 and %(max)s shifts.") % {"max": MAX_OCCURRENCES},
            code="occurrences",
        )
    planned_dates_check(first=first_date)  # before the series' dates are counted from it
    dates = series_dates(
        first_date=first_date, weekday=weekday, every_weeks=every_weeks, occurrences=occurrences
    )
    planned_dates_check(first=dates[0], last=dates[-1])
    made = []
    for day in dates:
        starts_at, ends_at = _check_shift(day=day, start=start, end=end, places=places)
        made.append(Shift(task=task, starts_at=starts_at, ends_at=ends_at, places=places))
    shifts = Shift.objects.bulk_create(made)
    tasks_next_shift_refresh(task_ids=[task.pk])  # bulk_create saves without signals
    if not task.is_recurring:
        task.is_recurring = True
        task.save(update_fields=["is_recurring", "updated_at"])
    return shifts


@transaction.atomic
def shift_update(*, shift: Shift, by, places: int) -> Shift:
    """Change the number of places; never below the volunteers already confirmed.

    More places move people up from the waiting list (and tell them).
    """
    _require_organiser(shift.task, by)
    shift = Shift.objects.select_for_update().select_related("task").get(pk=shift.pk)
    if not 1 <= places <= MAX_PLACES:
        raise ServiceError(
            _("A shift has between 1 and %(max)s places.") % {"max": MAX_PLACES}, code="places"
        )
    confirmed = SignUp.objects.filter(shift=shift, status=SignUp.Status.CONFIRMED).count()
    if places < confirmed:
        raise ServiceError(
            ngettext(
                "%(count)s volunteer is signed up for this shift, so it needs at least "
                "%(count)s place. Remove a volunteer first if you need fewer places.",
                "%(count)s volunteers are signed up for this shift, so it needs at least "
                "%(count)s places. Remove volunteers first if you need fewer places.",
                confirmed,
            )
            % {"count": confirmed},
            code="below_confirmed",
        )
    shift.places = places
    shift.save(update_fields=["places"])
    waitlist_promote(shift=shift)
    return shift


@transaction.atomic
def shift_remove(*, shift: Shift, by) -> None:
    """Remove a shift nobody is signed up for (or on the waiting list of)."""
    _require_organiser(shift.task, by)
    shift = Shift.objects.select_for_update().select_related("task").get(pk=shift.pk)
    active = SignUp.objects.filter(
        shift=shift, status__in=(SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED)
    ).count()
    if active:
        raise ServiceError(
            ngettext(
                "%(count)s volunteer is signed up or waiting for this shift. Remove them "
                "on the sign-ups page first (they get a message), then remove the shift.",
                "%(count)s volunteers are signed up or waiting for this shift. Remove them "
                "on the sign-ups page first (they get a message), then remove the shift.",
                active,
            )
            % {"count": active},
            code="has_signups",
        )
    if shift.starts_at <= timezone.now():
        raise ServiceError(
            _("A shift that has started stays in the records; it cannot be removed."),
            code="past",
        )
    shift.delete()
