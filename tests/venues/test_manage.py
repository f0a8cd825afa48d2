"""Managers' pages: 404 for everyone else; rooms, tariffs, hours, closures, settings."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from mijnbuurt.core.phones import INVALID_PHONE
from venues.models import Closure, OpeningHours, Room, Venue

pytestmark = pytest.mark.django_db

PAGES = ["manage", "manage_settings", "manage_room_new", "manage_hours", "manage_closures"]


@pytest.mark.parametrize("name", PAGES)
def test_management_pages_are_404_for_non_managers_and_open_to_managers(
    client, room, outsider, venue_manager, name
):
    url = reverse(f"venues:{name}", args=[room.venue.slug])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(venue_manager)
    assert client.get(url).status_code == 200


def test_outsider_cannot_change_anything(client, room, outsider):
    client.force_login(outsider)
    slug = room.venue.slug
    hours = OpeningHours.objects.filter(venue=room.venue).first()
    assert (
        client.post(reverse("venues:manage_hours_delete", args=[slug, hours.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("venues:manage_room", args=[slug, room.pk]), {"name": "X"}).status_code
        == 404
    )
    assert OpeningHours.objects.filter(pk=hours.pk).exists()


def test_manager_adds_a_room_with_tariffs_and_facilities(client, room, venue_manager):
    client.force_login(venue_manager)
    data = {
        "name": "Keuken",
        "capacity": "12",
        "kitchen": "on",
        "rate_initiative": "0",
        "rate_non_profit": "7.50",
        "rate_commercial": "25",
        "is_bookable": "on",
    }
    response = client.post(reverse("venues:manage_room_new", args=[room.venue.slug]), data)
    assert response.status_code == 302
    new = Room.objects.get(name="Keuken")
    assert (new.venue, new.capacity, new.kitchen, new.rate_non_profit) == (
        room.venue,
        12,
        True,
        Decimal("7.50"),
    )
    again = client.post(reverse("venues:manage_room_new", args=[room.venue.slug]), data)
    assert "al een ruimte met die naam" in again.content.decode()
    bad = client.post(
        reverse("venues:manage_room_new", args=[room.venue.slug]),
        {**data, "name": "Z", "capacity": "0"},
    )
    assert bad.status_code == 200
    assert not Room.objects.filter(name="Z").exists()


def test_manager_sets_opening_hours_and_overlaps_are_refused(client, room, venue_manager):
    client.force_login(venue_manager)
    url = reverse("venues:manage_hours", args=[room.venue.slug])
    OpeningHours.objects.filter(venue=room.venue, weekday=0).delete()
    assert (
        client.post(url, {"weekday": "0", "opens": "09:00", "closes": "12:00"}).status_code == 302
    )
    overlap = client.post(url, {"weekday": "0", "opens": "11:00", "closes": "13:00"})
    assert "overlappen" in overlap.content.decode()
    backwards = client.post(url, {"weekday": "0", "opens": "13:00", "closes": "12:00"})
    assert "sluitingstijd moet na de openingstijd" in backwards.content.decode()
    assert OpeningHours.objects.filter(venue=room.venue, weekday=0).count() == 1


def test_manager_adds_and_removes_a_closure(client, room, venue_manager, day):
    client.force_login(venue_manager)
    url = reverse("venues:manage_closures", args=[room.venue.slug])
    client.post(
        url, {"first_day": day.isoformat(), "last_day": day.isoformat(), "reason": "Kerst"}
    )
    closure = Closure.objects.get()
    bad = client.post(
        url, {"first_day": day.isoformat(), "last_day": (day - dt.timedelta(days=1)).isoformat()}
    )
    assert "laatste dag" in bad.content.decode()
    client.post(reverse("venues:manage_closure_delete", args=[room.venue.slug, closure.pk]))
    assert not Closure.objects.exists()


def test_manager_turns_on_auto_approve_and_a_commercial_cap(client, room, venue_manager, book):
    client.force_login(venue_manager)
    response = client.post(
        reverse("venues:manage_settings", args=[room.venue.slug]),
        {"auto_approve": "on", "commercial_hours_cap": "10", "description": "Gezellig"},
    )
    assert response.status_code == 302
    room.venue.refresh_from_db()
    assert room.venue.auto_approve
    assert room.venue.commercial_hours_cap == 10
    [booking] = book(room=Room.objects.select_related("venue").get(pk=room.pk))
    assert booking.status == "approved"


def test_venue_phone_number_is_stored_as_e164_and_what_is_none_is_refused(
    client, room, venue_manager
):
    client.force_login(venue_manager)
    url = reverse("venues:manage_settings", args=[room.venue.slug])
    data = {"commercial_hours_cap": "10", "description": "Gezellig"}

    refused = client.post(url, {**data, "contact_phone": "0000"})
    assert refused.status_code == 200
    assert gettext(INVALID_PHONE) in refused.content.decode()
    assert not Venue.objects.filter(pk=room.venue.pk).exclude(contact_phone="").exists()

    assert client.post(url, {**data, "contact_phone": "0592-123456"}).status_code == 302
    assert Venue.objects.filter(pk=room.venue.pk, contact_phone="+31592123456").exists()
    page = client.get(reverse("venues:detail", args=[room.venue.slug])).content.decode()
    assert 'href="tel:+31592123456">0592 123 456</a>' in page


@pytest.mark.parametrize("size", [1, 6])
def test_dashboard_query_count_is_fixed(
    client, room, venue_manager, book, day, django_assert_num_queries, size
):
    for n in range(size):
        book(date=day + dt.timedelta(days=n))
    client.force_login(venue_manager)
    # The month's usage reads the rooms, opening hours and closures the page prefetched.
    with django_assert_num_queries(12):
        response = client.get(reverse("venues:manage", args=[room.venue.slug]))
    assert response.content.decode().count("Goedkeuren") >= size


def test_dashboard_survives_a_bad_month(client, room, venue_manager):
    client.force_login(venue_manager)
    for month in ("", "2026-13", "x-y", "1800-01"):
        assert (
            client.get(
                reverse("venues:manage", args=[room.venue.slug]), {"maand": month}
            ).status_code
            == 200
        )
