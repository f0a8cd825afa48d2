"""Writes of registrations: register (a place or the waiting list), cancel a
registration; a freed place goes to the first one waiting.

Registrations lock the activity row, so places are counted one writer at a time, and
each registration gets a check-in code unique within its activity.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from mijnbuurt.core.dates import time_range
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..codes import new_code
from ..kinds import ACTIVITY_PLACE
from ..models import Activity, Registration

R = Registration.Status


def registration_create(*, activity: Activity, user) -> Registration:
    """Register ``user``: a place while there is one, else the waiting list."""
    if not user.is_authenticated or not user.is_active:
        raise ServiceError(_("Log in to register."), code="login")
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.is_cancelled:
            raise ServiceError(_("This activity is cancelled."), code="cancelled")
        if locked.has_started:
            raise ServiceError(_("This activity has already started."), code="started")
        if locked.registration != Activity.Registration.PLATFORM:
            raise ServiceError(_("This activity has no registration on this site."), code="none")
        mine = locked.registrations.filter(user=user, status__in=Registration.ACTIVE)
        if mine.exists():
            raise ServiceError(_("You are already registered."), code="already")
        taken = locked.registrations.filter(status=R.REGISTERED).count()
        full = locked.capacity is not None and taken >= locked.capacity
        codes = set(locked.registrations.values_list("code", flat=True))
        return Registration.objects.create(
            activity=locked,
            user=user,
            status=R.WAITING if full else R.REGISTERED,
            code=new_code(codes),
        )


def registration_cancel(*, registration: Registration, user) -> Registration | None:
    """Cancel ``user``'s registration; a freed place goes to the first one waiting.

    Returns the registration that moved up, if any.
    """
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.user_id != user.pk or locked.status not in Registration.ACTIVE:
            raise ServiceError(_("You are not registered."), code="not_registered")
        if activity.has_started:
            raise ServiceError(_("This activity has already started."), code="started")
        was_registered = locked.status == R.REGISTERED
        locked.status = R.CANCELLED
        locked.save(update_fields=["status", "changed_at"])
        if not was_registered or activity.is_cancelled:
            return None
        return _promote(activity)


def _promote(activity: Activity) -> Registration | None:
    taken = activity.registrations.filter(status=R.REGISTERED).count()
    if activity.capacity is not None and taken >= activity.capacity:
        return None
    first = (
        Registration.objects.select_for_update()
        .filter(activity=activity, status=R.WAITING)
        .select_related("user")
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = R.REGISTERED
    first.save(update_fields=["status", "changed_at"])
    _notify(first.user, ACTIVITY_PLACE, activity)
    return first


def _notify(recipient, kind, activity: Activity) -> None:
    if not recipient.is_active:
        return
    notify(
        recipient=recipient,
        kind=kind.name,
        context={
            "title": activity.title,
            "when": time_range(activity.start, activity.end),
        },
        url_name="activities:detail",
        url_kwargs={"pk": activity.pk},
    )
