import pytest

from venues.calendars import user_feed_token
from venues.models import Booking, CalendarFeed
from venues.services.personal_data import (
    venue_bookings_personal_data_erase,
    venue_bookings_personal_data_export,
)

pytestmark = pytest.mark.django_db


def test_bookings_are_in_my_data_and_future_ones_are_withdrawn_on_erase(book, resident):
    book(purpose="Buurtborrel")
    [exported] = venue_bookings_personal_data_export(resident)
    assert exported["purpose"] == "Buurtborrel"
    assert exported["venue"] == "Buurthuis Lariks"
    venue_bookings_personal_data_erase(resident)
    erased = Booking.objects.get()
    assert erased.status == Booking.Status.CANCELLED
    assert erased.purpose == ""


def test_my_data_holds_the_phone_number_given_with_a_booking_and_erasing_removes_it(
    book, resident
):
    book(booker_phone="06 12345678")
    [exported] = venue_bookings_personal_data_export(resident)
    assert exported["phone"] == "+31612345678"
    venue_bookings_personal_data_erase(resident)
    assert Booking.objects.get().booker_phone == ""


def test_erasing_a_manager_ends_their_management_and_feed(venue, venue_manager):
    user_feed_token(user=venue_manager)
    venue_bookings_personal_data_erase(venue_manager)
    assert not venue.managers.exists()
    assert not CalendarFeed.objects.filter(user=venue_manager).exists()
