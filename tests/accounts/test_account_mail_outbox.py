"""allauth's account e-mails (verification, password reset) leave through the outbox:
written with the request, sent by the worker, retried by the sweeper; a mail server
that is down never fails or holds a sign-up, and a sent text (with its link) is not kept."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mijnbuurt.core.redis import redis_is_back
from mijnbuurt.notifications.models import OutgoingEmail
from mijnbuurt.notifications.tasks import notification_sweep
from tests.accounts.factories import PASSWORD
from tests.notifications.utils import celery_config

pytestmark = pytest.mark.django_db

DEAD_BROKER = "redis://127.0.0.1:1/0"


def sign_up(client, email="nieuw@example.org"):
    return client.post(
        reverse("account_signup"),
        {"display_name": "Nienke", "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_the_verification_mail_is_sent_from_the_outbox_and_its_text_is_not_kept(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert sign_up(client).status_code == 302
    (message,) = mailoutbox
    assert message.to == ["nieuw@example.org"]
    assert message.subject.startswith("[Mijn buurt Assen] Bevestig")
    assert message.subject.count("[Mijn buurt Assen]") == 1
    assert "/accounts/confirm-email/" in message.body or "bevestig" in message.body.lower()
    (email,) = OutgoingEmail.objects.all()
    assert email.delivery == OutgoingEmail.Delivery.SENT
    assert email.body == ""  # the verification link is not kept in the database


def test_a_password_reset_link_is_in_dutch_and_goes_the_same_way(
    client, resident, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": resident.email})
    (message,) = mailoutbox
    assert message.to == [resident.email]
    assert "wachtwoord" in message.subject.lower()
    assert OutgoingEmail.objects.get().delivery == OutgoingEmail.Delivery.SENT


def test_with_the_broker_down_a_sign_up_succeeds_and_the_sweeper_sends_the_mail_once(
    client, mailoutbox, celery_eager, django_capture_on_commit_callbacks
):
    with (
        celery_config(broker_url=DEAD_BROKER, task_always_eager=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert sign_up(client).status_code == 302
    (email,) = OutgoingEmail.objects.all()
    assert email.delivery == OutgoingEmail.Delivery.PENDING
    assert mailoutbox == []

    redis_is_back()
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(minutes=6))
    with celery_config(broker_url="memory://", task_always_eager=True):
        assert notification_sweep.delay().get() == 1
        assert notification_sweep.delay().get() == 0
    assert [m.to for m in mailoutbox] == [["nieuw@example.org"]]
