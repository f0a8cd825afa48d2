"""Hours: the volunteer logs them per shift, an organiser marks attendance and confirms.

Only confirmed (or corrected) hours count in overviews and on the certificate.
"""

from decimal import Decimal

import rules
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import HOURS_CONFIRMED
from ..models import SignUp
from .signups import shift_context

MAX_HOURS = Decimal("24")
FINAL = (SignUp.Hours.CONFIRMED, SignUp.Hours.CORRECTED)


def _check_hours(hours: Decimal) -> None:
    if hours is None or not Decimal("0") < hours <= MAX_HOURS:
        raise ServiceError(_("Hours must be more than 0 and at most 24."), code="hours")


def _locked(signup: SignUp) -> SignUp:
    return (
        SignUp.objects.select_for_update(of=("self",))
        .select_related("shift__task", "volunteer")
        .get(pk=signup.pk)
    )


def _require_started_and_confirmed(signup: SignUp) -> None:
    if signup.status != SignUp.Status.CONFIRMED:
        raise ServiceError(
            _("Hours count only for a shift someone was signed up for."), code="not_confirmed"
        )
    if signup.shift.starts_at > timezone.now():
        raise ServiceError(_("This shift has not started yet."), code="not_started")


def _require_organiser(signup: SignUp, by) -> None:
    if not rules.has_perm("volunteers.manage_task", by, signup.shift.task):
        raise ServiceError(_("Only the organisers of this task can do that."), code="forbidden")
    if signup.volunteer_id == by.pk:
        raise ServiceError(
            _("You cannot confirm your own hours; another organiser of the task can."),
            code="own_hours",
        )


@transaction.atomic
def signup_hours_log(*, signup: SignUp, by, hours: Decimal) -> SignUp:
    """The volunteer logs the hours of a shift they took; an organiser confirms them."""
    signup = _locked(signup)
    if signup.volunteer_id != by.pk:
        raise ServiceError(_("You can only log hours for your own shifts."), code="forbidden")
    _require_started_and_confirmed(signup)
    if signup.attended is False:
        raise ServiceError(
            _("The organiser noted that you were not there. Contact them if that is wrong."),
            code="absent",
        )
    if signup.hours_status in FINAL:
        raise ServiceError(
            _("The organiser has already confirmed these hours."), code="already_confirmed"
        )
    _check_hours(hours)
    signup.hours = hours
    signup.hours_status = SignUp.Hours.LOGGED
    signup.save(update_fields=["hours", "hours_status"])
    return signup


@transaction.atomic
def signup_hours_confirm(*, signup: SignUp, by, hours: Decimal | None = None) -> SignUp:
    """Confirm the logged hours, or set other hours (corrected); the volunteer is told.

    Without logged hours the organiser gives the hours. Confirming means they were there.
    """
    signup = _locked(signup)
    _require_organiser(signup, by)
    _require_started_and_confirmed(signup)
    if hours is None:
        if signup.hours is None:
            raise ServiceError(
                _("The volunteer has not logged hours yet; enter the hours to confirm."),
                code="no_hours",
            )
        hours = signup.hours
    _check_hours(hours)
    if signup.hours_status in FINAL and signup.hours == hours:
        return signup  # saving the same hours again changes nothing and tells no one
    if signup.hours_status == SignUp.Hours.LOGGED:
        same = hours == signup.hours
        status = SignUp.Hours.CONFIRMED if same else SignUp.Hours.CORRECTED
    elif signup.hours_status in FINAL:
        status = SignUp.Hours.CORRECTED
    else:
        status = SignUp.Hours.CONFIRMED
    signup.hours = hours
    signup.hours_status = status
    signup.attended = True
    signup.save(update_fields=["hours", "hours_status", "attended"])
    notify(
        recipient=signup.volunteer,
        kind=HOURS_CONFIRMED.name,
        context={
            **shift_context(signup.shift),
            "hours": str(hours),
            "corrected": status == SignUp.Hours.CORRECTED,
        },
        url_name="volunteers:my_hours",
    )
    return signup


@transaction.atomic
def signup_attendance(*, signup: SignUp, by, attended: bool) -> SignUp:
    """Mark whether the volunteer came; "not there" clears their hours."""
    signup = _locked(signup)
    if not rules.has_perm("volunteers.manage_task", by, signup.shift.task):
        raise ServiceError(_("Only the organisers of this task can do that."), code="forbidden")
    _require_started_and_confirmed(signup)
    signup.attended = attended
    fields = ["attended"]
    if not attended and signup.hours_status != SignUp.Hours.NONE:
        signup.hours = None
        signup.hours_status = SignUp.Hours.NONE
        fields += ["hours", "hours_status"]
    signup.save(update_fields=fields)
    return signup
