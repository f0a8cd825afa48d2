"""The Celery app. With REDIS_URL unset, settings make every task run eagerly in-process."""

import os

from celery import Celery

from mijnbuurt.schedules import BEAT_SCHEDULE

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnbuurt.settings")

app = Celery("mijnbuurt")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = BEAT_SCHEDULE
app.autodiscover_tasks()
