"""A real Celery worker against Redis delivers a notification created in a request."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import PASSWORD
from tests.notifications.utils import celery_config, worker_database_url

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set: no broker to test"),
    pytest.mark.skipif(
        not POSTGRES, reason="a worker process cannot share SQLite's in-memory test database"
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def worker(tmp_path):
    """A worker on a queue of its own, on the test database, writing e-mail to files."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "mijnbuurt",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            queue,
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "REDIS_URL": settings.REDIS_URL,
            "DATABASE_URL": worker_database_url(),
            "EMAIL_URL": f"filemail:///{outbox}",  # four slashes: an absolute path
            "CONN_MAX_AGE": "0",
        },
    )
    routes = {"mijnbuurt.notifications.tasks.notification_deliver": {"queue": queue}}
    with celery_config(task_always_eager=False, task_routes=routes):
        yield outbox
    process.terminate()
    process.wait(timeout=30)


def test_notification_from_a_request_is_emailed_by_the_worker(client, resident, worker):
    client.force_login(resident)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Nieuw-wachtwoord-voor-Assen-7",
            "password2": "Nieuw-wachtwoord-voor-Assen-7",
        },
    )
    assert response.status_code == 302

    notification = Notification.objects.get(recipient=resident)
    deadline = time.monotonic() + 60
    while notification.delivery == Notification.Delivery.PENDING:
        assert time.monotonic() < deadline, "the worker did not deliver within 60 s"
        time.sleep(0.25)
        notification.refresh_from_db()
    assert notification.delivery == Notification.Delivery.SENT
    (mail_file,) = list(worker.iterdir())
    assert "Je wachtwoord is gewijzigd" in mail_file.read_text()
