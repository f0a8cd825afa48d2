"""Check-in at the door: an organiser marks a registered person present by their code
(typed, or sent by a scanner as keystrokes) or by hand from the list, and can undo it.

The registration row is locked, so two scans of one code at the same moment mark it
once: the second is told the person is already present.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError

from ..codes import normalise_code
from ..models import Activity, Registration

R = Registration.Status


def _check_open(activity: Activity) -> None:
    if activity.is_cancelled:
        raise ServiceError(_("This activity is cancelled."), code="cancelled")
    if timezone.localdate() < timezone.localdate(activity.start):
        raise ServiceError(_("Check-in opens on the day of the activity."), code="not_yet")


def _locked(activity: Activity, **lookup) -> Registration:
    unknown = (
        _("This code is not known for this activity.")
        if "code" in lookup
        else _("This person is not registered for this activity.")
    )
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(activity=activity, **lookup)
        .first()
    )
    if registration is None:
        raise ServiceError(unknown, code="unknown")
    return registration


def registration_check_in(
    *, activity: Activity, actor, code: str = "", registration_id: int | None = None
) -> Registration:
    """Mark the registration with ``code`` (or ``registration_id``) present, now."""
    _check_open(activity)
    typed = normalise_code(code)
    if not typed and registration_id is None:
        raise ServiceError(_("Type or scan a code."), code="empty")
    with transaction.atomic():
        if registration_id is not None:
            locked = _locked(activity, pk=registration_id)
        else:
            locked = _locked(activity, code=typed)
        name = locked.user.public_name
        if locked.status == R.CANCELLED:
            raise ServiceError(
                _("%(name)s cancelled their registration.") % {"name": name}, code="cancelled"
            )
        if locked.status == R.WAITING:
            raise ServiceError(
                _("%(name)s is on the waiting list, not registered.") % {"name": name},
                code="waiting",
            )
        if locked.attended_at is not None:
            raise ServiceError(
                _("%(name)s is already checked in (%(time)s).")
                % {"name": name, "time": timezone.localtime(locked.attended_at).strftime("%H:%M")},
                code="already",
            )
        locked.attended_at = timezone.now()
        locked.save(update_fields=["attended_at", "changed_at"])
    return locked


def registration_check_in_undo(*, activity: Activity, actor, registration_id: int) -> Registration:
    """Marked present by mistake: clear it."""
    with transaction.atomic():
        locked = _locked(activity, pk=registration_id)
        if locked.attended_at is None:
            raise ServiceError(
                _("%(name)s is not checked in.") % {"name": locked.user.public_name},
                code="not_present",
            )
        locked.attended_at = None
        locked.save(update_fields=["attended_at", "changed_at"])
    return locked
