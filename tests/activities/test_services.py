"""Planning an activity (in a room it books the room), registering, the waiting list,
cancelling a registration and an activity."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from activities.models import Activity, Registration
from activities.services import (
    activity_cancel,
    activity_create,
    activity_update,
    registration_cancel,
    registration_create,
)
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from venues.models import Booking
from venues.services import booking_request

from .factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _plan(organiser, acting_for, places, **overrides):
    data = {
        "organiser": organiser,
        "acting_for": acting_for,
        "neighbourhood": places["pittelo"],
        "start": _at(10, 10),
        "end": _at(10, 12),
        "place": Activity.Place.ADDRESS,
        "address": "Brink 1, Assen",
        "title": "Koffieochtend",
        "description": "Koffie en een praatje.",
        "kind": Activity.Kind.COFFEE_MORNING,
        "registration": Activity.Registration.PLATFORM,
    }
    return activity_create(**(data | overrides))


def test_activity_in_a_room_books_the_room_with_its_capacity(
    organiser, organisation, room, places
):
    activity = _plan(organiser, f"organisation:{organisation.pk}", places, place="room", room=room)
    assert activity.booking.room == room
    assert activity.booking.is_active
    assert (activity.booking.start, activity.booking.end) == (activity.start, activity.end)
    assert activity.capacity == 25
    assert activity.step_free  # the building has step-free access


def test_taken_room_refuses_the_activity_and_names_the_clash(
    organiser, organisation, room, places, resident
):
    booking_request(
        booker=resident,
        room=room,
        date=timezone.localdate(_at(10, 10)),
        start_time=dt.time(11),
        end_time=dt.time(13),
        purpose="Verjaardag",
        attendees=10,
        booker_kind="initiative",
    )
    with pytest.raises(ServiceError) as refused:
        _plan(organiser, f"organisation:{organisation.pk}", places, place="room", room=room)
    assert "Grote zaal" in refused.value.message  # the clash named, in either language
    assert "11:00" in refused.value.message
    assert not Activity.objects.exists()
    assert Booking.objects.count() == 1


def test_nobody_organises_for_an_organisation_they_are_not_in(outsider, organisation, places):
    with pytest.raises(ServiceError):
        _plan(outsider, f"organisation:{organisation.pk}", places)
    assert not Activity.objects.exists()


def test_venue_manager_organises_for_the_building(venue_manager, venue, room, places):
    activity = _plan(venue_manager, f"venue:{venue.pk}", places, place="room", room=room)
    assert activity.venue == venue
    assert activity.booking.booker == venue_manager


def test_area_team_member_organises_for_the_team(professional_a, places):
    team = professional_a.team_memberships.get().team
    activity = _plan(professional_a, f"area_team:{team.pk}", places)
    assert activity.area_team == team


def test_online_activity_needs_a_link(organiser, organisation, places):
    with pytest.raises(ServiceError):
        _plan(organiser, f"organisation:{organisation.pk}", places, place="online")


def test_registrations_beyond_capacity_go_on_the_waiting_list(activity):
    people = UserFactory.create_batch(3)
    activity.capacity = 2
    activity.save()
    statuses = [registration_create(activity=activity, user=p).status for p in people]
    assert statuses == ["registered", "registered", "waiting"]


def test_registering_twice_is_refused(activity, registrant):
    with pytest.raises(ServiceError):
        registration_create(activity=activity, user=registrant)


def test_cancelling_promotes_the_first_waiting_and_emails_them(
    activity, django_capture_on_commit_callbacks
):
    activity.capacity = 1
    activity.save()
    first, second, third = UserFactory.create_batch(3)
    registration = registration_create(activity=activity, user=first)
    registration_create(activity=activity, user=second)
    registration_create(activity=activity, user=third)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = registration_cancel(registration=registration, user=first)
    assert promoted.user == second
    statuses = dict(Registration.objects.values_list("user", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "registered", third.pk: "waiting"}
    note = Notification.objects.get(recipient=second, kind="activity_place")
    assert note.link.endswith(f"/activiteiten/{activity.pk}/")
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert activity.title not in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_nobody(activity):
    activity.capacity = 1
    activity.save()
    first, second = UserFactory.create_batch(2)
    registration_create(activity=activity, user=first)
    waiting = registration_create(activity=activity, user=second)
    assert registration_cancel(registration=waiting, user=second) is None
    assert not Notification.objects.filter(kind="activity_place").exists()


def test_someone_else_cannot_cancel_a_registration(activity, registrant, outsider):
    registration = Registration.objects.get(user=registrant)
    with pytest.raises(ServiceError):
        registration_cancel(registration=registration, user=outsider)


def test_cancelled_activity_tells_registrants_and_frees_the_room(
    organiser, organisation, room, places, django_capture_on_commit_callbacks
):
    activity = _plan(organiser, f"organisation:{organisation.pk}", places, place="room", room=room)
    people = UserFactory.create_batch(2)
    for person in people:
        registration_create(activity=activity, user=person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(activity=activity, actor=organiser)
    activity.refresh_from_db()
    assert activity.is_cancelled
    assert activity.booking.status == Booking.Status.CANCELLED
    told = Notification.objects.filter(kind="activity_cancelled")
    assert sorted(n.recipient_id for n in told) == sorted(p.pk for p in people)
    to_registrants = [m for m in mail.outbox if m.to[0] in {p.email for p in people}]
    assert len(to_registrants) == 2
    assert all(activity.title not in m.subject for m in to_registrants)
    # The building's manager hears the room is free again (the venues' own message).
    assert "beheerder@example.org" in {m.to[0] for m in mail.outbox}
    with pytest.raises(ServiceError):
        registration_create(activity=activity, user=UserFactory())


def test_co_organiser_cancels_an_activity_another_organiser_booked(
    organiser, organisation, room, places
):
    activity = _plan(organiser, f"organisation:{organisation.pk}", places, place="room", room=room)
    colleague = UserFactory()
    organisation.members.add(colleague)
    activity_cancel(activity=activity, actor=colleague)
    activity.booking.refresh_from_db()
    assert activity.booking.status == Booking.Status.CANCELLED


def test_update_changes_what_the_activity_is_about(activity, organiser):
    activity_update(activity=activity, actor=organiser, title="Koffie en taart", capacity=30)
    activity.refresh_from_db()
    assert (activity.title, activity.capacity) == ("Koffie en taart", 30)


def test_no_registration_on_an_activity_without_it(organisation):
    activity = ActivityFactory(organisation=organisation, registration="none")
    with pytest.raises(ServiceError):
        registration_create(activity=activity, user=UserFactory())


def test_started_activity_refuses_registration(organisation):
    activity = ActivityFactory(
        organisation=organisation,
        start=timezone.now() - dt.timedelta(minutes=5),
        end=timezone.now() + dt.timedelta(hours=1),
    )
    RegistrationFactory(activity=activity)
    with pytest.raises(ServiceError):
        registration_create(activity=activity, user=UserFactory())


def test_more_places_move_the_waiting_list_up(activity, organiser):
    activity.capacity = 1
    activity.save()
    people = UserFactory.create_batch(3)
    for person in people:
        registration_create(activity=activity, user=person)
    activity_update(activity=activity, actor=organiser, capacity=2)
    statuses = [Registration.objects.get(user=p).status for p in people]
    assert statuses == ["registered", "registered", "waiting"]
    assert Notification.objects.filter(kind="activity_place", recipient=people[1]).exists()


def test_who_left_the_organisation_no_longer_organises_its_activity(activity, organiser):
    """Creating an activity gives no lasting right: the registrants' contact details are
    for the organisation's current members only."""
    assert organiser.has_perm("activities.view_registrations", activity)
    activity.organisation.members.remove(organiser)
    activity.refresh_from_db()
    assert not organiser.has_perm("activities.view_registrations", activity)
    assert not organiser.has_perm("activities.change_activity", activity)
