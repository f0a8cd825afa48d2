"""The daily digest bundles a person's waiting notifications in one e-mail."""

import pytest

from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notification_preferences_update, notify
from mijnbuurt.notifications.tasks import notification_digest

pytestmark = pytest.mark.django_db


def test_digest_bundles_several_items_in_one_mail_per_person_in_their_language(
    resident, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    outsider.preferred_language = "en"
    outsider.save()
    for user in (resident, outsider):
        notification_preferences_update(user=user, channels={"account_security": "digest"})
    with django_capture_on_commit_callbacks(execute=True):
        for event in ("password_changed", "mfa_added"):
            notify(recipient=resident, kind="account_security", context={"event": event})
        notify(recipient=outsider, kind="account_security", context={"event": "mfa_removed"})
    assert mailoutbox == []

    assert notification_digest.delay().get() == 2
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert len(mailoutbox) == 2
    dutch = by_recipient[resident.email]
    assert dutch.subject == "[Mijn buurt Assen] Je dagelijkse overzicht van meldingen (2)"
    assert "Je wachtwoord is gewijzigd" in dutch.body
    assert "Tweestapsverificatie is aangezet" in dutch.body
    assert "Tweestapsverificatie is aangezet" in dutch.alternatives[0][0]
    assert "List-Unsubscribe" in dutch.extra_headers
    english = by_recipient[outsider.email]
    assert english.subject == "[Mijn buurt Assen] Your daily overview of notifications (1)"
    assert "Two-factor authentication was turned off" in english.body
    assert not Notification.objects.exclude(delivery=Notification.Delivery.SENT).exists()

    mailoutbox.clear()
    assert notification_digest.delay().get() == 0
    assert mailoutbox == []


def test_digest_sends_nothing_on_an_empty_day(resident, mailoutbox):
    notification_preferences_update(user=resident, channels={"account_security": "digest"})
    assert notification_digest.delay().get() == 0
    assert mailoutbox == []
