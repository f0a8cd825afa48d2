"""A task's stored next shift: what the task list filters and sorts on."""

import datetime as dt
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory
from volunteers.models import Shift, Task
from volunteers.services import shift_sign_up
from volunteers.services.next_shift import next_shift_refresh_deferred
from volunteers.services.tasks import shift_add, shift_remove, shift_series_add
from volunteers.tasks import refresh_next_shifts

from .factories import ShiftFactory, TaskFactory, in_days
from .test_public_pages import LIST_QUERIES, card_count

pytestmark = pytest.mark.django_db

LIST = reverse("volunteers:list")
MINUTE = dt.timedelta(minutes=1)


def stored(task) -> dt.datetime | None:
    return Task.objects.values_list("next_shift_at", flat=True).get(pk=task.pk)


def listed_titles(client, **query) -> list[str]:
    response = client.get(LIST, query)
    assert response.status_code == 200
    return [task.title for task in response.context["page"].object_list]


def test_adding_and_removing_shifts_moves_the_next_shift(task):
    organiser, later = task.created_by, task.shifts.get()
    assert stored(task) == later.starts_at
    day = timezone.localdate() + dt.timedelta(days=2)
    sooner = shift_add(
        task=task, by=organiser, date=day, start=dt.time(9), end=dt.time(11), places=2
    )
    assert stored(task) == sooner.starts_at
    shift_remove(shift=sooner, by=organiser)
    assert stored(task) == later.starts_at
    shift_remove(shift=later, by=organiser)
    assert stored(task) is None


def test_a_series_sets_the_next_shift_to_its_first_date(db):
    task = TaskFactory()
    assert stored(task) is None
    shifts = shift_series_add(
        task=task,
        by=task.created_by,
        first_date=timezone.localdate() + dt.timedelta(days=1),
        weekday=(timezone.localdate() + dt.timedelta(days=3)).weekday(),
        start=dt.time(14),
        end=dt.time(16),
        places=4,
        every_weeks=1,
        occurrences=3,
    )
    assert stored(task) == min(shift.starts_at for shift in shifts)


def test_a_full_shift_keeps_the_task_listed_with_its_next_shift(client, shift):
    Shift.objects.filter(pk=shift.pk).update(places=1)
    shift_sign_up(shift=shift, volunteer=UserFactory())
    assert stored(shift.task) == shift.starts_at
    response = client.get(LIST)
    (row,) = response.context["page"].object_list
    assert (row.next_shift_at, row.free_places) == (shift.starts_at, 0)
    assert "<dd>Vol (wachtlijst)</dd>" in response.content.decode()


def test_when_a_shift_passes_the_refresh_moves_on_and_the_last_one_closes_the_list(client):
    task = TaskFactory(title="Moestuin")
    first = ShiftFactory(task=task, starts_at=in_days(1))
    second = ShiftFactory(task=task, starts_at=in_days(4))
    assert refresh_next_shifts() == 0  # nothing has started

    # The clock moves past the first shift's start; nothing saves a shift.
    with mock.patch.object(timezone, "now", return_value=first.starts_at + MINUTE):
        assert listed_titles(client) == []  # until the minutely refresh runs
        assert refresh_next_shifts() == 1
        assert stored(task) == second.starts_at
        assert listed_titles(client) == ["Moestuin"]

    with mock.patch.object(timezone, "now", return_value=second.starts_at + MINUTE):
        refresh_next_shifts()
        assert stored(task) is None
        assert listed_titles(client) == []


def test_list_order_is_soonest_next_shift_first_as_the_shifts_say(client):
    tasks = [TaskFactory(title=f"Taak {n}") for n in range(6)]
    with next_shift_refresh_deferred():  # one refresh at the end, as bulk writers do
        for n, task in enumerate(tasks):
            ShiftFactory(task=task, starts_at=in_days(9 - n % 3, hour=10 + n))
            ShiftFactory(task=task, starts_at=in_days(2 + n % 2, hour=12))
        ShiftFactory(task=tasks[5], starts_at=in_days(-1))  # started: never the next one
    now = timezone.now()
    expected = sorted(
        tasks,
        key=lambda t: (min(s.starts_at for s in t.shifts.all() if s.starts_at > now), t.pk),
    )
    assert listed_titles(client) == [task.title for task in expected]


@pytest.mark.parametrize("size", [2, 12])
def test_list_as_a_volunteer_takes_the_same_queries_at_any_size(
    client, resident, django_assert_num_queries, size
):
    for n in range(size):
        ShiftFactory(task=TaskFactory(), starts_at=in_days(1 + n % 5))
    client.force_login(resident)
    client.get(LIST)  # the filter form is cached from here on
    # session, user, count, page, suggestions, unread notifications
    with django_assert_num_queries(6):
        response = client.get(LIST)
    assert card_count(response) == size


def test_the_unfiltered_form_comes_from_the_cache_and_a_chosen_filter_shows(
    client, django_assert_num_queries
):
    task = ShiftFactory().task
    cache.clear()
    first = client.get(LIST).content.decode()
    with django_assert_num_queries(LIST_QUERIES - 2):  # no neighbourhood or skill choices
        again = client.get(LIST).content.decode()
    assert first == again
    chosen = client.get(LIST, {"theme": task.theme, "q": "moestuin"}).content.decode()
    assert f'<option value="{task.theme}" selected>' in chosen
    assert 'value="moestuin"' in chosen
