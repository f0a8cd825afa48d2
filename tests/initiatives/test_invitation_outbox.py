"""An invitation to an address without an account goes through the outbox.

Written in the invitation's transaction, sent after commit by the delivery task, and
picked up by the sweeper when the broker was down: never lost, never sent twice.
"""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from initiatives.models import OrganiserInvitation
from initiatives.services import organiser_invite
from mijnbuurt.core.redis import redis_is_back
from mijnbuurt.notifications.delivery import outgoing_email_deliver_email
from mijnbuurt.notifications.models import OutgoingEmail
from mijnbuurt.notifications.tasks import notification_sweep, outgoing_email_deliver
from tests.initiatives.factories import make_initiative
from tests.notifications.utils import celery_config

pytestmark = pytest.mark.django_db

DEAD_BROKER = "redis://127.0.0.1:1/0"


class Abort(Exception):
    pass


@pytest.fixture
def draft(organiser, buurt):
    return make_initiative(by=organiser, neighbourhood=buurt, title="Samen plannen")


def test_a_rolled_back_invitation_sends_nothing(
    draft, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    def invite_then_fail():
        with transaction.atomic():
            organiser_invite(initiative=draft, by=organiser, email="nieuw@example.org")
            raise Abort

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Abort):
        invite_then_fail()
    assert callbacks == []
    assert not OrganiserInvitation.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert mailoutbox == []


def test_a_committed_invitation_is_emailed_once_even_when_delivery_runs_twice(
    draft, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organiser_invite(initiative=draft, by=organiser, email="nieuw@example.org")
    (email,) = OutgoingEmail.objects.all()
    assert email.delivery == OutgoingEmail.Delivery.SENT
    assert outgoing_email_deliver.delay(email.pk).get() is False
    assert outgoing_email_deliver_email(email_id=email.pk) is False
    (message,) = mailoutbox
    assert message.to == ["nieuw@example.org"]
    assert message.subject.startswith("[Mijn buurt Assen] ")
    assert "Samen plannen" in message.subject


def test_with_the_broker_down_the_invitation_waits_and_the_sweeper_sends_it(
    draft, organiser, mailoutbox, celery_eager, django_capture_on_commit_callbacks
):
    with (
        celery_config(broker_url=DEAD_BROKER, task_always_eager=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        organiser_invite(initiative=draft, by=organiser, email="nieuw@example.org")
    (email,) = OutgoingEmail.objects.all()
    assert email.delivery == OutgoingEmail.Delivery.PENDING
    assert mailoutbox == []

    redis_is_back()
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(minutes=6))
    with celery_config(broker_url="memory://", task_always_eager=True):
        assert notification_sweep.delay().get() == 1
        assert notification_sweep.delay().get() == 0
    assert [m.to for m in mailoutbox] == [["nieuw@example.org"]]
    email.refresh_from_db()
    assert email.delivery == OutgoingEmail.Delivery.SENT
