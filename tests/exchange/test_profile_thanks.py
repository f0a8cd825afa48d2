"""A thank-you shows on the profile of the person thanked, only once they agreed, and
the profile page costs the same queries however many there are."""

import pytest
from django.urls import reverse

from exchange.matches import Feedback
from exchange.models import Listing
from exchange.reciprocity import feedback_give, thanks_show
from tests.accounts.factories import UserFactory

from .factories import ConversationFactory, ListingFactory, confirmed_match

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def test_thanks_show_on_the_profile_only_once_agreed(client, matched, owner, replier):
    feedback_give(conversation=matched, by=replier, outcome="yes", thanks="Dank je, Olga!")
    client.force_login(owner)
    assert "Dank je, Olga!" not in client.get(PROFILE).content.decode()

    thanks_show(conversation=matched, by=owner, shown=True)
    page = client.get(PROFILE).content.decode()
    assert "Dank je, Olga!" in page
    assert "Ruben" in page  # who thanked

    client.force_login(replier)  # the author's own profile does not show it
    assert "Dank je, Olga!" not in client.get(PROFILE).content.decode()

    thanks_show(conversation=matched, by=owner, shown=False)
    client.force_login(owner)
    assert "Dank je, Olga!" not in client.get(PROFILE).content.decode()


def _thanked(owner, category, places, n: int) -> None:
    for i in range(n):
        listing = ListingFactory(
            owner=owner,
            category=category,
            neighbourhood=places["pittelo"],
            status=Listing.Status.DONE,
        )
        conversation = ConversationFactory(listing=listing, replier=UserFactory())
        Feedback.objects.create(
            conversation=conversation,
            match=confirmed_match(conversation),
            author=conversation.replier,
            outcome="yes",
            thanks=f"Bedankt nummer {i}",
            thanks_shown=True,
        )


# The profile page as before (session, user, the profile's user with its neighbourhood,
# roles, the header's notifications, ...: 10) and one query for the thanks.
PROFILE_QUERIES = 11


@pytest.mark.parametrize("size", [1, 6])
def test_the_profile_costs_the_same_queries_at_any_size(
    client, owner, category, places, size, django_assert_num_queries
):
    _thanked(owner, category, places, size)
    client.force_login(owner)
    with django_assert_num_queries(PROFILE_QUERIES):
        page = client.get(PROFILE).content.decode()
    assert page.count("Bedankt nummer") == size
