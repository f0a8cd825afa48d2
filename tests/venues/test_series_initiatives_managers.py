"""Bookings for an initiative, cancelling a repeating series, and managing co-managers."""

import pytest
from django.urls import reverse

from initiatives.models import Status
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from venues.models import Booking

from .test_booking_views import form_data

pytestmark = pytest.mark.django_db


def test_organiser_books_for_their_running_initiative_and_its_link_shows(
    client, resident, room, day
):
    initiative = make_initiative(by=resident, status=Status.PUBLISHED, title="Repaircafé Lariks")
    make_initiative(by=UserFactory(), status=Status.PUBLISHED, title="Niet van mij")
    client.force_login(resident)
    url = reverse("venues:book", args=[room.venue.slug])

    form = client.get(url).context["form"]
    assert [i.title for i in form.fields["initiative"].queryset] == ["Repaircafé Lariks"]

    response = client.post(url, form_data(room, day, initiative=initiative.pk, confirm="1"))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert booking.initiative == initiative
    page = client.get(reverse("venues:booking", args=[booking.pk]))
    assert "Repaircafé Lariks" in page.content.decode()


def test_booking_for_someone_elses_initiative_is_refused(book, resident):
    other = make_initiative(by=UserFactory(), status=Status.PUBLISHED)
    with pytest.raises(ServiceError) as refused:
        book(initiative=other)
    assert refused.value.code == "initiative"
    assert not Booking.objects.exists()


def test_booker_cancels_the_rest_of_a_weekly_series_in_one_go(client, book, resident, room):
    bookings = book(repeat="weekly", occurrences=3)
    client.force_login(resident)
    page = client.get(reverse("venues:booking", args=[bookings[1].pk]))
    assert "Alle 3 resterende datums annuleren" in page.content.decode()

    response = client.post(
        reverse("venues:booking_series_cancel", args=[bookings[0].pk]), {"reason": "Gestopt"}
    )

    assert response.status_code == 302
    assert set(Booking.objects.values_list("status", flat=True)) == {Booking.Status.CANCELLED}
    manager = room.venue.managers.get()
    cancelled_mails = Notification.objects.filter(
        recipient=manager, kind="venue_booking_cancelled"
    )
    assert cancelled_mails.count() == 1
    assert cancelled_mails.get().context["count"] == 3


def test_outsider_cannot_cancel_a_series(client, book, outsider):
    bookings = book(repeat="weekly", occurrences=2)
    client.force_login(outsider)
    response = client.post(reverse("venues:booking_series_cancel", args=[bookings[0].pk]))
    assert response.status_code == 404
    assert not Booking.objects.filter(status=Booking.Status.CANCELLED).exists()


def test_manager_adds_a_co_manager_by_verified_email_and_cannot_remove_the_last(
    client, venue, venue_manager
):
    newcomer = UserFactory(email="henk@example.org", display_name="Henk")
    client.force_login(venue_manager)
    url = reverse("venues:manage_managers", args=[venue.slug])

    unknown = client.post(url, {"email": "niemand@example.org"})
    assert unknown.status_code == 200
    assert "een account te maken" in unknown.content.decode()
    assert venue.managers.count() == 1

    added = client.post(url, {"email": "HENK@example.org"})
    assert added.status_code == 302
    assert set(venue.managers.all()) == {venue_manager, newcomer}
    assert Notification.objects.filter(recipient=newcomer, kind="venue_manager_added").exists()

    client.post(reverse("venues:manage_manager_remove", args=[venue.slug, newcomer.pk]))
    assert list(venue.managers.all()) == [venue_manager]
    last = client.post(
        reverse("venues:manage_manager_remove", args=[venue.slug, venue_manager.pk]),
        follow=True,
    )
    assert "altijd minstens één beheerder" in last.content.decode()
    assert list(venue.managers.all()) == [venue_manager]


def test_only_managers_reach_the_managers_page(client, venue, resident):
    client.force_login(resident)
    assert client.get(reverse("venues:manage_managers", args=[venue.slug])).status_code == 404
    other = UserFactory()
    response = client.post(reverse("venues:manage_manager_remove", args=[venue.slug, other.pk]))
    assert response.status_code == 404
