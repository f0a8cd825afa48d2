"""One page size: every list reads settings.PAGE_SIZE, card grids settings.PAGE_SIZE_GRID."""

import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory
from tests.venues.factories import RoomFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_the_defaults_are_twenty_rows_and_twelve_cards(settings):
    assert (settings.PAGE_SIZE, settings.PAGE_SIZE_GRID) == (20, 12)


def test_lists_follow_the_page_size_settings(client, settings, organiser):
    settings.PAGE_SIZE, settings.PAGE_SIZE_GRID = 2, 3
    wijk = WijkFactory()
    for _ in range(3):
        RoomFactory(venue=VenueFactory(neighbourhood=wijk))
    buurt = BuurtFactory()
    for n in range(4):
        make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, title=f"P{n}")

    venues = client.get(reverse("venues:list"))
    assert len(venues.context["page"].object_list) == 2
    initiatives = client.get(reverse("initiatives:list"))
    assert len(initiatives.context["page"].object_list) == 3
