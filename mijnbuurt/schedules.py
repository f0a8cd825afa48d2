"""Every periodic task of the platform, in one place (``celery -A mijnbuurt beat``).

Times are Europe/Amsterdam (CELERY_TIMEZONE).
"""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "notification-sweep": {
        # Re-enqueue notifications still undelivered (broker outage, lost worker).
        "task": "mijnbuurt.notifications.tasks.notification_sweep",
        "schedule": crontab(minute="*/5"),
    },
    "notification-digest": {
        "task": "mijnbuurt.notifications.tasks.notification_digest",
        "schedule": crontab(hour=7, minute=0),
    },
}
