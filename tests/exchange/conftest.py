"""A small exchange: two wijken, an owner with an open and a withdrawn listing, a
replier in conversation about both, and people who have nothing to do with them."""

import pytest

from exchange.models import Listing
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

from .factories import CategoryFactory, ConversationFactory, ListingFactory, MessageFactory


@pytest.fixture
def places(db):
    noord = WijkFactory(name="Noord", slug="noord")
    zuid = WijkFactory(name="Zuid", slug="zuid")
    return {
        "noord": noord,
        "zuid": zuid,
        "pittelo": BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord),
        "lariks": BuurtFactory(name="Lariks", slug="lariks", wijk=noord),
        "kloosterveen": BuurtFactory(name="Kloosterveen", slug="kloosterveen", wijk=zuid),
    }


@pytest.fixture
def category(db):
    return CategoryFactory(name="Fietsen (test)", slug="fietsen-test")


@pytest.fixture
def care_category(db):
    return CategoryFactory(name="Verzorging (test)", slug="verzorging-test", is_care=True)


@pytest.fixture
def owner(places):
    return UserFactory(
        email="eigenaar@example.org", display_name="Olga", home_neighbourhood=places["pittelo"]
    )


@pytest.fixture
def replier(places):
    return UserFactory(
        email="reageerder@example.org", display_name="Ruben", home_neighbourhood=places["lariks"]
    )


@pytest.fixture
def third(places):
    return UserFactory(
        email="derde@example.org", display_name="Dirk", home_neighbourhood=places["kloosterveen"]
    )


@pytest.fixture
def listing(owner, category, places):
    return ListingFactory(
        owner=owner,
        category=category,
        neighbourhood=places["pittelo"],
        title="Ik repareer je fiets",
        description="Lekke band? Kom langs in mijn schuur.",
    )


@pytest.fixture
def conversation(listing, replier):
    conversation = ConversationFactory(listing=listing, replier=replier)
    MessageFactory(conversation=conversation, sender=replier, body="Mijn band is lek.")
    return conversation


@pytest.fixture
def withdrawn(owner, category, places, replier):
    listing = ListingFactory(
        owner=owner,
        category=category,
        neighbourhood=places["pittelo"],
        title="Ladder te leen",
        status=Listing.Status.WITHDRAWN,
    )
    ConversationFactory(listing=listing, replier=replier)
    return listing


@pytest.fixture
def matched(owner, replier, category, places):
    """A done listing whose conversation with the replier led to a confirmed match."""
    from .factories import confirmed_match

    listing = ListingFactory(
        owner=owner,
        category=category,
        neighbourhood=places["pittelo"],
        title="Hulp bij de tuin",
        status=Listing.Status.DONE,
    )
    conversation = ConversationFactory(listing=listing, replier=replier)
    confirmed_match(conversation)
    return conversation
