"""Celery tasks of activities: the reminder the day before (schedule:
mijnbuurt/schedules.py).

Safe to run twice, also by two workers at once: each reminder claims its ``once_key``
(a registration's reminder), a unique key, so a second writer sends nothing.
"""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from mijnbuurt.core.dates import time_range
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notify

from .kinds import ACTIVITY_REMINDER
from .models import Activity, Registration


@shared_task
def send_activity_reminders() -> int:
    return activity_reminders_send()


def _tomorrow(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    day = timezone.localdate(now) + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return start, timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def activity_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind everyone with a place (not the waiting list) at a planned activity that
    starts tomorrow; returns how many reminders were written."""
    start, end = _tomorrow(now or timezone.now())
    registrations = list(
        Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            activity__status=Activity.Status.PLANNED,
            activity__start__gte=start,
            activity__start__lt=end,
            user__is_active=True,
        )
        .select_related("activity__room__venue", "user")
        .order_by("activity__start", "pk")
    )
    reminded = set(
        Notification.objects.filter(
            kind=ACTIVITY_REMINDER.name,
            context__registration_id__in=[r.pk for r in registrations],
        ).values_list("context__registration_id", flat=True)
    )
    sent = 0
    for registration in registrations:
        if registration.pk in reminded:
            continue
        activity = registration.activity
        online = activity.place == Activity.Place.ONLINE
        notification = notify(
            recipient=registration.user,
            kind=ACTIVITY_REMINDER.name,
            context={
                "registration_id": registration.pk,
                "title": activity.title,
                "when": time_range(activity.start, activity.end),
                "place": activity.online_link if online else activity.place_text,
                "code": registration.code,
            },
            url_name="activities:detail",
            url_kwargs={"pk": activity.pk},
            once_key=f"activity_reminder:{registration.pk}",
        )
        if notification is not None:  # None: another run reminded this person
            sent += 1
    return sent
