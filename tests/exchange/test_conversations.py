"""The relay: replying opens one conversation per person, messages go both ways with an
e-mail that says nothing of the content, contact details need a confirmation, unread
counts, the daily cap and "only my neighbourhood"."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from exchange.models import Conversation, Listing, Message
from exchange.services import conversation_start, message_send, preference_set
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory

from .factories import ListingFactory

pytestmark = pytest.mark.django_db


def test_reply_opens_a_conversation_and_the_owner_gets_a_content_free_email(
    client, listing, replier, owner, django_capture_on_commit_callbacks
):
    client.force_login(replier)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("exchange:reply", kwargs={"pk": listing.pk}), {"body": "Is het nog nodig?"}
        )
    conversation = Conversation.objects.get()
    assert response["Location"] == reverse("exchange:conversation", kwargs={"pk": conversation.pk})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.IN_CONTACT
    notification = Notification.objects.get(recipient=owner)
    assert notification.link.endswith(f"/gesprekken/{conversation.pk}/")
    sent = [m for m in mail.outbox if owner.email in m.to]
    assert len(sent) == 1
    assert "Is het nog nodig" not in sent[0].subject + sent[0].body
    assert "Ruben" not in sent[0].subject
    # Replying again leads to the same conversation.
    again = client.get(reverse("exchange:reply", kwargs={"pk": listing.pk}))
    assert again["Location"] == reverse("exchange:conversation", kwargs={"pk": conversation.pk})


def test_contact_details_are_never_shown(client, conversation, owner, replier):
    client.force_login(owner)
    page = client.get(reverse("exchange:conversation", kwargs={"pk": conversation.pk}))
    text = page.content.decode()
    assert "Ruben" in text
    assert "Mijn band is lek." in text
    assert replier.email not in text
    assert owner.email not in text
    detail = client.get(reverse("exchange:detail", kwargs={"pk": conversation.listing_id}))
    assert owner.email not in detail.content.decode()


@pytest.mark.parametrize("body", ["Bel me: 06-12345678", "Mail naar ruben@voorbeeld.nl"])
def test_a_message_with_contact_details_asks_for_confirmation_first(
    client, conversation, replier, body
):
    client.force_login(replier)
    url = reverse("exchange:conversation", kwargs={"pk": conversation.pk})
    response = client.post(url, {"body": body})
    assert response.status_code == 200
    assert "Je bericht bevat een telefoonnummer of e-mailadres." in response.content.decode()
    assert re.search(
        r'<input type="checkbox"[^>]* name="share_contact"', response.content.decode()
    )
    assert Message.objects.count() == 1
    client.post(url, {"body": body, "share_contact": "on"})
    assert Message.objects.filter(body=body).count() == 1


def test_conversations_are_listed_newest_first_with_unread_counts(
    client, conversation, owner, replier, listing
):
    other_listing = ListingFactory(owner=owner, title="Ladder")
    newer = conversation_start(listing=other_listing, replier=replier, body="Ladder nog vrij?")
    message_send(conversation=conversation, sender=replier, body="Zaterdag?")
    client.force_login(owner)
    page = client.get(reverse("exchange:conversations")).context["page"]
    assert [(c.pk, c.unread) for c in page] == [(conversation.pk, 2), (newer.pk, 1)]
    client.get(reverse("exchange:conversation", kwargs={"pk": conversation.pk}))
    page = client.get(reverse("exchange:conversations")).context["page"]
    assert [(c.pk, c.unread) for c in page] == [(conversation.pk, 0), (newer.pk, 1)]
    client.force_login(replier)
    page = client.get(reverse("exchange:conversations")).context["page"]
    assert [c.unread for c in page] == [0, 0]  # their own messages are not unread


def test_a_daily_cap_on_new_conversations(settings, replier, owner, category):
    settings.EXCHANGE_DAILY_CONVERSATIONS = 2
    listings = [ListingFactory(owner=owner, category=category) for _n in range(3)]
    for listing in listings[:2]:
        conversation_start(listing=listing, replier=replier, body="Hallo")
    with translation.override("en"), pytest.raises(ServiceError) as refused:
        conversation_start(listing=listings[2], replier=replier, body="Hallo")
    assert refused.value.code == "daily_cap"
    assert "2 conversations in the last 24 hours" in refused.value.message
    # Writing on in a conversation that exists is no new conversation.
    conversation_start(listing=listings[0], replier=replier, body="Nog iets")
    assert Conversation.objects.count() == 2


def test_only_my_neighbourhood_may_message_me(client, listing, owner, replier, third):
    preference_set(user=owner, neighbourhood_only=True)
    with pytest.raises(ServiceError) as refused:
        conversation_start(listing=listing, replier=third, body="Hallo")  # another wijk
    assert refused.value.code == "audience"
    conversation_start(listing=listing, replier=replier, body="Hallo")  # the same wijk
    nowhere = UserFactory()  # no home neighbourhood
    with pytest.raises(ServiceError):
        conversation_start(listing=listing, replier=nowhere, body="Hallo")
    client.force_login(third)
    with translation.override("en"):
        response = client.post(
            reverse("exchange:reply", kwargs={"pk": listing.pk}), {"body": "Hallo"}
        )
    assert "only receives messages from people in their own neighbourhood" in (
        response.content.decode()
    )
    assert Conversation.objects.count() == 1


def test_a_listing_for_the_neighbourhood_only_refuses_other_wijken(listing, replier, third):
    Listing.objects.filter(pk=listing.pk).update(audience=Listing.Audience.NEIGHBOURHOOD)
    listing.refresh_from_db()
    with pytest.raises(ServiceError):
        conversation_start(listing=listing, replier=third, body="Hallo")
    conversation_start(listing=listing, replier=replier, body="Hallo")


def test_the_owner_cannot_reply_to_their_own_listing_and_closed_ones_take_no_replies(
    listing, owner, withdrawn, third
):
    with pytest.raises(ServiceError):
        conversation_start(listing=listing, replier=owner, body="Hallo")
    with pytest.raises(ServiceError):
        conversation_start(listing=withdrawn, replier=third, body="Hallo")
    with pytest.raises(ServiceError):
        conversation_start(listing=listing, replier=third, body="   ")
    assert not Conversation.objects.filter(replier__in=[owner, third]).exists()


def test_the_preference_page_saves_the_choice(client, owner):
    client.force_login(owner)
    client.post(reverse("exchange:preferences"), {"neighbourhood_only": "on"})
    form = client.get(reverse("exchange:preferences")).context["form"]
    assert form.initial["neighbourhood_only"] is True
