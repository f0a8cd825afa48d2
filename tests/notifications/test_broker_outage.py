"""Redis down: the request that notifies still succeeds; the sweeper sends the mail later."""

import logging
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mijnbuurt.core.redis import redis_is_back
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.tasks import notification_sweep
from tests.accounts.factories import PASSWORD
from tests.notifications.utils import celery_config

pytestmark = pytest.mark.django_db


def test_password_change_succeeds_while_broker_is_down_and_mail_follows_after_sweep(
    client, resident, mailoutbox, broker_down, caplog, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    started = time.monotonic()
    with (
        caplog.at_level(logging.WARNING, logger="mijnbuurt.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            reverse("account_change_password"),
            {
                "oldpassword": PASSWORD,
                "password1": "Nieuw-wachtwoord-voor-Assen-7",
                "password2": "Nieuw-wachtwoord-voor-Assen-7",
            },
        )
    assert response.status_code == 302
    assert time.monotonic() - started < 10, "publishing to a dead broker must fail fast"
    notification = Notification.objects.get(recipient=resident)
    assert notification.delivery == Notification.Delivery.PENDING
    assert mailoutbox == []
    assert "stays pending for the sweeper" in caplog.text

    # Later: Redis is back (eager here), the pause is over and the sweeper runs.
    redis_is_back()
    Notification.objects.update(created_at=timezone.now() - timedelta(minutes=6))
    with celery_config(broker_url="memory://", task_always_eager=True):
        assert notification_sweep.delay().get() == 1
        assert notification_sweep.delay().get() == 0
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "[Mijn buurt Assen] Je wachtwoord is gewijzigd"
    notification.refresh_from_db()
    assert notification.delivery == Notification.Delivery.SENT
