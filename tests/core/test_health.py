"""/health/: what a load balancer and monitoring see, also while Redis hangs.

A private redis-server (tests/servers.py) is the cache and the broker; freezing it
makes Redis hang the worst way (it accepts connections and answers nothing).
"""

import time

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from mijnbuurt.core.health import HEARTBEAT_EVERY_SECONDS, HEARTBEAT_STALE_SECONDS
from mijnbuurt.core.redis import redis_cache, redis_is_back
from mijnbuurt.core.tasks import worker_heartbeat
from mijnbuurt.schedules import BEAT_SCHEDULE
from tests.servers import PrivateRedis, needs_redis_server

pytestmark = pytest.mark.django_db

ALL_OK = {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok", "worker": "ok"}
# As in test_redis_faults.py: one socket time-out (1 s) and the request's own work, on a
# busy 2-core machine.
WITHIN = 2.5


@pytest.fixture
def redis_stack():
    """The settings of a deployment with Redis as cache and broker and a separate worker."""
    server = PrivateRedis()
    with override_settings(
        CACHES={"default": redis_cache(server.url, timeout=1)},
        CELERY_BROKER_URL=server.url,
        CELERY_TASK_ALWAYS_EAGER=False,
    ):
        yield server
    server.stop()
    redis_is_back()


def health(client):
    started = time.monotonic()
    response = client.get("/health/")
    elapsed = time.monotonic() - started
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return response, elapsed


@override_settings(CELERY_BROKER_URL="memory://", CELERY_TASK_ALWAYS_EAGER=True)
def test_without_redis_everything_runs_in_process_and_is_ok(client):
    response, _ = health(client)
    assert response.status_code == 200
    assert response.json() == ALL_OK


@needs_redis_server
def test_with_redis_and_a_worker_heartbeat_everything_is_ok(client, redis_stack):
    worker_heartbeat()  # what beat has a worker run every HEARTBEAT_EVERY_SECONDS

    response, _ = health(client)

    assert response.status_code == 200
    assert response.json() == ALL_OK


@needs_redis_server
def test_without_a_recent_heartbeat_the_worker_fails_but_the_site_stays_in(client, redis_stack):
    response, _ = health(client)
    assert response.status_code == 200
    assert response.json() == {**ALL_OK, "status": "degraded", "worker": "fail"}

    worker_heartbeat()
    assert health(client)[0].json() == ALL_OK


@needs_redis_server
def test_hung_redis_fails_cache_broker_and_worker_within_a_second_and_keeps_the_site_in(
    client, redis_stack
):
    worker_heartbeat()
    redis_stack.freeze()

    first, first_took = health(client)
    second, second_took = health(client)

    failing = {**ALL_OK, "status": "degraded", "cache": "fail", "broker": "fail", "worker": "fail"}
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json() == failing
    assert first_took < WITHIN, first_took
    assert second_took < 0.5, second_took  # Redis is known to be away: not asked again


@needs_redis_server
def test_stopped_redis_fails_cache_broker_and_worker(client, redis_stack):
    worker_heartbeat()
    redis_stack.stop()

    response, took = health(client)

    assert response.status_code == 200
    assert response.json() == {
        **ALL_OK,
        "status": "degraded",
        "cache": "fail",
        "broker": "fail",
        "worker": "fail",
    }
    assert took < WITHIN, took


def test_database_down_is_503(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response, _ = health(client)

    assert response.status_code == 503
    assert response.json()["status"] == "fail"
    assert response.json()["database"] == "fail"


def test_beat_writes_the_heartbeat_well_before_it_goes_stale():
    entry = BEAT_SCHEDULE["worker-heartbeat"]
    assert entry["task"] == worker_heartbeat.name
    assert entry["schedule"] == HEARTBEAT_EVERY_SECONDS
    assert HEARTBEAT_EVERY_SECONDS * 3 <= HEARTBEAT_STALE_SECONDS
