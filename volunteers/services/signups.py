"""Signing up for shifts: places never overbooked, a waiting list, no double shifts.

Every sign-up and cancellation runs in one transaction that locks the volunteer's
user row and then the shift's row (``select_for_update``, always in that order), so
concurrent sign-ups for one shift are counted one after the other on PostgreSQL.
On SQLite, IMMEDIATE transactions (settings) serialise writers the same way.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.dates import time_range
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import NEW_SIGNUP, SHIFT_PROMOTED, SIGNUP_CANCELLED
from ..models import Shift, SignUp, Task, VogCheck, VolunteerProfile

ACTIVE = (SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED)


def _when(shift: Shift) -> str:
    return time_range(shift.starts_at, shift.ends_at)


def shift_context(shift: Shift) -> dict:
    """What notification texts about a shift show (no personal details of others)."""
    return {"task": shift.task.title, "when": _when(shift), "task_id": shift.task_id}


def _profile(volunteer) -> VolunteerProfile | None:
    return VolunteerProfile.objects.filter(user=volunteer).first()


def _vog_counts(task: Task, profile: VolunteerProfile | None, volunteer, day: dt.date) -> bool:
    """A VOG an approved organisation saw counts for every VOG task; the volunteer's own
    date on the profile only for a task that does not ask for a seen VOG."""
    if not task.requires_seen_vog and profile is not None and profile.has_valid_vog(day):
        return True
    return VogCheck.objects.valid_on(day).filter(volunteer=volunteer).exists()


def signup_check(*, shift: Shift, volunteer) -> None:
    """Raise ServiceError when ``volunteer`` may not take ``shift`` (places aside)."""
    task = shift.task
    if task.status != Task.Status.PUBLISHED:
        raise ServiceError(_("This task is not open for sign-ups."), code="closed")
    if shift.starts_at <= timezone.now():
        raise ServiceError(_("This shift has already started."), code="past")
    needs_vog = task.requires_vog or task.requires_seen_vog
    if needs_vog or task.min_age:
        profile = _profile(volunteer)
        day = timezone.localtime(shift.starts_at).date()
        if needs_vog and not _vog_counts(task, profile, volunteer, day):
            if task.requires_seen_vog:
                raise ServiceError(
                    _(
                        "This task asks for a certificate of conduct (VOG) that an "
                        "organisation has seen. Show your VOG to an approved organisation "
                        "you volunteer for and ask them to record that they saw it; then "
                        "you can sign up. An older VOG needs renewing."
                    ),
                    code="vog_seen",
                )
            raise ServiceError(
                _(
                    "This task asks for a valid certificate of conduct (VOG). Add the date "
                    "of your VOG to your volunteer profile; an older VOG needs renewing."
                ),
                code="vog",
            )
        if task.min_age:
            age = profile.age_on(day) if profile else None
            if age is None:
                raise ServiceError(
                    _(
                        "This task has a minimum age of %(age)s. Add your date of birth "
                        "to your volunteer profile first."
                    )
                    % {"age": task.min_age},
                    code="age_unknown",
                )
            if age < task.min_age:
                raise ServiceError(
                    _("This task has a minimum age of %(age)s.") % {"age": task.min_age},
                    code="too_young",
                )
    if SignUp.objects.filter(shift=shift, volunteer=volunteer, status__in=ACTIVE).exists():
        raise ServiceError(_("You are already signed up for this shift."), code="duplicate")
    clash = (
        SignUp.objects.filter(
            volunteer=volunteer,
            status__in=ACTIVE,
            shift__starts_at__lt=shift.ends_at,
            shift__ends_at__gt=shift.starts_at,
        )
        .select_related("shift__task")
        .first()
    )
    if clash is not None:
        raise ServiceError(
            _("You already have a shift at that time: %(task)s, %(when)s.")
            % {"task": clash.shift.task.title, "when": _when(clash.shift)},
            code="overlap",
        )


@transaction.atomic
def shift_sign_up(*, shift: Shift, volunteer, join_waitlist: bool = False) -> SignUp:
    """Confirm a place on ``shift``, or put ``volunteer`` on its waiting list.

    A full shift raises ServiceError(code="full") unless ``join_waitlist``.
    """
    get_user_model().objects.select_for_update().filter(pk=volunteer.pk).first()
    shift = Shift.objects.select_for_update().select_related("task").get(pk=shift.pk)
    signup_check(shift=shift, volunteer=volunteer)
    confirmed = SignUp.objects.filter(shift=shift, status=SignUp.Status.CONFIRMED).count()
    if confirmed < shift.places:
        status = SignUp.Status.CONFIRMED
    elif join_waitlist:
        status = SignUp.Status.WAITLISTED
    else:
        raise ServiceError(
            _("This shift is full. You can join the waiting list instead."), code="full"
        )
    try:
        with transaction.atomic():
            signup = SignUp.objects.create(shift=shift, volunteer=volunteer, status=status)
    except IntegrityError as error:  # the partial unique constraint, as a last guard
        raise ServiceError(
            _("You are already signed up for this shift."), code="duplicate"
        ) from error
    if status == SignUp.Status.CONFIRMED and shift.task.created_by_id:
        notify(
            recipient=shift.task.created_by,
            kind=NEW_SIGNUP.name,
            context={**shift_context(shift), "volunteer": volunteer.public_name},
            url_name="volunteers:manage_task",
            url_kwargs={"pk": shift.task_id},
        )
    return signup


def cancellation_deadline(shift: Shift):
    return shift.starts_at - dt.timedelta(hours=shift.task.cancellation_hours)


def can_cancel_own(signup: SignUp) -> bool:
    return signup.status in ACTIVE and timezone.now() < cancellation_deadline(signup.shift)


@transaction.atomic
def signup_cancel(*, signup: SignUp, by, as_organiser: bool = False) -> SignUp:
    """Cancel a sign-up; a freed place goes to the first on the waiting list.

    The volunteer may cancel until the task's deadline before the shift; an
    organiser (``as_organiser``, checked by the caller) at any time, and the
    volunteer is told.
    """
    get_user_model().objects.select_for_update().filter(pk=signup.volunteer_id).first()
    shift = Shift.objects.select_for_update().select_related("task").get(pk=signup.shift_id)
    signup = SignUp.objects.select_for_update().get(pk=signup.pk)
    if signup.status not in ACTIVE:
        raise ServiceError(_("This sign-up is already cancelled."), code="cancelled")
    if shift.ends_at <= timezone.now():
        raise ServiceError(_("This shift is over; it can no longer be cancelled."), code="past")
    if not as_organiser:
        if signup.volunteer_id != by.pk:
            raise ServiceError(_("You can only cancel your own sign-up."), code="forbidden")
        if timezone.now() >= cancellation_deadline(shift):
            raise ServiceError(
                _(
                    "Cancelling is possible until %(hours)s hours before the shift. "
                    "Please contact the organiser."
                )
                % {"hours": shift.task.cancellation_hours},
                code="deadline",
            )
    was_confirmed = signup.status == SignUp.Status.CONFIRMED
    signup.status = SignUp.Status.CANCELLED
    signup.cancelled_at = timezone.now()
    signup.save(update_fields=["status", "cancelled_at"])
    if as_organiser and by.pk != signup.volunteer_id:
        notify(
            recipient=signup.volunteer,
            kind=SIGNUP_CANCELLED.name,
            context=shift_context(shift),
            url_name="volunteers:task",
            url_kwargs={"pk": shift.task_id},
        )
    if was_confirmed:
        waitlist_promote(shift=shift)
    return signup


def waitlist_promote(*, shift: Shift) -> list[SignUp]:
    """Fill free places from the waiting list, first come first served; call under lock."""
    confirmed = SignUp.objects.filter(shift=shift, status=SignUp.Status.CONFIRMED).count()
    free = shift.places - confirmed
    if free <= 0 or shift.starts_at <= timezone.now():
        return []
    promoted = list(
        SignUp.objects.filter(shift=shift, status=SignUp.Status.WAITLISTED)
        .select_related("volunteer")
        .order_by("created_at", "pk")[:free]
    )
    now = timezone.now()
    for signup in promoted:
        signup.status = SignUp.Status.CONFIRMED
        signup.promoted_at = now
        signup.save(update_fields=["status", "promoted_at"])
        notify(
            recipient=signup.volunteer,
            kind=SHIFT_PROMOTED.name,
            context=shift_context(shift),
            url_name="volunteers:task",
            url_kwargs={"pk": shift.task_id},
        )
    return promoted
