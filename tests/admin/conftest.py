"""Fixtures of the admin tests: staff of the "gemeente" group with TOTP, and data built
through the services, as users would build it."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.helprequests.conftest import (  # noqa: F401  (fixtures)
    area,
    covered_request,
    fallback_request,
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff_client(client, staff):
    """Logged in as municipal staff (the "gemeente" group, no superuser) with TOTP set up."""
    client.force_login(staff)
    return client


@pytest.fixture
def buurt(db):
    from tests.neighbourhoods.factories import BuurtFactory

    return BuurtFactory(name="Brinkkwartier", slug="brinkkwartier")


@pytest.fixture
def room(venue_manager):
    from tests.venues.factories import RoomFactory, VenueFactory

    venue = VenueFactory(
        name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[venue_manager]
    )
    return RoomFactory(venue=venue, name="Grote zaal", capacity=40)


def wednesday(weeks_ahead: int = 2) -> dt.date:
    today = timezone.localdate()
    return today + dt.timedelta(days=(2 - today.weekday()) % 7 + 7 * weeks_ahead)


@pytest.fixture
def book(resident, room):
    """Request ``room`` as the resident; keyword arguments override the defaults."""
    from venues.services import booking_request

    def _book(**overrides):
        data = {
            "booker": resident,
            "room": room,
            "date": wednesday(),
            "start_time": dt.time(19),
            "end_time": dt.time(21),
            "purpose": "Buurtvergadering",
            "attendees": 20,
            "booker_kind": "initiative",
        }
        data.update(overrides)
        return booking_request(**data)

    return _book
