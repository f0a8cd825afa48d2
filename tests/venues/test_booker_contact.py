"""The booker's phone number: asked (optionally) with the request, checked, stored in
E.164, offered again next time, and shown with the name and e-mail address to the
venue's managers and the booker only."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import INVALID_PHONE
from tests.accounts.factories import UserFactory
from venues.models import Booking
from venues.services import booking_approve, booking_cancel

from .factories import VenueFactory
from .test_booking_views import form_data

pytestmark = pytest.mark.django_db

MOBILE = "+31612345678"  # libphonenumber's example Dutch mobile number


def test_the_phone_number_is_stored_in_e164_and_shown_nationally(client, resident, room, day):
    client.force_login(resident)
    response = client.post(
        reverse("venues:book", args=[room.venue.slug]),
        {**form_data(room, day), "booker_phone": "06-1234 5678", "confirm": "1"},
    )
    booking = Booking.objects.get()
    assert response["Location"] == reverse("venues:booking", args=[booking.pk])
    assert booking.booker_phone == MOBILE
    html = client.get(response["Location"]).content.decode()
    assert f'href="tel:{MOBILE}"' in html
    assert ">06 12345678</a>" in html


def test_the_phone_number_survives_the_check_step(client, resident, room, day):
    client.force_login(resident)
    preview = client.post(
        reverse("venues:book", args=[room.venue.slug]),
        {**form_data(room, day), "booker_phone": "0612345678"},
    ).content.decode()
    assert 'type="hidden" class="" name="booker_phone" value="0612345678"' in preview
    assert not Booking.objects.exists()


@pytest.mark.parametrize("number", ["12345", "06 1234", "bel me maar"])
def test_a_bad_phone_number_gets_a_translated_message_and_books_nothing(
    client, resident, room, day, number
):
    client.force_login(resident)
    url = reverse("venues:book", args=[room.venue.slug])
    for confirm in ("", "1"):
        response = client.post(
            url, {**form_data(room, day), "booker_phone": number, "confirm": confirm}
        )
        assert response.status_code == 200
        with translation.override("nl"):
            assert str(INVALID_PHONE) in response.content.decode()
        with translation.override("en"):  # in Dutch, not in English
            assert str(INVALID_PHONE) not in response.content.decode()
    assert not Booking.objects.exists()


def test_the_service_refuses_a_bad_phone_number_too(book):
    with pytest.raises(ServiceError) as refused:
        book(booker_phone="12345")
    assert refused.value.code == "phone"
    assert not Booking.objects.exists()


def test_the_phone_number_is_optional(client, resident, room, day):
    client.force_login(resident)
    client.post(
        reverse("venues:book", args=[room.venue.slug]), {**form_data(room, day), "confirm": "1"}
    )
    assert Booking.objects.get().booker_phone == ""


def test_the_form_offers_the_number_of_the_last_booking_that_had_one(
    client, resident, outsider, room, day, book
):
    url = reverse("venues:book", args=[room.venue.slug])
    client.force_login(resident)
    assert 'name="booker_phone"' in (html := client.get(url).content.decode())
    assert "value=" not in html.split('name="booker_phone"')[1].split(">")[0]
    book(booker_phone="0592 123456")
    book(date=day + dt.timedelta(days=1), booker_phone="06 12345678")
    book(date=day + dt.timedelta(days=2))  # without a number: the last one given stays
    field = client.get(url).content.decode().split('name="booker_phone"')[1].split(">")[0]
    assert 'value="06 12345678"' in field
    client.force_login(outsider)  # someone else's number is never offered
    field = client.get(url).content.decode().split('name="booker_phone"')[1].split(">")[0]
    assert "value=" not in field


@pytest.fixture
def other_manager(db):
    manager = UserFactory(email="andere-beheerder@example.org", display_name="Otto")
    VenueFactory(name="Buurthuis Kloosterveen", managers=[manager])
    return manager


@pytest.mark.parametrize(
    ("persona", "status", "sees_contact"),
    [
        ("venue_manager", 200, True),
        ("resident", 200, True),  # the booker, their own details
        ("other_manager", 404, False),
        ("staff", 404, False),  # staff see bookings in the admin
        ("outsider", 404, False),
        (None, 302, False),
    ],
)
def test_who_sees_the_bookers_contact_details(
    request, client, book, resident, persona, status, sees_contact
):
    resident.display_name = "Anne de Vries"
    resident.save(update_fields=["display_name"])
    [booking] = book(booker_phone="06 12345678")
    if persona:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("venues:booking", args=[booking.pk]))
    assert response.status_code == status
    html = response.content.decode()
    for detail in ("mailto:anne@example.org", f"tel:{MOBILE}", "06 12345678"):
        assert (detail in html) is sees_contact, (persona, detail)


def test_staff_find_the_phone_number_in_the_admin(client, staff, book):
    [booking] = book(booker_phone="06 12345678")
    client.force_login(staff)
    html = client.get(f"/admin/venues/booking/{booking.pk}/change/").content.decode()
    assert MOBILE in html


# session, user, the booking, its events, their actors, may view (the manager: a query;
# the booker: none), may decide, unread notifications: as many as before the contact
# details were shown.
BOOKING_PAGE_QUERIES = {"venue_manager": 8, "resident": 7}


@pytest.mark.parametrize("events", [1, 3])
@pytest.mark.parametrize("persona", ["venue_manager", "resident"])
def test_the_booking_page_query_count_is_fixed(
    request, client, book, venue_manager, django_assert_num_queries, persona, events
):
    [booking] = book(booker_phone="06 12345678")
    if events > 1:
        booking_approve(booking=booking, actor=venue_manager)
        booking_cancel(booking=booking, actor=venue_manager)
    client.force_login(request.getfixturevalue(persona))
    with django_assert_num_queries(BOOKING_PAGE_QUERIES[persona]):
        response = client.get(reverse("venues:booking", args=[booking.pk]))
    assert "06 12345678" in response.content.decode()
