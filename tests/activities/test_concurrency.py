"""Thirty people register for twenty places at the same moment: twenty registered and
ten waiting; two cancellations at once promote exactly two; an activity and a booking of
the same room and time never both exist; two scans of one check-in code at once mark
the person present once; two reminder runs at once remind each person once."""

import datetime as dt

import pytest
from django.utils import timezone

from activities.models import Activity, Registration
from activities.services import (
    activity_create,
    registration_cancel,
    registration_check_in,
    registration_create,
)
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


def test_two_scans_of_one_code_mark_it_once(activity, registrant, organiser):
    activity.start = timezone.now() + dt.timedelta(minutes=30)
    activity.end = activity.start + dt.timedelta(hours=2)
    activity.save()
    registration = Registration.objects.get(user=registrant)
    results = run_concurrently(
        lambda _n: registration_check_in(
            activity=activity, actor=organiser, code=registration.code
        ),
        [1, 2],
    )
    assert sorted(type(result).__name__ for result in results) == [
        "Registration",
        "ServiceError",
    ]
    [refused] = [result for result in results if isinstance(result, ServiceError)]
    assert refused.code == "already"
    [marked] = [result for result in results if isinstance(result, Registration)]
    registration.refresh_from_db()
    assert registration.attended_at == marked.attended_at


def test_two_reminder_runs_at_once_remind_each_person_once(activity):
    from activities.tasks import activity_reminders_send

    day = timezone.localdate() + dt.timedelta(days=1)
    activity.start = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    activity.end = activity.start + dt.timedelta(hours=2)
    activity.save()
    for person in UserFactory.create_batch(5):
        registration_create(activity=activity, user=person)
    results = run_concurrently(lambda _n: activity_reminders_send(), [1, 2])
    assert sum(results) == 5
    assert Notification.objects.filter(kind="activity_reminder").count() == 5
