"""Distance from my home: residents with a home neighbourhood filter the list on 1, 2
or 5 km and sort it nearest first; the distance is computed in the database from the
neighbourhoods' places (latitude, longitude), with a fixed number of queries."""

import datetime as dt
import math

import pytest
from django.urls import reverse
from django.utils import timezone

from exchange.selectors import listings_listed, listings_with_distance
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory

from .factories import ListingFactory

pytestmark = pytest.mark.django_db

HOME = (52.99, 6.56)
KM_LAT = 1 / 111.195  # degrees of latitude per km
KM_LNG = 1 / (111.195 * math.cos(math.radians(HOME[0])))


def _haversine(a, b) -> float:
    (lat1, lng1), (lat2, lng2) = ((math.radians(x), math.radians(y)) for x, y in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture
def around(places, category):
    """Listings at 0, 1.5 (north), 4 (east) and 8 km (south) from the home buurt, and
    one in a buurt without a known place; placed so that newest-first differs."""
    wijk = places["noord"]
    home = BuurtFactory(name="Thuis", wijk=wijk, latitude=HOME[0], longitude=HOME[1])
    spots = {
        "here": (HOME[0], HOME[1]),
        "north": (HOME[0] + 1.5 * KM_LAT, HOME[1]),
        "east": (HOME[0], HOME[1] + 4 * KM_LNG),
        "south": (HOME[0] - 8 * KM_LAT, HOME[1]),
        "nowhere": (None, None),
    }
    listings = {}
    for age, (name, (lat, lng)) in enumerate(spots.items()):
        buurt = BuurtFactory(name=name, wijk=wijk, latitude=lat, longitude=lng)
        listing = ListingFactory(title=name, category=category, neighbourhood=buurt)
        listing.created_at = timezone.now() - dt.timedelta(days=10 - age)  # "nowhere" newest
        listing.save(update_fields=["created_at"])
        listings[name] = listing
    resident = UserFactory(email="buur@example.org", home_neighbourhood=home)
    return {"resident": resident, "listings": listings, "spots": spots}


def _titles(response) -> list[str]:
    return [listing.title for listing in response.context["page"].object_list]


def test_the_distance_in_the_database_is_close_to_the_great_circle_distance(around):
    rows = listings_with_distance(listings_listed(), HOME).values_list("title", "distance_km")
    for title, km in rows:
        lat, lng = around["spots"][title]
        if lat is None:
            assert km is None
        else:
            assert km == pytest.approx(_haversine(HOME, (lat, lng)), abs=0.01)


@pytest.mark.parametrize(
    ("km", "expected"),
    [("1", {"here"}), ("2", {"here", "north"}), ("5", {"here", "north", "east"})],
)
def test_within_a_distance_of_my_home(client, around, km, expected):
    client.force_login(around["resident"])
    response = client.get(reverse("exchange:list"), {"distance": km})
    assert set(_titles(response)) == expected


def test_nearest_first_puts_unknown_places_last(client, around):
    client.force_login(around["resident"])
    response = client.get(reverse("exchange:list"), {"sort": "nearest"})
    assert _titles(response) == ["here", "north", "east", "south", "nowhere"]
    assert "1,5 km van je huis" in response.content.decode()
    newest = client.get(reverse("exchange:list"))
    assert _titles(newest) == ["nowhere", "south", "east", "north", "here"]
    both = client.get(reverse("exchange:list"), {"sort": "nearest", "distance": "5"})
    assert _titles(both) == ["here", "north", "east"]


@pytest.mark.parametrize("query", [{"distance": "3"}, {"distance": "x"}, {"sort": "oldest"}])
def test_a_bad_value_is_ignored(client, around, query):
    client.force_login(around["resident"])
    response = client.get(reverse("exchange:list"), query)
    assert response.status_code == 200
    assert len(_titles(response)) == 5


def test_without_a_home_the_options_are_absent_and_say_why(client, around, places):
    anonymous = client.get(reverse("exchange:list"), {"distance": "1", "sort": "nearest"})
    assert "distance" not in anonymous.context["filter"].form.fields
    assert "sort" not in anonymous.context["filter"].form.fields
    assert len(_titles(anonymous)) == 5  # ignored, not an error
    assert 'id="distance-note"' in anonymous.content.decode()
    homeless = UserFactory(email="zonder-buurt@example.org", home_neighbourhood=None)
    unplaced = UserFactory(
        email="onbekend@example.org",
        home_neighbourhood=BuurtFactory(wijk=places["noord"], latitude=None, longitude=None),
    )
    for person in (homeless, unplaced):
        client.force_login(person)
        response = client.get(reverse("exchange:list"), {"distance": "1"})
        assert "distance" not in response.context["filter"].form.fields
        assert reverse("accounts:profile") in response.content.decode()
    client.force_login(around["resident"])
    response = client.get(reverse("exchange:list"))
    assert {"distance", "sort"} <= set(response.context["filter"].form.fields)
    assert 'id="distance-note"' not in response.content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_nearest_first_costs_the_same_queries_whatever_the_size(
    client, around, category, size, django_assert_num_queries
):
    buurt = around["listings"]["east"].neighbourhood
    ListingFactory.create_batch(size, category=category, neighbourhood=buurt)
    client.force_login(around["resident"])
    url = reverse("exchange:list")
    client.get(url)  # the neighbourhood filter's options are cached
    # session, user, home neighbourhood, unread notifications, categories (the filter),
    # count, listings, photos
    with django_assert_num_queries(8):
        response = client.get(url, {"sort": "nearest", "distance": "5"})
    assert response.context["page"].paginator.count == 3 + size
