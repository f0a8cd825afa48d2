"""The Celery app. With REDIS_URL unset, settings make every task run eagerly in-process."""

import os

from celery import Celery
from celery.signals import (
    after_setup_logger,
    after_setup_task_logger,
    before_task_publish,
    celeryd_init,
    task_postrun,
    task_prerun,
    worker_ready,
)

from mijnbuurt.core import log
from mijnbuurt.core.health import worker_heartbeat_write
from mijnbuurt.schedules import beat_schedule

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnbuurt.settings")

app = Celery("mijnbuurt")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Log lines of a task carry its id and the request id of the request that enqueued it;
# the worker's lines are JSON with LOG_FORMAT=json (mijnbuurt/core/log.py).
before_task_publish.connect(log.pass_request_id)
task_prerun.connect(log.enter_task)
task_postrun.connect(log.leave_task)
after_setup_logger.connect(log.worker_logging)
after_setup_task_logger.connect(log.worker_logging)


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


@app.on_after_configure.connect
def _beat_schedule(source=None, **kwargs) -> None:
    """Intervals in the schedule come from settings, readable only from here on."""
    source.beat_schedule = beat_schedule()


@worker_ready.connect
def _heartbeat_at_start(**kwargs) -> None:
    """A worker that has just started counts as running (/health/) before beat's first
    heartbeat task reaches it."""
    worker_heartbeat_write()
