"""Fixtures of the venues tests: a venue managed by a resident, with one room."""

import datetime as dt

import pytest
from django.utils import timezone

from .factories import RoomFactory, VenueFactory


@pytest.fixture
def venue(venue_manager):
    return VenueFactory(name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[venue_manager])


@pytest.fixture
def room(venue):
    return RoomFactory(venue=venue, name="Grote zaal", capacity=40)


@pytest.fixture
def day():
    """A Wednesday two to three weeks ahead, so every rule sees a future date."""
    today = timezone.localdate()
    wednesday = today + dt.timedelta(days=(2 - today.weekday()) % 7 + 14)
    return wednesday


@pytest.fixture
def book(resident, room, day):
    """Request ``room`` as the resident; keyword arguments override the defaults."""
    from venues.services import booking_request

    def _book(**overrides):
        data = {
            "booker": resident,
            "room": room,
            "date": day,
            "start_time": dt.time(19),
            "end_time": dt.time(21),
            "purpose": "Buurtvergadering",
            "attendees": 20,
            "booker_kind": "initiative",
        }
        data.update(overrides)
        return booking_request(**data)

    return _book
