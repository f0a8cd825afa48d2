"""Links in notifications are in the recipient's language, whatever the actor browses in.

Dutch paths have no prefix; English ones start with /en/. notify() takes a URL name
and stores the path in the site's language; the e-mail, the digest and the
notifications page add the reader's language.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from mijnbuurt.notifications.emails import digest_email
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notification_preferences_update, notify
from tests.accounts.factories import UserFactory
from tests.volunteers.factories import ShiftFactory
from volunteers.kinds import NEW_SIGNUP
from volunteers.services import shift_sign_up

pytestmark = pytest.mark.django_db

SITE = "https://mijnbuurt.example"


def _manage_path(shift) -> str:
    with translation.override("nl"):
        return reverse("volunteers:manage_task", kwargs={"pk": shift.task_id})


def _sign_up_as(language: str, shift) -> Notification:
    """A volunteer signs up while browsing in ``language``; the organiser is told."""
    with translation.override(language):  # as a request under /en/ (or /) would
        shift_sign_up(shift=shift, volunteer=UserFactory())
    return Notification.objects.get(recipient=shift.task.created_by, kind=NEW_SIGNUP.name)


def test_actor_browsing_in_english_gives_a_dutch_recipient_dutch_links(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    shift = ShiftFactory()
    organiser = shift.task.created_by
    organiser.preferred_language = "nl"
    organiser.save()
    notification_preferences_update(user=organiser, channels={NEW_SIGNUP.name: "email"})
    path = _manage_path(shift)
    assert not path.startswith("/en/")

    with django_capture_on_commit_callbacks(execute=True):
        notification = _sign_up_as("en", shift)

    assert notification.link == path
    (message,) = mailoutbox
    assert SITE + path in message.body
    assert f"{SITE}/en/" not in message.body
    client.force_login(organiser)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == path


def test_actor_browsing_in_dutch_gives_an_english_recipient_english_links(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    shift = ShiftFactory()
    organiser = shift.task.created_by
    organiser.preferred_language = "en"
    organiser.save()
    notification_preferences_update(user=organiser, channels={NEW_SIGNUP.name: "email"})
    path = _manage_path(shift)

    with django_capture_on_commit_callbacks(execute=True):
        notification = _sign_up_as("nl", shift)

    assert notification.link == path  # stored in the site's language
    (message,) = mailoutbox
    assert f"{SITE}/en{path}" in message.body
    digest = digest_email(recipient=organiser, notifications=[notification])
    assert f"{SITE}/en{path}" in digest.body
    client.force_login(organiser)
    response = client.get(f"/en/profiel/meldingen/{notification.pk}/")
    assert response["Location"] == f"/en{path}"


def test_notify_builds_the_link_from_name_arguments_query_and_anchor(resident):
    with translation.override("en"):
        notification = notify(
            recipient=resident,
            kind="account_security",
            context={"event": "mfa_added"},
            url_name="help:queue",
            query={"achterstallig": "true"},
            anchor="#reacties",
        )
    with translation.override("nl"):
        queue = reverse("help:queue")
    assert notification.link == f"{queue}?achterstallig=true#reacties"


def test_a_once_key_writes_the_notification_only_once(resident):
    first = notify(
        recipient=resident, kind="account_security", context={"event": "x"}, once_key="k:1"
    )
    second = notify(
        recipient=resident, kind="account_security", context={"event": "x"}, once_key="k:1"
    )
    assert first is not None
    assert second is None
    assert Notification.objects.filter(recipient=resident).count() == 1


def test_stored_english_links_lose_their_prefix_in_the_migration(resident):
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "mijnbuurt.notifications.migrations.0003_once_key_and_outgoing_email"
    )
    old = notify(recipient=resident, kind="account_security", context={"event": "x"})
    Notification.objects.filter(pk=old.pk).update(link="/en/accounts/2fa/")
    migration.links_without_language_prefix(apps, None)
    old.refresh_from_db()
    assert old.link == "/accounts/2fa/"
