"""The Celery app. With REDIS_URL unset, settings make every task run eagerly in-process."""

import os

from celery import Celery
from celery.signals import celeryd_init

from mijnbuurt.schedules import BEAT_SCHEDULE

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnbuurt.settings")

app = Celery("mijnbuurt")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = BEAT_SCHEDULE
app.autodiscover_tasks()


# Web processes wait on Redis for about a second at most (settings). A worker's
# connection blocks on purpose, reading the queue (BRPOP, one second at a time), so
# its socket may wait longer than that.
WORKER_SOCKET_TIMEOUT = 10


@celeryd_init.connect
def _worker_socket_timeout(conf=None, **kwargs) -> None:
    conf.broker_transport_options = {
        **conf.broker_transport_options,
        "socket_timeout": WORKER_SOCKET_TIMEOUT,
    }
