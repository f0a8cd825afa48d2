"""Organisers' services: who may post, the guarded line, publishing, shifts and series."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from initiatives.models import Organiser, Status, Theme
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory
from volunteers.models import Shift, SignUp, Task
from volunteers.services import shift_sign_up
from volunteers.services.tasks import (
    series_dates,
    shift_add,
    shift_remove,
    shift_series_add,
    shift_update,
    task_close,
    task_create,
    task_publish,
    task_update,
)

from .factories import ShiftFactory, TaskFactory, TaskKindFactory, in_days

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def task_fields(**overrides) -> dict:
    return {
        "title": "Koffie schenken",
        "description": "Koffie en een praatje in het buurthuis.",
        "kind": TaskKindFactory(),
        "theme": Theme.MEETING,
        "neighbourhood": BuurtFactory(),
        **overrides,
    }


@pytest.fixture
def running(organiser):
    return make_initiative(by=organiser, status=Status.PUBLISHED)


def test_organiser_posts_a_draft_task_and_an_outsider_cannot(running, organiser, outsider):
    with pytest.raises(ServiceError) as refused:
        task_create(by=outsider, initiative=running, **task_fields())
    assert refused.value.code == "forbidden"
    assert not Task.objects.exists()

    task = task_create(by=organiser, initiative=running, **task_fields())
    assert (task.status, task.created_by, task.initiative) == (
        Task.Status.DRAFT,
        organiser,
        running,
    )


def test_members_of_an_approved_organisation_post_tasks(resident, outsider):
    organisation = OrganisationFactory()
    organisation.members.add(resident)
    pending = OrganisationFactory(is_approved=False)
    pending.members.add(resident)

    task = task_create(by=resident, organisation=organisation, **task_fields())
    assert task.organisation == organisation
    for user, org in ((outsider, organisation), (resident, pending)):
        with pytest.raises(ServiceError) as refused:
            task_create(by=user, organisation=org, **task_fields())
        assert refused.value.code == "forbidden"
    assert Task.objects.count() == 1


def test_a_task_belongs_to_exactly_one_initiative_or_organisation(running, organiser):
    with pytest.raises(ServiceError) as refused:
        task_create(by=organiser, **task_fields())
    assert refused.value.code == "owner"


def test_professional_only_kind_is_never_published_and_the_message_says_why(running, organiser):
    care = TaskKindFactory(
        name="Persoonlijke verzorging",
        professional_only=True,
        explanation="Vraag de thuiszorg of het gebiedsteam.",
    )
    task = task_create(by=organiser, initiative=running, **task_fields(kind=care))
    ShiftFactory(task=task)
    with pytest.raises(ServiceError) as refused:
        task_publish(task=task, by=organiser)
    assert refused.value.code == "professional_only"
    assert "Persoonlijke verzorging" in refused.value.message
    assert "Vraag de thuiszorg of het gebiedsteam." in refused.value.message
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT

    # An open task cannot be switched to such a kind either.
    task_update(task=task, by=organiser, kind=TaskKindFactory())
    task_publish(task=task, by=organiser)
    with pytest.raises(ServiceError) as switched:
        task_update(task=task, by=organiser, kind=care)
    assert switched.value.code == "professional_only"


def test_publishing_needs_a_shift_to_come_and_a_running_initiative(organiser):
    draft_initiative = make_initiative(by=organiser)
    waiting = task_create(by=organiser, initiative=draft_initiative, **task_fields())
    ShiftFactory(task=waiting)
    with pytest.raises(ServiceError) as not_running:
        task_publish(task=waiting, by=organiser)
    assert not_running.value.code == "initiative_not_running"

    running = make_initiative(by=organiser, status=Status.PUBLISHED)
    task = task_create(by=organiser, initiative=running, **task_fields())
    ShiftFactory(task=task, starts_at=in_days(-2), ends_at=in_days(-2, 12))
    with pytest.raises(ServiceError) as no_shift:
        task_publish(task=task, by=organiser)
    assert no_shift.value.code == "no_shift"

    ShiftFactory(task=task)
    task_publish(task=task, by=organiser)
    task.refresh_from_db()
    assert task.status == Task.Status.PUBLISHED
    assert task.published_at is not None


def test_closing_stops_sign_ups_but_cancels_nobody(shift):
    task = shift.task
    signup = shift_sign_up(shift=shift, volunteer=UserFactory())
    task_close(task=task, by=task.created_by)
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED
    with pytest.raises(ServiceError) as closed:
        shift_sign_up(shift=shift, volunteer=UserFactory())
    assert closed.value.code == "closed"
    # Opening it again works while a shift is still to come.
    task_publish(task=task, by=task.created_by)


def test_someone_else_cannot_change_publish_or_close(shift, outsider):
    task = shift.task
    for call in (
        lambda: task_update(task=task, by=outsider, title="Gekaapt"),
        lambda: task_close(task=task, by=outsider),
        lambda: shift_add(
            task=task,
            by=outsider,
            date=timezone.localdate() + dt.timedelta(days=3),
            start=dt.time(10),
            end=dt.time(12),
            places=2,
        ),
        lambda: shift_update(shift=shift, by=outsider, places=1),
        lambda: shift_remove(shift=shift, by=outsider),
    ):
        with pytest.raises(ServiceError) as refused:
            call()
        assert refused.value.code == "forbidden"
    task.refresh_from_db()
    assert task.status == Task.Status.PUBLISHED
    assert Shift.objects.filter(task=task).count() == 1


def test_co_organisers_of_the_initiative_manage_the_task_too(shift):
    task = shift.task
    co = UserFactory()
    task.initiative.memberships.create(user=co, role=Organiser.Role.CO_ORGANISER)
    task_update(task=task, by=co, title="Nieuwe titel")
    task.refresh_from_db()
    assert task.title == "Nieuwe titel"


def test_shift_add_refuses_past_shifts_and_end_before_start(task):
    today = timezone.localdate()
    organiser = task.created_by
    with pytest.raises(ServiceError) as past:
        shift_add(
            task=task,
            by=organiser,
            date=today - dt.timedelta(days=1),
            start=dt.time(10),
            end=dt.time(12),
            places=3,
        )
    assert past.value.code == "past"
    with pytest.raises(ServiceError) as times:
        shift_add(
            task=task,
            by=organiser,
            date=today + dt.timedelta(days=1),
            start=dt.time(12),
            end=dt.time(10),
            places=3,
        )
    assert times.value.code == "times"
    shift = shift_add(
        task=task,
        by=organiser,
        date=today + dt.timedelta(days=1),
        start=dt.time(10),
        end=dt.time(12, 30),
        places=3,
    )
    local = timezone.localtime(shift.starts_at)
    assert (local.date(), local.time(), shift.places) == (
        today + dt.timedelta(days=1),
        dt.time(10),
        3,
    )


def next_dst_change(after: dt.date) -> dt.date:
    """The first day after ``after`` whose evening has another UTC offset than its morning."""
    day = after
    while True:
        day += dt.timedelta(days=1)
        before = dt.datetime.combine(day, dt.time(0), AMSTERDAM).utcoffset()
        later = dt.datetime.combine(day, dt.time(23), AMSTERDAM).utcoffset()
        if before != later:
            return day


def test_weekly_series_keeps_the_local_time_across_a_dst_change():
    task = TaskFactory(status=Task.Status.DRAFT)
    change = next_dst_change(timezone.localdate() + dt.timedelta(days=1))
    first = change - dt.timedelta(days=15)
    first = max(first, timezone.localdate() + dt.timedelta(days=1))
    shifts = shift_series_add(
        task=task,
        by=task.created_by,
        first_date=first,
        weekday=1,  # Tuesday
        start=dt.time(19),
        end=dt.time(21),
        places=4,
        every_weeks=1,
        occurrences=6,
    )
    assert len(shifts) == 6
    stored = list(Shift.objects.filter(task=task))
    assert len(stored) == 6
    local = [timezone.localtime(s.starts_at) for s in stored]
    days = [moment.date() for moment in local]
    assert all(moment.weekday() == 1 for moment in local)
    assert all(moment.time() == dt.time(19) for moment in local)
    assert all(timezone.localtime(s.ends_at).time() == dt.time(21) for s in stored)
    assert all(s.ends_at - s.starts_at == dt.timedelta(hours=2) for s in stored)
    assert [b - a for a, b in itertools.pairwise(days)] == [dt.timedelta(days=7)] * 5
    assert first <= days[0] < first + dt.timedelta(days=7)
    # Across the change the UTC hour moves, the clock in Assen does not.
    utc_hours = {s.starts_at.astimezone(dt.UTC).hour for s in stored}
    assert len(utc_hours) == 2
    task.refresh_from_db()
    assert task.is_recurring


def test_fortnightly_series_dates():
    monday = dt.date(2027, 3, 15)
    assert series_dates(first_date=monday, weekday=3, every_weeks=2, occurrences=3) == [
        dt.date(2027, 3, 18),
        dt.date(2027, 4, 1),
        dt.date(2027, 4, 15),
    ]
    # A first date on the weekday itself is the first shift.
    assert series_dates(first_date=monday, weekday=0, every_weeks=1, occurrences=2) == [
        monday,
        dt.date(2027, 3, 22),
    ]


def test_series_is_at_most_52_shifts(task):
    kwargs = {
        "task": task,
        "by": task.created_by,
        "first_date": timezone.localdate() + dt.timedelta(days=1),
        "weekday": 2,
        "start": dt.time(9),
        "end": dt.time(11),
        "places": 2,
        "every_weeks": 1,
    }
    with pytest.raises(ServiceError) as too_many:
        shift_series_add(occurrences=53, **kwargs)
    assert too_many.value.code == "occurrences"
    assert len(shift_series_add(occurrences=52, **kwargs)) == 52


def test_places_cannot_drop_below_confirmed_and_more_places_promote_the_waiting_list(shift):
    organiser = shift.task.created_by
    shift.places = 2
    shift.save()
    for _ in range(2):
        shift_sign_up(shift=shift, volunteer=UserFactory())
    waiting = shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)

    with pytest.raises(ServiceError) as refused:
        shift_update(shift=shift, by=organiser, places=1)
    assert refused.value.code == "below_confirmed"
    assert "2" in refused.value.message
    shift.refresh_from_db()
    assert shift.places == 2

    shift_update(shift=shift, by=organiser, places=3)
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED
    assert Notification.objects.filter(
        recipient=waiting.volunteer, kind="volunteer_shift_promoted"
    ).exists()


def test_a_shift_with_volunteers_is_not_removed(shift):
    organiser = shift.task.created_by
    shift_sign_up(shift=shift, volunteer=UserFactory())
    with pytest.raises(ServiceError) as refused:
        shift_remove(shift=shift, by=organiser)
    assert refused.value.code == "has_signups"
    assert Shift.objects.filter(pk=shift.pk).exists()

    empty = ShiftFactory(task=shift.task)
    shift_remove(shift=empty, by=organiser)
    assert not Shift.objects.filter(pk=empty.pk).exists()
