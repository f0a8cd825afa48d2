"""Two active bookings of one room never overlap: under load on PostgreSQL (the database
guarantees it with an exclusion constraint), and in sequence on SQLite."""

import datetime as dt
from unittest import mock

import pytest
from django.db import IntegrityError, connection, transaction

from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory
from tests.races import run_concurrently
from venues.models import Booking
from venues.services import booking_request
from venues.services import bookings as booking_services

CONCURRENT = 20

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only: SQLite has no exclusion constraints and serialises writers; "
    "test_overlapping_requests_in_sequence_leave_one_booking covers the rule there.",
)


def request_kwargs(room, day, booker, minute: int = 0) -> dict:
    return {
        "booker": booker,
        "room": room,
        "date": day,
        "start_time": dt.time(19, minute),
        "end_time": dt.time(21),
        "purpose": "Buurtvergadering",
        "attendees": 10,
        "booker_kind": "initiative",
    }


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_overlapping_requests_leave_exactly_one_booking(room, day):
    bookers = [UserFactory() for _ in range(CONCURRENT)]

    results = run_concurrently(
        lambda n: booking_request(**request_kwargs(room, day, bookers[n], minute=n)),
        range(CONCURRENT),
    )
    outcomes = [
        f"refused: {r.message}" if isinstance(r, ServiceError) else "booked" for r in results
    ]

    assert len(outcomes) == CONCURRENT
    assert outcomes.count("booked") == 1, outcomes
    assert all(o.startswith("refused: ") and "al geboekt" in o for o in outcomes if o != "booked")
    assert Booking.objects.filter(room=room, status__in=Booking.ACTIVE).count() == 1


@postgres_only
@pytest.mark.django_db
def test_database_refuses_an_overlapping_row_itself(room, day, resident):
    [booking] = booking_request(**request_kwargs(room, day, resident))
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(
            room=room,
            booker=resident,
            start=booking.start + dt.timedelta(minutes=30),
            end=booking.end + dt.timedelta(hours=1),
            purpose="Dubbel",
            attendees=5,
            booker_kind="initiative",
            price=0,
        )
    # A cancelled row may overlap: the constraint covers active statuses only.
    Booking.objects.create(
        room=room,
        booker=resident,
        start=booking.start,
        end=booking.end,
        purpose="Oud",
        attendees=5,
        booker_kind="initiative",
        price=0,
        status=Booking.Status.CANCELLED,
    )


@postgres_only
@pytest.mark.django_db
def test_constraint_violation_becomes_the_same_clear_message(room, day, resident, outsider):
    booking_request(**request_kwargs(room, day, resident))
    real_check = booking_services.occurrences_check

    def check_that_misses_the_overlap(**kwargs):
        occurrences = real_check(**kwargs)
        for occurrence in occurrences:
            occurrence.problems.clear()  # as if another request committed meanwhile
        return occurrences

    with (
        mock.patch.object(booking_services, "occurrences_check", check_that_misses_the_overlap),
        pytest.raises(ServiceError) as caught,
    ):
        booking_request(**request_kwargs(room, day, outsider, minute=30))
    assert caught.value.message == "De ruimte is op dat moment al geboekt."
    assert Booking.objects.filter(room=room).count() == 1


@pytest.mark.django_db
def test_overlapping_requests_in_sequence_leave_one_booking(room, day):
    results = []
    for n in range(5):
        try:
            booking_request(**request_kwargs(room, day, UserFactory(), minute=n * 10))
            results.append("booked")
        except ServiceError as error:
            results.append(error.message)
    assert results.count("booked") == 1
    assert Booking.objects.filter(room=room).count() == 1
