"""Booking requests are rate limited; checking a booking before confirming is free."""

import datetime as dt

import pytest
from django.urls import reverse

from mijnbuurt.notifications.models import Notification
from tests.rate_limits import assert_limited, set_limit
from venues.models import Booking

from .test_booking_views import form_data

pytestmark = pytest.mark.django_db


def test_booking_requests_over_the_limit_get_429_and_managers_hear_nothing_more(
    client,
    settings,
    resident,
    outsider,
    venue_manager,
    room,
    day,
    django_capture_on_commit_callbacks,
):
    set_limit(settings, "bookings", "2/h/user")
    url = reverse("venues:book", args=[room.venue.slug])
    client.force_login(resident)
    days = [day + dt.timedelta(weeks=n) for n in range(3)]
    for date in days:  # checking each booking first does not count
        assert client.post(url, form_data(room, date)).status_code == 200
    for date in days[:2]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {**form_data(room, date), "confirm": "1"})
        assert response.status_code == 302
    told = Notification.objects.filter(recipient=venue_manager).count()
    assert told == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**form_data(room, days[2]), "confirm": "1"})

    assert_limited(response)
    assert Booking.objects.count() == 2
    assert Notification.objects.filter(recipient=venue_manager).count() == told

    client.force_login(outsider)  # the limit is per person
    response = client.post(url, {**form_data(room, days[2]), "confirm": "1"})
    assert response.status_code == 302
    assert Booking.objects.filter(booker=outsider).count() == 1
