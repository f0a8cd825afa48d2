"""A notification is written with the change that caused it and e-mailed exactly once."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from mijnbuurt.notifications.delivery import MAX_FAILED_ATTEMPTS, notification_deliver_email
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notification_preferences_update, notify
from mijnbuurt.notifications.tasks import notification_deliver, notification_sweep

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


def test_rolled_back_change_leaves_no_notification_and_sends_no_mail(
    resident, mailoutbox, django_capture_on_commit_callbacks
):
    def change_that_fails():
        with transaction.atomic():
            notify(recipient=resident, kind="account_security", context={"event": "mfa_added"})
            raise Boom

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Boom):
        change_that_fails()
    assert not Notification.objects.exists()
    assert callbacks == []
    assert mailoutbox == []


def test_committed_notification_is_emailed_in_dutch_with_text_html_and_unsubscribe(
    resident, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://mijnbuurt.example"
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            recipient=resident,
            kind="account_security",
            context={"event": "password_changed"},
            url_name="account_change_password",
        )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [resident.email]
    assert message.subject == "[Mijn buurt Assen] Je wachtwoord is gewijzigd"
    assert "https://mijnbuurt.example/accounts/password/change/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'lang="nl"' in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://mijnbuurt.example/profiel/meldingen/afmelden/")
    assert unsubscribe[1:-1] in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    notification.refresh_from_db()
    assert notification.delivery == Notification.Delivery.SENT
    assert notification.delivered_at is not None


def test_email_is_in_the_recipients_language(
    resident, mailoutbox, django_capture_on_commit_callbacks
):
    resident.preferred_language = "en"
    resident.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipient=resident,
            kind="account_security",
            context={"event": "mfa_removed"},
            url_name="mfa_index",
        )
    message = mailoutbox[0]
    assert message.subject == "[Mijn buurt Assen] Two-factor authentication was turned off"
    assert "/en/accounts/2fa/" in message.body
    assert "/en/profiel/meldingen/afmelden/" in message.extra_headers["List-Unsubscribe"]


def test_running_delivery_twice_sends_one_email(resident, mailoutbox, security_notice):
    notification_preferences_update(user=resident, channels={"account_security": "email"})
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        notification = security_notice(resident)
    assert notification_deliver.delay(notification.pk).get() is True
    assert notification_deliver.delay(notification.pk).get() is False
    assert notification_deliver_email(notification_id=notification.pk) is False
    assert len(mailoutbox) == 1


def test_smtp_outage_keeps_the_notification_pending_and_does_not_count_towards_giving_up(
    resident, security_notice
):
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        notification = security_notice(resident)
    with (
        mock.patch(
            "django.core.mail.EmailMultiAlternatives.send",
            side_effect=smtplib.SMTPServerDisconnected("gone"),
        ),
        pytest.raises(smtplib.SMTPServerDisconnected),
    ):
        notification_deliver_email(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.delivery == Notification.Delivery.PENDING
    assert notification.delivered_at is None
    # An outage says nothing about this message: separate outages must not add up
    # to giving up on it (only refusals of the message count, see the next test).
    assert notification.failed_attempts == 0
    assert notification_deliver_email(notification_id=notification.pk) is True
    assert len(mail.outbox) == 1


def test_an_address_that_keeps_failing_is_given_up_and_no_longer_swept(resident, security_notice):
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        notification = security_notice(resident)
    refused = smtplib.SMTPRecipientsRefused({resident.email: (550, b"No such user")})
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=refused):
        for _attempt in range(MAX_FAILED_ATTEMPTS):
            with pytest.raises(smtplib.SMTPRecipientsRefused):
                notification_deliver_email(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.delivery == Notification.Delivery.FAILED
    assert notification.failed_attempts == MAX_FAILED_ATTEMPTS
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    with mock.patch("mijnbuurt.notifications.tasks.enqueue_delivery") as enqueue:
        assert notification_sweep() == 0
    enqueue.assert_not_called()


def test_kinds_set_to_digest_or_off_are_not_emailed_at_once(
    resident, outsider, mailoutbox, django_capture_on_commit_callbacks, security_notice
):
    notification_preferences_update(user=resident, channels={"account_security": "digest"})
    notification_preferences_update(user=outsider, channels={"account_security": "off"})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for_digest = security_notice(resident)
        not_mailed = security_notice(outsider)
    assert callbacks == []
    assert mailoutbox == []
    assert for_digest.delivery == Notification.Delivery.DIGEST
    assert not_mailed.delivery == Notification.Delivery.SKIPPED


def test_delivery_follows_a_choice_made_after_the_notification(resident, mailoutbox):
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        notification = notify(
            recipient=resident, kind="account_security", context={"event": "mfa_added"}
        )
    notification_preferences_update(user=resident, channels={"account_security": "off"})
    assert notification_deliver_email(notification_id=notification.pk) is False
    notification.refresh_from_db()
    assert notification.delivery == Notification.Delivery.SKIPPED
    assert mailoutbox == []


def test_sweeper_sends_old_pending_notifications_once_and_leaves_fresh_ones(
    resident, outsider, mailoutbox
):
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        old = notify(recipient=resident, kind="account_security", context={"event": "mfa_added"})
        fresh = notify(recipient=outsider, kind="account_security", context={"event": "x"})
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    assert notification_sweep.delay().get() == 1
    assert notification_sweep.delay().get() == 0
    assert [m.to for m in mailoutbox] == [[resident.email]]
    fresh.refresh_from_db()
    assert fresh.delivery == Notification.Delivery.PENDING


def test_subjects_and_titles_are_plain_text_escaped_once_on_pages(
    client, resident, mailoutbox, django_capture_on_commit_callbacks
):
    context = {"room": "Zaal & keuken", "venue": "De <Lariks>", "when": "1-12-2026 19:00-21:00"}
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=resident, kind="venue_booking_approved", context=context)

    assert "Zaal & keuken, De <Lariks>" in mailoutbox[0].subject
    client.force_login(resident)
    page = client.get("/profiel/meldingen/").content.decode()
    assert "Zaal &amp; keuken, De &lt;Lariks&gt;" in page
    assert "&amp;amp;" not in page
    assert "<Lariks>" not in page
