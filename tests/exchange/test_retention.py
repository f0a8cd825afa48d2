"""After a listing closes: "is het gelukt?" also when the daily task lets it expire
(once per person), and its messages are deleted after the retention period, while the
conversation, the match, the time credits and the figures stay."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from exchange.figures import exchange_figures
from exchange.matches import CreditMovement, Match
from exchange.models import Conversation, Listing, Message
from exchange.reciprocity import credit_confirm, credit_record, match_press
from exchange.retention import messages_expire
from exchange.services import conversation_start, listing_close, listings_expire, message_send
from exchange.tasks import exchange_listings_expire, exchange_messages_retention
from mijnbuurt.notifications.models import Notification
from mijnbuurt.schedules import BEAT_SCHEDULE

pytestmark = pytest.mark.django_db

DAYS = 180
DELETED = (
    "The messages of this conversation have been deleted: messages about a closed "
    "listing are kept only for a set period."
)


def _feedback_asked(person) -> list[str]:
    return list(
        Notification.objects.filter(recipient=person, kind="exchange_feedback").values_list(
            "link", flat=True
        )
    )


def _talk(listing, owner, replier) -> Conversation:
    conversation = conversation_start(listing=listing, replier=replier, body="Mijn band is lek.")
    message_send(conversation=conversation, sender=owner, body="Kom morgen langs.")
    return conversation


def _past_end(listing) -> None:
    Listing.objects.filter(pk=listing.pk).update(expires_at=timezone.now() - dt.timedelta(hours=1))


# --- "Is het gelukt?" after expiry --------------------------------------------------


def test_an_expired_listing_with_a_match_asks_both_sides_once(listing, owner, replier):
    conversation = _talk(listing, owner, replier)
    match_press(conversation=conversation, by=replier)
    match_press(conversation=conversation, by=owner)
    _past_end(listing)

    assert exchange_listings_expire.apply().get() == 1
    assert exchange_listings_expire.apply().get() == 0  # the task runs again: nothing new
    assert listings_expire() == 0

    link = f"/vraag-en-aanbod/gesprekken/{conversation.pk}/gelukt/"
    assert _feedback_asked(owner) == [link]
    assert _feedback_asked(replier) == [link]
    listing.refresh_from_db()
    assert listing.status == Listing.Status.EXPIRED


def test_an_expired_listing_without_a_match_asks_those_who_both_wrote(
    listing, owner, replier, third
):
    _talk(listing, owner, replier)
    conversation_start(listing=listing, replier=third, body="Ik heb ook een vraag.")
    _past_end(listing)
    assert listings_expire() == 1
    assert len(_feedback_asked(owner)) == 1
    assert len(_feedback_asked(replier)) == 1
    assert _feedback_asked(third) == []  # the owner never answered them
    listings_expire()
    assert len(_feedback_asked(owner)) == 1  # once


def test_closing_after_expiry_and_extension_does_not_ask_twice(listing, owner, replier):
    conversation = _talk(listing, owner, replier)
    match_press(conversation=conversation, by=replier)
    match_press(conversation=conversation, by=owner)
    _past_end(listing)
    listings_expire()
    from exchange.services import listing_extend

    listing_extend(listing=listing, by=owner)
    listing_close(listing=listing, by=owner, to=Listing.Status.DONE)
    assert len(_feedback_asked(owner)) == 1
    assert len(_feedback_asked(replier)) == 1


# --- Retention of messages ----------------------------------------------------------


@pytest.fixture
def closed_long_ago(listing, owner, replier, settings):
    """A listing with a conversation, a confirmed match and confirmed hours, withdrawn
    ``DAYS`` + 1 days ago."""
    settings.EXCHANGE_MESSAGE_RETENTION_DAYS = DAYS
    conversation = _talk(listing, owner, replier)
    match_press(conversation=conversation, by=replier)
    match_press(conversation=conversation, by=owner)
    credit_record(conversation=conversation, by=owner, hours="1,5", gave=True)
    credit_confirm(conversation=conversation, by=replier)
    listing_close(listing=listing, by=owner, to=Listing.Status.DONE)
    return conversation


def _later(days: int) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


def test_messages_of_a_closed_listing_go_after_the_period_and_the_rest_stays(
    closed_long_ago,
):
    start, end = timezone.now() - dt.timedelta(days=1), _later(1)
    before = exchange_figures(start=start, end=end)
    assert before["total"]["replies"] == 1

    assert messages_expire(now=_later(DAYS - 1)) == 0  # not yet
    assert Message.objects.count() == 2

    assert messages_expire(now=_later(DAYS + 1), batch=1) == 2  # one batch per message
    assert messages_expire(now=_later(DAYS + 1)) == 0  # safe to run twice
    assert not Message.objects.exists()
    assert Conversation.objects.filter(pk=closed_long_ago.pk).exists()
    assert Match.objects.get(conversation=closed_long_ago).is_confirmed
    assert CreditMovement.objects.count() == 2
    assert exchange_figures(start=start, end=end) == before


def test_messages_of_open_listings_and_of_recently_closed_ones_stay(
    closed_long_ago, owner, replier, category, places
):
    from tests.exchange.factories import ListingFactory

    other = ListingFactory(owner=owner, category=category, neighbourhood=places["pittelo"])
    _talk(other, owner, replier)
    assert messages_expire(now=_later(DAYS + 1)) == 2
    assert Message.objects.filter(conversation__listing=other).count() == 2


def test_the_conversation_says_its_messages_were_deleted(client, closed_long_ago, replier):
    url = reverse("exchange:conversation", kwargs={"pk": closed_long_ago.pk})
    client.force_login(replier)
    page = client.get(url).content.decode()
    with translation.override("nl"):
        deleted = gettext(DELETED)
    assert "Kom morgen langs." in page
    assert deleted not in page

    messages_expire(now=_later(DAYS + 1))
    page = client.get(url).content.decode()
    assert "Kom morgen langs." not in page
    assert deleted in page


def test_the_retention_task_is_scheduled_and_runs(closed_long_ago, settings):
    tasks = {entry["task"] for entry in BEAT_SCHEDULE.values()}
    assert "exchange.tasks.exchange_messages_retention" in tasks
    assert "exchange.tasks.exchange_listings_expire" in tasks
    settings.EXCHANGE_MESSAGE_RETENTION_DAYS = 0
    assert exchange_messages_retention.apply().get() == 2
    assert not Message.objects.exists()
