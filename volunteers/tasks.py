"""Celery tasks of volunteering: matching, reminders, weekly suggestions.

All are safe to run twice, also by two workers at once: matching rewrites the
suggestions; the weekly e-mail claims what it announces (a conditional update of
``Suggestion.notified_at``) and skips anyone e-mailed in the past week; the shift
reminder claims each sign-up's reminder by its ``once_key`` (a unique key: a second
writer gets nothing to send). Schedules: mijnbuurt/schedules.py.
"""

import datetime as dt
import logging
from collections import defaultdict

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from mijnbuurt.accounts.models import User
from mijnbuurt.core.dates import time_range
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notify, site_path

from .kinds import NEW_SUGGESTIONS, SHIFT_REMINDER
from .matching import match
from .models import SignUp, Suggestion
from .selectors import tasks_open
from .services.next_shift import tasks_next_shift_refresh

logger = logging.getLogger(__name__)

SUGGESTIONS_IN_EMAIL = 5
SUGGESTIONS_EVERY = dt.timedelta(days=6)  # "once a week", with room for a late Monday run


@shared_task
def match_all() -> dict:
    """The nightly run: every volunteer's suggestions, recomputed."""
    run = match()
    logger.info(
        "Matched %s volunteers against %s tasks in %.2f s",
        run.volunteers,
        run.tasks,
        run.seconds["total"],
    )
    return {"volunteers": run.volunteers, "tasks": run.tasks, "suggestions": run.suggestions}


@shared_task
def match_volunteer(user_id: int) -> None:
    """Recompute the suggestions of one volunteer (after their profile changed)."""
    match(user_id=user_id)


@shared_task
def refresh_next_shifts() -> int:
    """Move on the stored next shift of tasks whose next shift has started."""
    return tasks_next_shift_refresh()


@shared_task
def send_weekly_suggestions() -> int:
    return suggestions_notify_weekly()


@shared_task
def send_shift_reminders() -> int:
    return shift_reminders_send()


def suggestions_notify_weekly(*, now: dt.datetime | None = None) -> int:
    """E-mail each volunteer their suggestions not announced before; returns how many got one.

    Nobody gets this e-mail twice within a week.
    """
    now = now or timezone.now()
    recently = Notification.objects.filter(
        kind=NEW_SUGGESTIONS.name, created_at__gt=now - SUGGESTIONS_EVERY
    ).values("recipient_id")
    pending = (
        Suggestion.objects.filter(
            notified_at__isnull=True,
            volunteer__is_active=True,
            volunteer__volunteer_profile__isnull=False,
            task__in=tasks_open(),
        )
        .exclude(volunteer__in=recently)
        .order_by("volunteer_id", "-score", "pk")
        .values_list("pk", "volunteer_id", "task_id", "task__title")
    )
    by_volunteer = defaultdict(list)
    for pk, volunteer_id, task_id, title in pending:
        by_volunteer[volunteer_id].append((pk, task_id, title))
    sent = 0
    for volunteer_id, rows in by_volunteer.items():
        if _notify_suggestions(volunteer_id=volunteer_id, rows=rows, now=now):
            sent += 1
    return sent


@transaction.atomic
def _notify_suggestions(*, volunteer_id: int, rows: list[tuple], now: dt.datetime) -> bool:
    claimed = Suggestion.objects.filter(
        pk__in=[pk for pk, _task, _title in rows], notified_at__isnull=True
    ).update(notified_at=now)
    if not claimed:  # another run got there first
        return False
    # Paths in the site's language; the e-mail shows them in the reader's (|reader_url).
    tasks = [
        {"title": title, "url": site_path("volunteers:task", kwargs={"pk": task_id})}
        for _pk, task_id, title in rows[:SUGGESTIONS_IN_EMAIL]
    ]
    notify(
        recipient=User.objects.get(pk=volunteer_id),
        kind=NEW_SUGGESTIONS.name,
        context={"tasks": tasks, "count": len(rows), "more": max(0, len(rows) - len(tasks))},
        url_name="volunteers:list",
    )
    return True


def shift_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind everyone signed up for a shift that starts tomorrow; returns how many."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(tomorrow + dt.timedelta(days=1), dt.time.min))
    signups = list(
        SignUp.objects.filter(
            status=SignUp.Status.CONFIRMED,
            shift__starts_at__gte=start,
            shift__starts_at__lt=end,
            volunteer__is_active=True,
        )
        .select_related("volunteer", "shift__task__neighbourhood")
        .order_by("shift__starts_at", "pk")
    )
    reminded = set(
        Notification.objects.filter(
            kind=SHIFT_REMINDER.name,
            recipient__in=[s.volunteer_id for s in signups],
            context__signup_id__in=[s.pk for s in signups],
        ).values_list("context__signup_id", flat=True)
    )
    sent = 0
    for signup in signups:
        if signup.pk in reminded:
            continue
        shift, task = signup.shift, signup.shift.task
        starts, ends = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
        with transaction.atomic():
            notification = notify(
                recipient=signup.volunteer,
                kind=SHIFT_REMINDER.name,
                context={
                    "signup_id": signup.pk,
                    "task": task.title,
                    "when": time_range(starts, ends),
                    "place": task.neighbourhood.name,
                },
                url_name="volunteers:task",
                url_kwargs={"pk": task.pk},
                once_key=f"shift_reminder:{signup.pk}",
            )
        if notification is not None:  # None: another run reminded this sign-up
            sent += 1
    return sent
