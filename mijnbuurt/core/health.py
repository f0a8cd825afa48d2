"""What ``/health/`` reports: the database, the cache, the broker and the workers.

Each check answers "ok" or "fail" and never raises. Together they take about a
second at most, also while Redis hangs: every Redis command waits
``REDIS_TIMEOUT_SECONDS`` at most, and after one time-out the process treats Redis
as away (``mijnbuurt.core.redis``), so the remaining Redis checks fail at once.

Workers are not asked (``celery inspect ping`` would wait for answers); they leave a
heartbeat in the cache instead. Beat schedules ``worker_heartbeat``
(``mijnbuurt/schedules.py``) every ``HEARTBEAT_EVERY_SECONDS`` and a worker starting up
writes one too; "worker" fails when none was written for ``HEARTBEAT_STALE_SECONDS``:
no worker runs, every worker is stuck or busy for minutes, or beat has stopped. In
both cases e-mail and scheduled work wait. Without ``REDIS_URL`` tasks run inside the
request (development), so broker and worker count as ok.
"""

import logging
import time

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from redis.backoff import NoBackoff
from redis.retry import Retry

from .redis import FailFastConnection, redis_is_away

logger = logging.getLogger(__name__)

OK = "ok"
FAIL = "fail"
HEARTBEAT_KEY = "core:worker-heartbeat"
HEARTBEAT_EVERY_SECONDS = 30
HEARTBEAT_STALE_SECONDS = 120
PROBE_KEY = "core:health-probe"

_broker_clients: dict[str, redis.Redis] = {}


def worker_heartbeat_write() -> None:
    """A worker is alive and runs tasks (the beat task, and a worker at start-up)."""
    cache.set(HEARTBEAT_KEY, time.time(), timeout=HEARTBEAT_STALE_SECONDS)


def database_ok() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def cache_ok() -> bool:
    """A value written to the cache reads back (the cache ignores its own errors)."""
    if redis_is_away():
        return False
    cache.set(PROBE_KEY, OK, timeout=60)
    return not redis_is_away() and cache.get(PROBE_KEY) == OK


def _broker_client(url: str) -> redis.Redis:
    client = _broker_clients.get(url)
    if client is None:
        timeout = settings.REDIS_TIMEOUT_SECONDS
        client = _broker_clients[url] = redis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            connection_class=FailFastConnection,
            retry=Retry(NoBackoff(), 0),
        )
    return client


def broker_ok() -> bool:
    """The Redis that carries the tasks answers a PING."""
    url = settings.CELERY_BROKER_URL
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # no broker: tasks run in-process
    if not url.startswith(("redis://", "rediss://")) or redis_is_away():
        return False
    return bool(_broker_client(url).ping())


def worker_ok() -> bool:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True  # the web process runs the tasks itself
    if redis_is_away():
        return False
    beat = cache.get(HEARTBEAT_KEY)
    return beat is not None and time.time() - beat < HEARTBEAT_STALE_SECONDS


def _answer(name: str, check) -> str:
    try:
        return OK if check() else FAIL
    except Exception:
        logger.warning("Health check %s failed.", name, exc_info=True)
        return FAIL


def health_report() -> dict[str, str]:
    """``{"status": ..., "database": "ok"|"fail", "cache": ..., "broker": ..., "worker": ...}``.

    status is "ok" when everything is, "degraded" when only Redis or the workers fail
    (pages still work; e-mail waits), "fail" when the database does.
    """
    report = {
        "database": _answer("database", database_ok),
        "broker": _answer("broker", broker_ok),
        "cache": _answer("cache", cache_ok),
        "worker": _answer("worker", worker_ok),
    }
    if report["database"] != OK:
        status = FAIL
    elif FAIL in report.values():
        status = "degraded"
    else:
        status = OK
    return {"status": status, **report}
