"""Every periodic task of the platform, in one place (``celery -A mijnbuurt beat``).

Times are Europe/Amsterdam (CELERY_TIMEZONE).
"""

from celery.schedules import crontab
from django.conf import settings

from mijnbuurt.core.health import HEARTBEAT_EVERY_SECONDS

BEAT_SCHEDULE = {
    "worker-heartbeat": {
        # /health/ reports the workers as running while this ran recently; a late one is
        # dropped, not run after the next.
        "task": "mijnbuurt.core.tasks.worker_heartbeat",
        "schedule": HEARTBEAT_EVERY_SECONDS,
        "options": {"expires": HEARTBEAT_EVERY_SECONDS},
    },
    "notification-sweep": {
        # Re-enqueue notifications still undelivered (broker or SMTP outage, lost worker);
        # every minute: settings.NOTIFICATION_SWEEP_EVERY_SECONDS, see beat_schedule().
        "task": "mijnbuurt.notifications.tasks.notification_sweep",
    },
    "notification-digest": {
        "task": "mijnbuurt.notifications.tasks.notification_digest",
        "schedule": crontab(hour=7, minute=0),
    },
    "help-requests-retention": {
        # Anonymise help requests closed longer than HELP_REQUEST_RETENTION_DAYS.
        "task": "helprequests.tasks.help_requests_retention",
        "schedule": crontab(hour=3, minute=30),
    },
    "help-requests-overdue": {
        # Tell area-team coordinators how many requests wait too long (counts only);
        # on a Dutch public holiday the task itself does nothing.
        "task": "helprequests.tasks.help_requests_overdue_digest",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon-fri"),
    },
    "volunteers-match-all": {
        # Every volunteer's suggested tasks, recomputed at night.
        "task": "volunteers.tasks.match_all",
        "schedule": crontab(hour=2, minute=30),
    },
    "volunteers-next-shifts": {
        # A task's stored next shift moves on once that shift starts (the task list
        # sorts and filters on it).
        "task": "volunteers.tasks.refresh_next_shifts",
        "schedule": crontab(minute="*"),
    },
    "volunteers-shift-reminders": {
        # Everyone signed up for a shift tomorrow gets a reminder (once).
        "task": "volunteers.tasks.send_shift_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "volunteers-weekly-suggestions": {
        # New suggested tasks, at most one e-mail per volunteer per week.
        "task": "volunteers.tasks.send_weekly_suggestions",
        "schedule": crontab(hour=9, minute=0, day_of_week="mon"),
    },
    "venue-booking-reminders": {
        "task": "venues.tasks.send_booking_reminders",
        "schedule": crontab(hour=8, minute=15),
    },
    "venue-bookings-tomorrow": {
        # Managers get tomorrow's bookings in the afternoon, in time to open up.
        "task": "venues.tasks.send_bookings_tomorrow",
        "schedule": crontab(hour=16, minute=0),
    },
    "activity-reminders": {
        # Everyone with a place at an activity tomorrow gets a reminder with their
        # check-in code (once).
        "task": "activities.tasks.send_activity_reminders",
        "schedule": crontab(hour=8, minute=30),
    },
    "exchange-listings-expire": {
        # Listings past their end date leave the lists of Vraag en aanbod.
        "task": "exchange.tasks.exchange_listings_expire",
        "schedule": crontab(hour=1, minute=15),
    },
    "exchange-messages-retention": {
        # Delete the messages of listings closed longer than EXCHANGE_MESSAGE_RETENTION_DAYS.
        "task": "exchange.tasks.exchange_messages_retention",
        "schedule": crontab(hour=3, minute=45),
    },
}


def beat_schedule() -> dict:
    """The schedule beat runs: ``BEAT_SCHEDULE`` with the intervals taken from settings,
    read once Celery is configured (mijnbuurt/celery.py)."""
    sweep = BEAT_SCHEDULE["notification-sweep"]
    return {
        **BEAT_SCHEDULE,
        "notification-sweep": {**sweep, "schedule": settings.NOTIFICATION_SWEEP_EVERY_SECONDS},
    }
