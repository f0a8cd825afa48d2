"""Redis stops or hangs: the site keeps answering, within about a second, and no
notification is lost or sent twice.

Each test runs its own redis-server on a free port, points the cache and Celery's
broker at it, and then freezes it (SIGSTOP: the process still accepts connections but
answers nothing, the worst case) or stops it.
"""

import shutil
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mijnbuurt.core.redis import redis_cache, redis_is_back
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.tasks import notification_sweep
from tests.accounts.factories import PASSWORD
from tests.notifications.utils import celery_config
from tests.servers import PrivateRedis

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]

# What "about a second" allows on a busy 2-core machine: one socket time-out (1 s) and
# the request's own work.
WITHIN = 2.5


@pytest.fixture
def private_redis():
    server = PrivateRedis()
    cache_settings = {"default": redis_cache(server.url, timeout=1)}
    transport = {"socket_connect_timeout": 1, "socket_timeout": 1, "visibility_timeout": 300}
    with (
        override_settings(CACHES=cache_settings),
        celery_config(
            broker_url=server.url,
            task_always_eager=False,
            broker_transport_options=transport,
            broker_connection_timeout=1,
            task_publish_retry=False,
        ),
    ):
        yield server
    server.stop()
    redis_is_back()


def _log_in(client, user) -> float:
    started = time.monotonic()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)
    return elapsed


def _change_password(client, user, new: str) -> float:
    started = time.monotonic()
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    user.set_password(PASSWORD)  # the next change starts from the known password
    user.save(update_fields=["password"])
    return elapsed


@pytest.mark.parametrize("fault", ["frozen", "stopped"])
def test_logging_in_works_while_redis_is_frozen_or_stopped(
    client, resident, private_redis, fault, caplog
):
    cache.set("proef", "ja")
    assert cache.get("proef") == "ja"  # the cache really is this Redis
    private_redis.freeze() if fault == "frozen" else private_redis.stop()

    timings = [_log_in(client, resident)]
    client.logout()
    timings.append(_log_in(client, resident))

    assert timings[0] < WITHIN, timings
    assert timings[1] < 0.5, timings  # Redis is known to be away: not asked again
    assert "Exception ignored" in caplog.text  # django-redis logged what it skipped


def test_notifying_requests_answer_quickly_while_redis_hangs_and_every_mail_goes_once(
    client, resident, private_redis, mailoutbox, django_capture_on_commit_callbacks
):
    private_redis.freeze()

    timings = []
    for number in range(3):
        client.force_login(resident)
        with django_capture_on_commit_callbacks(execute=True):
            timings.append(_change_password(client, resident, f"Nieuw-wachtwoord-Assen-{number}"))
    assert timings[0] < WITHIN, timings
    assert max(timings[1:]) < 0.5, timings
    pending = Notification.objects.filter(
        recipient=resident, delivery=Notification.Delivery.PENDING
    )
    assert pending.count() == 3
    assert mailoutbox == []

    # Redis answers again; after the pause the sweeper (every minute) sends each once.
    private_redis.thaw()
    redis_is_back()
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    with celery_config(task_always_eager=True):
        assert notification_sweep.delay().get() == 3
        assert notification_sweep.delay().get() == 0
    assert len(mailoutbox) == 3
    assert not pending.exists()
