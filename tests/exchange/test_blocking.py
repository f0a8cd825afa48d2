"""Blocking a person: they can no longer message you, and you no longer see their
listings."""

import pytest
from django.urls import reverse

from exchange.models import Block
from exchange.services import conversation_start, message_send, person_block
from mijnbuurt.core.exceptions import ServiceError

from .factories import ListingFactory

pytestmark = pytest.mark.django_db


def test_the_owner_blocks_the_replier_who_can_no_longer_message(
    client, owner, replier, conversation
):
    client.force_login(owner)
    response = client.post(reverse("exchange:block", kwargs={"pk": conversation.pk}))
    assert response["Location"] == reverse("exchange:conversations")
    assert Block.objects.filter(blocker=owner, blocked=replier).exists()
    with pytest.raises(ServiceError) as refused:
        message_send(conversation=conversation, sender=replier, body="Hallo?")
    assert refused.value.code == "blocked"
    with pytest.raises(ServiceError):
        conversation_start(listing=ListingFactory(owner=owner), replier=replier, body="Hoi")
    message_send(conversation=conversation, sender=owner, body="Dit is mijn laatste bericht.")


def test_the_blocker_no_longer_sees_the_listings_of_the_blocked(
    client, replier, conversation, owner
):
    person_block(conversation=conversation, by=replier)
    client.force_login(replier)
    titles = [x.title for x in client.get(reverse("exchange:list")).context["page"]]
    assert conversation.listing.title not in titles
    client.force_login(owner)
    titles = [x.title for x in client.get(reverse("exchange:list")).context["page"]]
    assert conversation.listing.title in titles


def test_only_the_two_sides_block_and_twice_is_once(owner, third, conversation):
    with pytest.raises(ServiceError):
        person_block(conversation=conversation, by=third)
    person_block(conversation=conversation, by=owner)
    person_block(conversation=conversation, by=owner)
    assert Block.objects.count() == 1
