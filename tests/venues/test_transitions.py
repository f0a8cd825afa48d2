"""Approve, decline, cancel: who may, what is recorded, who is notified."""

import datetime as dt

import pytest

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from venues.models import Booking
from venues.services import booking_approve, booking_cancel, booking_decline

pytestmark = pytest.mark.django_db


def test_request_notifies_the_managers(book, venue_manager):
    [booking] = book()
    notification = Notification.objects.get(recipient=venue_manager)
    assert notification.kind == "venue_booking_requested"
    assert notification.link == f"/locaties/boekingen/{booking.pk}/"
    assert notification.context["room"] == "Grote zaal"


def test_manager_approves_and_booker_is_notified(book, venue_manager, resident):
    [booking] = book()
    booking_approve(booking=booking, actor=venue_manager)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.APPROVED
    assert Notification.objects.filter(recipient=resident, kind="venue_booking_approved").exists()
    event = booking.events.last()
    assert (event.actor, event.from_status, event.to_status) == (
        venue_manager,
        "pending",
        "approved",
    )


def test_only_a_manager_may_approve(book, resident, outsider):
    [booking] = book()
    for user in (resident, outsider):
        with pytest.raises(ServiceError):
            booking_approve(booking=booking, actor=user)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.PENDING


def test_decline_needs_a_reason_and_tells_the_booker(book, venue_manager, resident):
    [booking] = book()
    with pytest.raises(ServiceError, match="reden"):
        booking_decline(booking=booking, actor=venue_manager, reason=" ")
    booking_decline(booking=booking, actor=venue_manager, reason="Er is dan onderhoud")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.DECLINED
    assert booking.decision_reason == "Er is dan onderhoud"
    notification = Notification.objects.get(recipient=resident, kind="venue_booking_declined")
    assert notification.context["reason"] == "Er is dan onderhoud"


def test_booker_or_manager_may_cancel_but_not_an_outsider(book, resident, venue_manager, outsider):
    [first] = book()
    with pytest.raises(ServiceError):
        booking_cancel(booking=first, actor=outsider)
    booking_cancel(booking=first, actor=resident)
    assert Notification.objects.filter(
        recipient=venue_manager, kind="venue_booking_cancelled"
    ).exists()
    [second] = book()
    booking_approve(booking=second, actor=venue_manager)
    booking_cancel(booking=second, actor=venue_manager, reason="Lekkage")
    second.refresh_from_db()
    assert second.status == Booking.Status.CANCELLED
    assert Notification.objects.filter(recipient=resident, kind="venue_booking_cancelled").exists()


def test_a_cancelled_booking_cannot_be_approved(book, resident, venue_manager):
    [booking] = book()
    booking_cancel(booking=booking, actor=resident)
    with pytest.raises(ServiceError, match="geannuleerd"):
        booking_approve(booking=booking, actor=venue_manager)


def test_being_a_manager_gives_the_role(venue_manager, venue, outsider):
    from mijnbuurt.accounts.roles import Role, user_has_role

    assert user_has_role(venue_manager, Role.VENUE_MANAGER)
    assert not user_has_role(outsider, Role.VENUE_MANAGER)


def test_every_booking_e_mail_renders_in_dutch(book, venue_manager, resident):
    from mijnbuurt.notifications.emails import notification_email

    [first] = book()
    [second] = book(start_time=dt.time(9), end_time=dt.time(10))
    booking_approve(booking=first, actor=venue_manager)
    booking_decline(booking=second, actor=venue_manager, reason="Onderhoud")
    booking_cancel(booking=first, actor=venue_manager, reason="Lekkage")
    subjects = {}
    for notification in Notification.objects.filter(kind__startswith="venue_booking_"):
        message = notification_email(notification)
        subjects[notification.kind] = message.subject
        assert "{%" not in message.body
        assert "Grote zaal" in message.alternatives[0][0]
    assert subjects["venue_booking_requested"].startswith(
        "[Mijn buurt Assen] Aanvraag: Grote zaal"
    )
    assert "Je boeking is goedgekeurd" in subjects["venue_booking_approved"]
    assert "Je boeking is afgewezen" in subjects["venue_booking_declined"]
    assert "Boeking geannuleerd" in subjects["venue_booking_cancelled"]
