"""A booking for an initiative shows on the initiative's page; the manager's booking page
gives the booker's contact details and unique ids for its two reason fields."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.initiatives.factories import make_initiative
from venues.services import booking_approve

pytestmark = pytest.mark.django_db


# Measured: the initiative's public page for a visitor (with the other panels) and one
# query for the bookings, whatever their number.
DETAIL_QUERIES = 8


def test_approved_coming_bookings_show_on_the_initiative_page(
    client, book, resident, room, day, venue_manager, django_assert_num_queries
):
    initiative = make_initiative(by=resident, status=Status.PUBLISHED, title="Repaircafé")
    url = reverse("initiatives:detail", args=[initiative.pk])
    [waiting] = book(initiative=initiative)
    page = client.get(url).content.decode()
    assert 'id="venue-bookings"' not in page  # waiting for approval: not shown yet

    booking_approve(booking=waiting, actor=venue_manager)
    with django_assert_num_queries(DETAIL_QUERIES):
        page = client.get(url).content.decode()
    assert 'id="venue-bookings"' in page
    assert room.venue.name in page
    assert room.name in page

    for weeks in (1, 2, 3):
        [more] = book(initiative=initiative, date=day + dt.timedelta(weeks=weeks))
        booking_approve(booking=more, actor=venue_manager)
    with django_assert_num_queries(DETAIL_QUERIES):  # more bookings, the same queries
        page = client.get(url).content.decode()
    assert page.count(room.venue.address) == 4


def test_the_manager_sees_the_bookers_contact_details(client, book, resident, venue_manager):
    [booking] = book()
    url = reverse("venues:booking", args=[booking.pk])
    client.force_login(resident)  # the booker sees their own, and who else sees them
    page = client.get(url).content.decode()
    assert f'href="mailto:{resident.email}"' in page
    assert "Alleen jij en de beheerders van de locatie zien je contactgegevens." in page
    client.force_login(venue_manager)
    page = client.get(url).content.decode()
    assert f'href="mailto:{resident.email}"' in page
    assert resident.display_name in page


def test_the_booking_page_has_no_duplicate_ids(client, book, venue_manager):
    [booking] = book()
    client.force_login(venue_manager)
    page = client.get(reverse("venues:booking", args=[booking.pk])).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert 'id="id_decline_reason"' in page
    assert 'id="id_cancel_reason"' in page


def test_booking_feeds_have_the_booking_link_address_and_description(client, book, resident, room):
    from django.conf import settings
    from icalendar import Calendar

    [booking] = book(purpose="Buurtvergadering")
    client.force_login(resident)
    page = client.get(reverse("venues:my_bookings")).content.decode()
    assert 'href="webcal://' in page
    assert 'data-copy="feed-url"' in page
    feed = reverse("venues:room_calendar", args=[room.calendar_token])
    [event] = Calendar.from_ical(client.get(feed).content).walk("VEVENT")
    assert str(event["url"]) == settings.SITE_URL + reverse("venues:booking", args=[booking.pk])
    assert room.venue.address in str(event["location"])
    assert "Buurtvergadering" in str(event["description"])
