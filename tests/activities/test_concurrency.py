"""Thirty people register for twenty places at the same moment: twenty registered and
ten waiting; two cancellations at once promote exactly two; an activity and a booking of
the same room and time never both exist."""

import datetime as dt

import pytest
from django.utils import timezone

from activities.models import Activity, Registration
from activities.services import activity_create, registration_cancel, registration_create
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.races import postgres_only, run_concurrently
from venues.models import Booking
from venues.services import booking_request

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def test_thirty_registrations_for_twenty_places(activity):
    people = UserFactory.create_batch(30)
    results = run_concurrently(
        lambda person: registration_create(activity=activity, user=person), people
    )
    assert all(isinstance(result, Registration) for result in results)
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count("registered") == 20
    assert statuses.count("waiting") == 10


def test_a_cancellation_promotes_exactly_one(activity):
    people = UserFactory.create_batch(22)
    registrations = [registration_create(activity=activity, user=p) for p in people]
    results = run_concurrently(
        lambda r: registration_cancel(registration=r, user=r.user), registrations[:1] * 2
    )
    assert sorted(type(r).__name__ for r in results) == ["Registration", "ServiceError"]
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert (statuses.count("registered"), statuses.count("waiting")) == (20, 1)
    assert Notification.objects.filter(kind="activity_place").count() == 1


def test_two_cancellations_at_once_promote_two(activity):
    people = UserFactory.create_batch(23)
    registrations = [registration_create(activity=activity, user=p) for p in people]
    run_concurrently(lambda r: registration_cancel(registration=r, user=r.user), registrations[:2])
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert (statuses.count("registered"), statuses.count("waiting")) == (20, 1)
    assert Notification.objects.filter(kind="activity_place").count() == 2


def test_activity_and_booking_for_one_room_never_both_exist(
    organiser, organisation, room, places, resident
):
    day = timezone.localdate() + dt.timedelta(days=12)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(14)))

    def plan(_n):
        return activity_create(
            organiser=organiser,
            acting_for=f"organisation:{organisation.pk}",
            neighbourhood=places["pittelo"],
            start=start,
            end=start + dt.timedelta(hours=2),
            place="room",
            room=room,
            title="Spelletjesmiddag",
            description="Spellen voor jong en oud.",
            kind="other",
        )

    def book(_n):
        return booking_request(
            booker=resident,
            room=room,
            date=day,
            start_time=dt.time(15),
            end_time=dt.time(17),
            purpose="Verjaardag",
            attendees=10,
            booker_kind="initiative",
        )

    for _round in range(3):
        results = run_concurrently(lambda f: f(0), [plan, book])
        assert sum(isinstance(r, ServiceError) for r in results) == 1
        active = Booking.objects.filter(status__in=Booking.ACTIVE)
        assert active.count() == 1
        assert Activity.objects.count() == (0 if isinstance(results[0], ServiceError) else 1)
        Activity.objects.all().delete()
        Booking.objects.all().delete()
