"""Public pages: list with filters, a venue with its week view; fixed query counts."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.neighbourhoods.factories import WijkFactory
from venues.models import Booking, Closure
from venues.services import booking_approve

from .factories import RoomFactory, VenueFactory

pytestmark = pytest.mark.django_db

LIST_QUERIES = 3  # count, one page of venues (with room figures), neighbourhood choices
VENUE_QUERIES = 6  # venue+neighbourhood, rooms, opening hours, managers, closures, bookings


def make_venues(n: int, wijk=None):
    wijk = wijk or WijkFactory()
    for _ in range(n):
        venue = VenueFactory(neighbourhood=wijk)
        RoomFactory(venue=venue)
        RoomFactory(venue=venue, capacity=80, kitchen=False, sports_floor=True)


@pytest.mark.parametrize("size", [2, 12])
def test_list_query_count_is_fixed(client, django_assert_num_queries, size):
    make_venues(size)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("venues:list"))
    assert response.status_code == 200
    assert response.content.decode().count('class="mb-card"') == size


def test_list_filters_by_neighbourhood_people_facilities_and_accessibility(client):
    wijk = WijkFactory(name="Assen-Oost", slug="assen-oost")
    big = VenueFactory(name="MFA Assen-Oost", neighbourhood=wijk, step_free=True)
    RoomFactory(venue=big, capacity=120, sports_floor=True, kitchen=False)
    RoomFactory(venue=big, capacity=20, kitchen=True)
    small = VenueFactory(name="Buurthuis Klein")
    RoomFactory(venue=small, capacity=15, kitchen=True)

    def names(**params):
        html = client.get(reverse("venues:list"), params).content.decode()
        return {name for name in ("MFA Assen-Oost", "Buurthuis Klein") if name in html}

    assert names() == {"MFA Assen-Oost", "Buurthuis Klein"}
    assert names(neighbourhood="assen-oost") == {"MFA Assen-Oost"}
    assert names(people=50) == {"MFA Assen-Oost"}
    # One room must hold the group and have the facility: the big hall has no kitchen.
    assert names(people=50, facilities="kitchen") == set()
    assert names(facilities="kitchen") == {"MFA Assen-Oost", "Buurthuis Klein"}
    assert names(accessibility="step_free") == {"MFA Assen-Oost"}


def test_list_survives_bad_filter_input(client):
    make_venues(1)
    response = client.get(
        reverse("venues:list"), {"people": "veel", "facilities": "jacuzzi", "pagina": "x"}
    )
    assert response.status_code == 200


def test_list_is_paginated(client):
    make_venues(21)
    first = client.get(reverse("venues:list")).content.decode()
    second = client.get(reverse("venues:list"), {"pagina": 2}).content.decode()
    assert first.count('class="mb-card"') == 20
    assert second.count('class="mb-card"') == 1


@pytest.mark.parametrize("bookings", [1, 6])
def test_venue_page_query_count_is_fixed(
    client, django_assert_num_queries, room, day, book, bookings
):
    for n in range(bookings):  # more rooms as well as more bookings
        RoomFactory(venue=room.venue, name=f"Kleine zaal {n}")
    for n in range(bookings):
        book(
            date=day + dt.timedelta(days=n % 3),
            start_time=dt.time(9 + 2 * (n // 3)),
            end_time=dt.time(10 + 2 * (n // 3)),
        )
    with django_assert_num_queries(VENUE_QUERIES):
        response = client.get(
            reverse("venues:detail", args=[room.venue.slug]), {"week": day.isoformat()}
        )
    assert response.status_code == 200


def test_week_view_shows_booked_free_and_closed_without_personal_details(
    client, room, day, book, venue_manager
):
    [booking] = book(purpose="Geheime verjaardag")
    booking_approve(booking=booking, actor=venue_manager)
    closed = day + dt.timedelta(days=1)
    Closure.objects.create(venue=room.venue, first_day=closed, last_day=closed, reason="Onderhoud")
    html = client.get(
        reverse("venues:detail", args=[room.venue.slug]), {"week": day.isoformat()}
    ).content.decode()
    dash = "\N{EN DASH}"
    assert f"19:00{dash}21:00\n                  <strong>bezet</strong>" in html
    assert f"08:00{dash}19:00" in html
    assert f"21:00{dash}23:00" in html
    assert "Gesloten (Onderhoud)" in html
    assert "Geheime verjaardag" not in html
    assert "Anne" not in html
    monday = day - dt.timedelta(days=day.weekday())
    assert f"?week={(monday + dt.timedelta(days=7)).isoformat()}" in html
    assert f"?week={(monday - dt.timedelta(days=7)).isoformat()}" in html


@pytest.mark.parametrize("week", ["", "morgen", "2026-13-45", "9999-01-01"])
def test_week_view_falls_back_to_this_week_on_bad_input(client, room, week):
    response = client.get(reverse("venues:detail", args=[room.venue.slug]), {"week": week})
    assert response.status_code == 200


def test_venue_page_shows_rooms_tariffs_rules_and_contact(client, room):
    venue = room.venue
    venue.house_rules = "Laat de ruimte schoon achter."
    venue.contact_email = "lariks@example.org"
    venue.save()
    html = client.get(reverse("venues:detail", args=[venue.slug])).content.decode()
    for text in (
        "Grote zaal",
        "€ 5,00",
        "€ 12,50",
        "€ 40,00",
        "Keuken",
        "Laat de ruimte schoon achter.",
        "lariks@example.org",
        "Bea",
        "Stichting",
    ):
        assert text in html, text


def test_unpublished_venue_is_hidden_from_the_public_but_not_its_managers(
    client, room, venue_manager
):
    venue = room.venue
    venue.is_published = False
    venue.save()
    url = reverse("venues:detail", args=[venue.slug])
    assert client.get(url).status_code == 404
    client.force_login(venue_manager)
    assert client.get(url).status_code == 200


def test_map_layer_lists_published_venues(client, room):
    response = client.get(reverse("neighbourhoods:layer", args=["locaties"]))
    assert response.status_code == 200
    feature = response.json()["features"][0]
    assert feature["properties"]["name"] == room.venue.name
    assert feature["properties"]["url"] == reverse("venues:detail", args=[room.venue.slug])


def test_cancelled_booking_does_not_show_as_booked(client, room, day, book, resident):
    from venues.services import booking_cancel

    [booking] = book()
    booking_cancel(booking=booking, actor=resident)
    assert Booking.objects.get().status == "cancelled"
    html = client.get(
        reverse("venues:detail", args=[room.venue.slug]), {"week": day.isoformat()}
    ).content.decode()
    assert "bezet" not in html


def test_pages_work_in_english(client, room):
    assert "Community buildings" in client.get("/en/locaties/").content.decode()
    html = client.get(f"/en/locaties/{room.venue.slug}/").content.decode()
    assert "Rooms and tariffs" in html
