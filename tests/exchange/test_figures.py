"""The figures the reports read: listings, replies, matches and the match rate per
wijk and month, and the median time to the first reply, on data with known answers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from exchange.figures import exchange_figures
from exchange.matches import Match
from exchange.models import Conversation, Listing
from tests.accounts.factories import UserFactory

from .factories import ConversationFactory, ListingFactory

pytestmark = pytest.mark.django_db


def _at(*parts) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*parts))


def _listing(buurt, created):
    listing = ListingFactory(neighbourhood=buurt)
    Listing.objects.filter(pk=listing.pk).update(created_at=created)
    return listing


def _reply(listing, created, matched=None):
    conversation = ConversationFactory(listing=listing, replier=UserFactory())
    Conversation.objects.filter(pk=conversation.pk).update(created_at=created)
    if matched:
        Match.objects.create(conversation=conversation, confirmed_at=matched)
    return conversation


@pytest.fixture
def known(places):
    pittelo, kloosterveen = places["pittelo"], places["kloosterveen"]
    bike = _listing(pittelo, _at(2026, 1, 5, 10))
    _reply(bike, _at(2026, 1, 5, 12), matched=_at(2026, 1, 7, 9))  # 2 hours
    _reply(bike, _at(2026, 1, 6, 10))
    _listing(pittelo, _at(2026, 1, 10, 10))  # no reply
    ladder = _listing(kloosterveen, _at(2026, 2, 1, 8))
    _reply(ladder, _at(2026, 2, 1, 14), matched=_at(2026, 3, 2, 9))  # 6 hours
    Match.objects.create(  # proposed, never confirmed: no match
        conversation=_reply(ladder, _at(2026, 2, 3, 8))
    )
    old = _listing(pittelo, _at(2025, 6, 1, 10))  # before the year
    _reply(old, _at(2025, 6, 1, 11), matched=_at(2025, 6, 2, 11))
    return places


def test_figures_per_wijk_and_month(known):
    figures = exchange_figures(start=_at(2026, 1, 1), end=_at(2027, 1, 1))
    noord, zuid = known["noord"].pk, known["zuid"].pk
    assert figures["rows"] == {
        (noord, dt.date(2026, 1, 1)): {
            "listings": 2,
            "replies": 2,
            "matches": 1,
            "match_rate": Decimal("50.0"),
        },
        (zuid, dt.date(2026, 2, 1)): {
            "listings": 1,
            "replies": 2,
            "matches": 0,
            "match_rate": Decimal("0.0"),
        },
        (zuid, dt.date(2026, 3, 1)): {
            "listings": 0,
            "replies": 0,
            "matches": 1,
            "match_rate": None,
        },
    }
    assert figures["median_first_reply"] == {noord: Decimal("2.0"), zuid: Decimal("6.0")}
    assert figures["median_first_reply_per_month"] == {
        dt.date(2026, 1, 1): Decimal("2.0"),
        dt.date(2026, 2, 1): Decimal("6.0"),
    }
    assert figures["total"] == {
        "listings": 3,
        "replies": 4,
        "matches": 2,
        "match_rate": Decimal("50.0"),
        "median_first_reply": Decimal("4.0"),
    }


@pytest.mark.parametrize("size", [1, 20])
def test_figures_cost_the_same_queries_at_any_size(known, size, django_assert_num_queries):
    for _n in range(size):
        _reply(_listing(known["lariks"], _at(2026, 4, 1, 10)), _at(2026, 4, 2, 10))
    with django_assert_num_queries(6):  # 3 counts, medians per wijk, per month, in all
        exchange_figures(start=_at(2026, 1, 1), end=_at(2027, 1, 1))


def test_figures_of_one_wijk_are_per_buurt(known):
    figures = exchange_figures(
        start=_at(2026, 1, 1), end=_at(2027, 1, 1), wijk_id=known["noord"].pk
    )
    pittelo = known["pittelo"].pk
    assert figures["rows"] == {
        (pittelo, dt.date(2026, 1, 1)): {
            "listings": 2,
            "replies": 2,
            "matches": 1,
            "match_rate": Decimal("50.0"),
        },
    }
    assert figures["median_first_reply"] == {pittelo: Decimal("2.0")}
    assert figures["total"]["median_first_reply"] == Decimal("2.0")
