"""The admin's date drill-down never fails on a number, and staff plan shifts within
the same bounds as organisers."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.utils import formats

from mijnbuurt.core.dates import scheduling_horizon
from tests.volunteers.factories import ShiftFactory
from volunteers.models import Shift

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _may_see_and_plan(staff):
    """Whatever the staff group holds, these pages need these permissions."""
    wanted = ["view_booking", "view_shift", "add_shift", "view_user"]
    staff.user_permissions.add(*Permission.objects.filter(codename__in=wanted))


LISTS = ["/admin/venues/booking/", "/admin/volunteers/shift/", "/admin/accounts/user/"]
FIELDS = {
    "/admin/venues/booking/": "start",
    "/admin/volunteers/shift/": "starts_at",
    "/admin/accounts/user/": "date_joined",
}


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    "params",
    [
        {"__year": "9999"},
        {"__year": "99999999999999999999"},
        {"__year": "-99999999999999999999"},
        {"__year": "9998", "__month": "99999999999999999999"},
        {"__year": "2026", "__month": "1", "__day": "99999999999999999999"},
    ],
)
def test_an_impossible_date_drilldown_shows_the_list_with_a_notice(staff_client, url, params):
    field = FIELDS[url]
    response = staff_client.get(url, {field + key: value for key, value in params.items()})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?e=1"
    assert staff_client.get(response["Location"]).status_code == 200
    sound = staff_client.get(url, {f"{field}__year": "2026", f"{field}__month": "12"})
    assert sound.status_code == 200


def shift_form(task, day: dt.date) -> dict:
    return {
        "task": task.pk,
        "starts_at_0": day.isoformat(),
        "starts_at_1": "10:00",
        "ends_at_0": day.isoformat(),
        "ends_at_1": "12:00",
        "places": "3",
        "signups-TOTAL_FORMS": "0",
        "signups-INITIAL_FORMS": "0",
        "signups-MIN_NUM_FORMS": "0",
        "signups-MAX_NUM_FORMS": "1000",
    }


def test_staff_cannot_add_a_shift_past_the_horizon_in_the_admin(staff_client):
    task = ShiftFactory().task
    before = Shift.objects.count()
    for day in (dt.date(9999, 12, 31), scheduling_horizon() + dt.timedelta(days=1)):
        response = staff_client.post("/admin/volunteers/shift/add/", shift_form(task, day))
        assert response.status_code == 200
        assert response.context["adminform"].form.has_error("starts_at", code="beyond_horizon")
        assert formats.date_format(scheduling_horizon(), "j F Y") in response.content.decode()
    assert Shift.objects.count() == before

    response = staff_client.post(
        "/admin/volunteers/shift/add/", shift_form(task, scheduling_horizon())
    )
    assert response.status_code == 302
    assert Shift.objects.count() == before + 1
