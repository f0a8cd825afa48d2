"""Bookings are planned from today up to the horizon, and numbers in the URL are checked."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from mijnbuurt.core.dates import scheduling_horizon
from mijnbuurt.core.exceptions import ServiceError
from venues.models import Booking

from .test_booking_views import form_data

pytestmark = pytest.mark.django_db


def horizon_text() -> str:
    return formats.date_format(scheduling_horizon(), "j F Y")


def book_page(client, resident, room, **overrides):
    client.force_login(resident)
    return client.post(
        reverse("venues:book", args=[room.venue.slug]), form_data(room, **overrides)
    )


@pytest.mark.parametrize("month", ["99999999999999999999-1", "2026-99999999999999999999"])
def test_manage_page_with_an_impossible_month_shows_this_month(client, room, venue_manager, month):
    client.force_login(venue_manager)
    response = client.get(reverse("venues:manage", args=[room.venue.slug]), {"maand": month})
    assert response.status_code == 200
    assert response.context["month"] == timezone.localdate().replace(day=1)


@pytest.mark.parametrize("confirm", ["", "1"])
def test_a_booking_on_9999_12_31_is_refused_with_the_last_allowed_date(
    client, resident, room, confirm
):
    response = book_page(client, resident, room, day=dt.date(9999, 12, 31), confirm=confirm)
    assert response.status_code == 200
    assert response.context["form"].has_error("date", code="beyond_horizon")
    assert horizon_text() in response.content.decode()
    assert not Booking.objects.exists()


@pytest.mark.parametrize("confirm", ["", "1"])
def test_a_weekly_series_from_9999_12_25_is_refused_with_a_message(
    client, resident, room, confirm
):
    response = book_page(
        client,
        resident,
        room,
        day=dt.date(9999, 12, 25),
        repeat="weekly",
        occurrences="4",
        confirm=confirm,
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("date", code="beyond_horizon")
    assert not Booking.objects.exists()


def test_a_series_running_past_the_horizon_is_refused_on_the_page(client, resident, room):
    start = scheduling_horizon() - dt.timedelta(days=8)
    response = book_page(
        client, resident, room, day=start, repeat="weekly", occurrences="3", confirm="1"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert horizon_text() in html
    assert formats.date_format(start + dt.timedelta(weeks=2), "j F Y") in html
    assert not Booking.objects.exists()


def test_a_booking_on_the_horizon_is_accepted_and_one_day_later_refused(book):
    horizon = scheduling_horizon()
    with pytest.raises(ServiceError) as error:
        book(date=horizon + dt.timedelta(days=1))
    assert error.value.code == "beyond_horizon"
    assert not Booking.objects.exists()
    (booking,) = book(date=horizon)
    assert timezone.localtime(booking.start).date() == horizon


def test_a_series_must_end_within_the_horizon(book):
    last_start = scheduling_horizon() - dt.timedelta(weeks=2)
    with pytest.raises(ServiceError) as error:
        book(date=last_start + dt.timedelta(days=1), repeat="weekly", occurrences=3)
    assert error.value.code == "series_beyond_horizon"
    assert not Booking.objects.exists()
    assert len(book(date=last_start, repeat="weekly", occurrences=3)) == 3


def test_the_service_refuses_the_last_day_of_the_calendar_and_a_series_from_it(book):
    for repeat, occurrences in (("none", 1), ("weekly", 4), ("fortnightly", 26)):
        with pytest.raises(ServiceError) as error:
            book(date=dt.date.max, repeat=repeat, occurrences=occurrences)
        assert error.value.code == "beyond_horizon"
    assert not Booking.objects.exists()
