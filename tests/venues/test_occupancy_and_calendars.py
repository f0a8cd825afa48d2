"""Occupancy per month (computed by the database) and the private iCal feeds."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from icalendar import Calendar

from venues.models import Closure, OpeningHours
from venues.selectors import venue_occupancy
from venues.services import booking_approve

from .factories import RoomFactory

pytestmark = pytest.mark.django_db


def test_occupancy_counts_approved_hours_revenue_and_commercial_share(
    room, book, venue_manager, day, django_assert_num_queries
):
    venue = room.venue
    OpeningHours.objects.filter(venue=venue).delete()
    OpeningHours.objects.create(
        venue=venue, weekday=day.weekday(), opens=dt.time(9), closes=dt.time(21)
    )
    other = RoomFactory(venue=venue, name="Kleine zaal")
    for booking in [
        *book(),  # 2 h initiative, 10.00
        *book(
            booker_kind="commercial", start_time=dt.time(9), end_time=dt.time(12)
        ),  # 3 h, 120.00
        *book(room=other, booker_kind="non_profit", start_time=dt.time(10), end_time=dt.time(14)),
    ]:
        booking_approve(booking=booking, actor=venue_manager)
    book(start_time=dt.time(13), end_time=dt.time(15))  # pending: not counted
    Closure.objects.create(venue=venue, first_day=day, last_day=day)  # one open day less

    with django_assert_num_queries(4):
        usage = venue_occupancy(venue=venue, year=day.year, month=day.month)
    open_days = (
        sum(
            1
            for n in range(31)
            if (d := day.replace(day=1) + dt.timedelta(days=n)).month == day.month
            and d.weekday() == day.weekday()
        )
        - 1
    )
    assert usage.venue.hours_open == Decimal(12 * open_days * 2)
    assert usage.venue.hours_booked == Decimal(9)
    assert usage.venue.revenue_by_kind == {
        "initiative": Decimal("10.00"),
        "commercial": Decimal("120.00"),
        "non_profit": Decimal("50.00"),
    }
    assert usage.venue.commercial_share == Decimal("33.3")
    per_room = {r.name: u for r, u in usage.rooms}
    big, small = per_room["Grote zaal"], per_room["Kleine zaal"]
    assert (big.hours_booked, small.hours_booked) == (Decimal(5), Decimal(4))


def test_room_feed_lists_active_bookings_for_whoever_holds_the_token(
    client, room, book, venue_manager
):
    [booking] = book(purpose="Yoga")
    [declined] = book(start_time=dt.time(9), end_time=dt.time(10), purpose="Afgewezen")
    from venues.services import booking_decline

    booking_decline(booking=declined, actor=venue_manager, reason="Nee")
    response = client.get(reverse("venues:room_calendar", args=[room.calendar_token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert "Yoga" in str(events[0]["SUMMARY"])
    assert events[0].decoded("DTSTART") == booking.start
    assert client.get(reverse("venues:room_calendar", args=["not-the-token"])).status_code == 404


def test_user_feed_lists_my_bookings(client, resident, book):
    book(purpose="Buurtborrel")
    client.force_login(resident)
    html = client.get(reverse("venues:my_bookings")).content.decode()
    token = resident.venue_calendar.token
    assert reverse("venues:user_calendar", args=[token]) in html
    client.logout()
    calendar = Calendar.from_ical(
        client.get(reverse("venues:user_calendar", args=[token])).content
    )
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Wacht op goedkeuring: Buurtborrel - Buurthuis Lariks"
    ]
    assert client.get(reverse("venues:user_calendar", args=["nope"])).status_code == 404


def test_feeds_get_a_new_address_and_the_old_one_stops_working(
    client, resident, room, venue_manager, outsider
):
    client.force_login(resident)
    client.get(reverse("venues:my_bookings"))
    old_user_token = resident.venue_calendar.token
    client.post(reverse("venues:user_calendar_renew"))
    resident.venue_calendar.refresh_from_db()
    assert resident.venue_calendar.token != old_user_token
    assert client.get(reverse("venues:user_calendar", args=[old_user_token])).status_code == 404

    renew = reverse("venues:manage_room_calendar_renew", args=[room.venue.slug, room.pk])
    old_room_token = room.calendar_token
    client.force_login(outsider)
    assert client.post(renew).status_code == 404
    client.force_login(venue_manager)
    assert client.post(renew).status_code == 302
    room.refresh_from_db()
    assert room.calendar_token != old_room_token
    assert client.get(reverse("venues:room_calendar", args=[old_room_token])).status_code == 404
