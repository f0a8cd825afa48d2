"""The list, a listing's page, the conversations list and a conversation cost the same
number of queries with 3 or 30 listings, conversations and messages."""

import pytest
from django.urls import reverse

from exchange.photos import ListingPhoto
from tests.accounts.factories import UserFactory

from .factories import ConversationFactory, ListingFactory, MessageFactory

pytestmark = pytest.mark.django_db

# The list and a listing's page: +1 each for the photos (prefetched on the list).
LIST, DETAIL, CONVERSATIONS, CONVERSATION = 4, 6, 5, 6


def _photo(listing):
    ListingPhoto.objects.create(
        listing=listing, image="exchange/photos/a.jpg", thumbnail="exchange/thumbnails/a.jpg"
    )


def _grow(n: int, owner, listing, conversation):
    for _i in range(n):
        other = ListingFactory(owner=owner)
        _photo(other)
        _photo(listing)
        ConversationFactory(listing=other, replier=conversation.replier)
        ConversationFactory(listing=listing)
        MessageFactory(conversation=conversation)
        MessageFactory(conversation=conversation, sender=owner)


@pytest.mark.parametrize("size", [3, 30])
def test_query_counts_stay_flat(
    client, owner, listing, conversation, size, django_assert_num_queries
):
    _grow(size, owner, listing, conversation)
    ListingFactory.create_batch(size, owner=UserFactory())
    client.get(reverse("exchange:list"))  # the neighbourhood filter's options are cached
    with django_assert_num_queries(LIST):
        assert client.get(reverse("exchange:list"), {"q": "fiets"}).status_code == 200
    with django_assert_num_queries(LIST):
        assert client.get(reverse("exchange:list")).status_code == 200
    client.force_login(owner)
    with django_assert_num_queries(DETAIL):
        response = client.get(reverse("exchange:detail", kwargs={"pk": listing.pk}))
    assert len(response.context["conversations"]) == size + 1
    with django_assert_num_queries(CONVERSATIONS):
        response = client.get(reverse("exchange:conversations"))
    assert response.context["page"].paginator.count == 2 * size + 1
    with django_assert_num_queries(CONVERSATION):
        response = client.get(reverse("exchange:conversation", kwargs={"pk": conversation.pk}))
    assert len(response.context["chat"]) == 2 * size + 1
