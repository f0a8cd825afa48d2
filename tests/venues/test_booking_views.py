"""Booking through the pages: check, confirm, see, decide, cancel; who may see what."""

import datetime as dt

import pytest
from django.urls import reverse

from venues.models import Booking

pytestmark = pytest.mark.django_db


def form_data(room, day, **overrides) -> dict:
    data = {
        "room": room.pk,
        "date": day.isoformat(),
        "start_time": "19:00",
        "end_time": "21:00",
        "purpose": "Repair café",
        "attendees": "15",
        "booker_kind": "initiative",
        "repeat": "none",
        "occurrences": "1",
    }
    data.update(overrides)
    return data


def test_booking_page_needs_login(client, room):
    url = reverse("venues:book", args=[room.venue.slug])
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_resident_checks_then_confirms_a_booking(client, resident, room, day):
    client.force_login(resident)
    url = reverse("venues:book", args=[room.venue.slug])
    preview = client.post(url, form_data(room, day))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Controleer je boeking" in html
    assert "Totale prijs: € 10,00" in html
    assert not Booking.objects.exists()

    response = client.post(url, {**form_data(room, day), "confirm": "1"})
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("venues:booking", args=[booking.pk])
    assert booking.status == Booking.Status.PENDING
    assert booking.booker == resident


def test_series_preview_lists_the_conflicting_date_and_offers_no_confirm(
    client, resident, room, day, book
):
    book(date=day + dt.timedelta(weeks=1))
    client.force_login(resident)
    response = client.post(
        reverse("venues:book", args=[room.venue.slug]),
        form_data(room, day, repeat="weekly", occurrences="3"),
    )
    html = response.content.decode()
    assert "de ruimte is op dat moment al geboekt" in html
    assert "Boeking bevestigen" not in html
    assert Booking.objects.count() == 1


def test_overlapping_confirm_is_refused_with_a_clear_message(client, resident, room, day, book):
    book()
    client.force_login(resident)
    response = client.post(
        reverse("venues:book", args=[room.venue.slug]),
        {**form_data(room, day, start_time="20:00", end_time="22:00"), "confirm": "1"},
    )
    assert response.status_code == 200
    assert "al geboekt" in response.content.decode()
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"attendees": "200"}, "maximaal 40 personen"),
        ({"start_time": "21:00", "end_time": "19:00"}, "eindtijd moet na de begintijd"),
        ({"date": "gisteren"}, "geldige datum"),
        ({"room": "999999"}, "geldige keuze"),
        ({"repeat": "weekly", "occurrences": "1"}, "minstens 2 data"),
    ],
)
def test_bad_input_gets_a_message_and_books_nothing(
    client, resident, room, day, overrides, message
):
    client.force_login(resident)
    response = client.post(
        reverse("venues:book", args=[room.venue.slug]),
        {**form_data(room, day), **overrides, "confirm": "1"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Booking.objects.exists()


def test_booking_is_visible_to_its_booker_and_the_managers_only(
    client, book, resident, venue_manager, outsider
):
    [booking] = book(purpose="Verjaardag van oma")
    url = reverse("venues:booking", args=[booking.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    for user in (resident, venue_manager):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert "Verjaardag van oma" in response.content.decode()


def test_manager_approves_and_declines_through_the_pages(
    client, book, venue_manager, outsider, day
):
    [first] = book()
    [second] = book(start_time=dt.time(9), end_time=dt.time(10))
    client.force_login(outsider)
    assert client.post(reverse("venues:booking_approve", args=[first.pk])).status_code == 404
    first.refresh_from_db()
    assert first.status == Booking.Status.PENDING

    client.force_login(venue_manager)
    response = client.post(reverse("venues:booking_approve", args=[first.pk]), {"next": "manage"})
    assert response["Location"] == reverse("venues:manage", args=[first.room.venue.slug])
    client.post(reverse("venues:booking_decline", args=[second.pk]), {"reason": ""})
    second.refresh_from_db()
    assert second.status == Booking.Status.PENDING  # a reason is required
    client.post(reverse("venues:booking_decline", args=[second.pk]), {"reason": "Vol"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Booking.Status.APPROVED, Booking.Status.DECLINED)


def test_booker_cancels_but_cannot_approve(client, book, resident):
    [booking] = book()
    client.force_login(resident)
    assert client.post(reverse("venues:booking_approve", args=[booking.pk])).status_code == 404
    client.post(reverse("venues:booking_cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


@pytest.mark.parametrize("size", [1, 8])
def test_my_bookings_query_count_is_fixed(
    client, resident, book, day, django_assert_num_queries, size
):
    for n in range(size):
        book(date=day + dt.timedelta(days=n))
    client.force_login(resident)
    client.get(reverse("venues:my_bookings"))  # creates the calendar token once
    # session, user, unread notifications, feed token, count, page of bookings
    with django_assert_num_queries(6):
        response = client.get(reverse("venues:my_bookings"))
    assert response.content.decode().count('class="mb-card"') == size


def test_free_slot_in_the_week_view_prefills_the_booking_form(client, resident, room, day):
    client.force_login(resident)
    html = client.get(
        reverse("venues:detail", args=[room.venue.slug]), {"week": day.isoformat()}
    ).content.decode()
    link = (
        f"{reverse('venues:book', args=[room.venue.slug])}?room={room.pk}&amp;"
        f"date={day.isoformat()}&amp;start_time=08:00&amp;end_time=23:00"
    )
    assert link in html
    form = client.get(link.replace("&amp;", "&")).content.decode()
    assert f'value="{day.isoformat()}"' in form
    assert 'value="08:00"' in form
