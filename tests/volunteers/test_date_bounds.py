"""Shifts (a hand-over's one included) are planned from today up to the horizon."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from mijnbuurt.core.dates import scheduling_horizon
from mijnbuurt.core.exceptions import ServiceError
from tests.helprequests.conftest import area, covered_request  # noqa: F401  (fixtures)
from tests.neighbourhoods.factories import OrganisationFactory
from volunteers.models import HandOver, Shift, Task
from volunteers.services.handover import handover_create
from volunteers.services.tasks import shift_add, shift_series_add

from .factories import TaskFactory, TaskKindFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(organiser):
    """A draft task of an approved organisation the organiser is a member of."""
    organisation = OrganisationFactory()
    organisation.members.add(organiser)
    return TaskFactory(
        initiative=None, organisation=organisation, created_by=organiser, status=Task.Status.DRAFT
    )


def horizon_text() -> str:
    return formats.date_format(scheduling_horizon(), "j F Y")


def add_one(task, day):
    return shift_add(
        task=task, by=task.created_by, date=day, start=dt.time(10), end=dt.time(12), places=2
    )


def add_series(task, first_date, *, occurrences=4, every_weeks=1):
    return shift_series_add(
        task=task,
        by=task.created_by,
        first_date=first_date,
        weekday=first_date.weekday(),
        start=dt.time(19),
        end=dt.time(21),
        places=2,
        every_weeks=every_weeks,
        occurrences=occurrences,
    )


def post_shifts(client, task, data):
    client.force_login(task.created_by)
    return client.post(reverse("volunteers:task_shifts", args=[task.pk]), data)


def test_a_shift_on_9999_12_31_is_refused_on_the_page_with_the_last_allowed_date(client, task):
    response = post_shifts(
        client,
        task,
        {
            "action": "add",
            "shift-date": "9999-12-31",
            "shift-start": "10:00",
            "shift-end": "12:00",
            "shift-places": "3",
        },
    )
    assert response.status_code == 200
    assert response.context["shift_form"].has_error("date", code="beyond_horizon")
    assert horizon_text() in response.content.decode()
    assert not Shift.objects.filter(task=task).exists()


@pytest.mark.parametrize("first_date", ["9999-12-25", "9999-12-31"])
def test_a_series_from_the_end_of_the_calendar_is_refused_on_the_page(client, task, first_date):
    response = post_shifts(
        client,
        task,
        {
            "action": "series",
            "series-every_weeks": "2",
            "series-weekday": "4",
            "series-first_date": first_date,
            "series-start": "19:00",
            "series-end": "21:00",
            "series-places": "2",
            "series-occurrences": "4",
        },
    )
    assert response.status_code == 200
    assert response.context["series_form"].has_error("first_date", code="beyond_horizon")
    assert horizon_text() in response.content.decode()
    assert not Shift.objects.filter(task=task).exists()


def test_a_series_running_past_the_horizon_is_refused_on_the_page(client, task):
    first = scheduling_horizon() - dt.timedelta(days=7)
    response = post_shifts(
        client,
        task,
        {
            "action": "series",
            "series-every_weeks": "1",
            "series-weekday": str(first.weekday()),
            "series-first_date": first.isoformat(),
            "series-start": "19:00",
            "series-end": "21:00",
            "series-places": "2",
            "series-occurrences": "3",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert horizon_text() in html
    assert formats.date_format(first + dt.timedelta(weeks=2), "j F Y") in html
    assert not Shift.objects.filter(task=task).exists()


def test_a_shift_on_the_horizon_is_accepted_and_one_day_later_refused(task):
    horizon = scheduling_horizon()
    with pytest.raises(ServiceError) as error:
        add_one(task, horizon + dt.timedelta(days=1))
    assert error.value.code == "beyond_horizon"
    assert not Shift.objects.filter(task=task).exists()
    shift = add_one(task, horizon)
    assert timezone.localtime(shift.starts_at).date() == horizon


def test_a_series_must_end_within_the_horizon(task):
    last_start = scheduling_horizon() - dt.timedelta(weeks=3)
    with pytest.raises(ServiceError) as error:
        add_series(task, last_start + dt.timedelta(days=1))
    assert error.value.code == "series_beyond_horizon"
    assert not Shift.objects.filter(task=task).exists()
    assert len(add_series(task, last_start)) == 4


def test_the_services_refuse_the_last_day_of_the_calendar(task):
    with pytest.raises(ServiceError) as error:
        add_one(task, dt.date.max)
    assert error.value.code == "beyond_horizon"
    for every_weeks in (1, 2):
        with pytest.raises(ServiceError) as error:
            add_series(task, dt.date.max - dt.timedelta(days=3), every_weeks=every_weeks)
        assert error.value.code == "beyond_horizon"
    assert not Shift.objects.filter(task=task).exists()


def test_a_shift_on_a_past_date_is_refused(task):
    with pytest.raises(ServiceError) as error:
        add_one(task, timezone.localdate() - dt.timedelta(days=1))
    assert error.value.code == "past"
    with pytest.raises(ServiceError) as error:
        add_one(task, dt.date.min)
    assert error.value.code == "past"
    assert not Shift.objects.filter(task=task).exists()


def test_a_handover_is_planned_within_the_horizon_too(
    client,
    covered_request,  # noqa: F811  (the fixture imported above)
    professional_a,
):
    client.force_login(professional_a)
    response = client.post(
        reverse("volunteers:handover_new", args=[covered_request.pk]),
        {
            "kind": TaskKindFactory(name="Boodschappen", slug="boodschappen").pk,
            "title": "Boodschappen doen met iemand in de buurt",
            "description": "Eens per week samen boodschappen doen bij de supermarkt.",
            "date": "9999-12-31",
            "start": "10:00",
            "end": "12:00",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("date", code="beyond_horizon")
    assert not HandOver.objects.exists()

    far = timezone.make_aware(
        dt.datetime.combine(scheduling_horizon() + dt.timedelta(days=1), dt.time(10))
    )
    with pytest.raises(ServiceError) as error:
        handover_create(
            help_request=covered_request,
            by=professional_a,
            kind=TaskKindFactory(),
            title="Boodschappen doen met iemand in de buurt",
            description="Eens per week samen boodschappen doen bij de supermarkt.",
            starts_at=far,
            ends_at=far + dt.timedelta(hours=2),
        )
    assert error.value.code == "beyond_horizon"
    assert not HandOver.objects.exists()
