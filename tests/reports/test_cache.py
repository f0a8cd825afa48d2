"""The dashboard's costly figures come from the cache until the data they read changes,
and are then the figures a fresh count gives."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache

from reports.figures import dashboard
from reports.scope import Scope
from tests.reports.data import YEAR, at
from tests.reports.test_pages import (
    CACHED_QUERIES,
    DASHBOARD,
    DASHBOARD_QUERIES,
)
from venues.models import Booking, OpeningHours
from volunteers.models import SignUp

pytestmark = pytest.mark.django_db


def figures(known, wijk=None):
    wijken = [(known.noord.pk, "Noord"), (known.oost.pk, "Oost"), (known.zuid.pk, "Zuid")]
    report = dashboard(scope=Scope(year=YEAR, wijk_id=wijk), wijken=wijken)
    return (
        {pk: row.values for pk, row in report.per_wijk.items()},
        {month: row.values for month, row in report.per_month.items()},
        report.total.values,
    )


def fresh(known, wijk=None):
    cache.clear()
    return figures(known, wijk)


@pytest.mark.parametrize("wijk", [None, "noord"])
def test_cached_figures_are_the_counted_figures(known, wijk):
    wijk_id = getattr(known, wijk).pk if wijk else None
    first = figures(known, wijk_id)
    assert figures(known, wijk_id) == first
    assert fresh(known, wijk_id) == first


def test_a_second_view_reads_the_costly_figures_from_the_cache(
    staff_client, known, django_assert_num_queries
):
    first = staff_client.get(DASHBOARD, {"jaar": YEAR}).context["tables"]
    with django_assert_num_queries(DASHBOARD_QUERIES - CACHED_QUERIES):
        second = staff_client.get(DASHBOARD, {"jaar": YEAR}).context["tables"]
    assert [(t.rows, t.total) for t in second] == [(t.rows, t.total) for t in first]
    assert any(t.rows for t in first)


def test_a_new_booking_counts_at_once(known):
    before = figures(known)[2]["booked_hours"]
    booking = Booking.objects.filter(status=Booking.Status.APPROVED).first()
    Booking.objects.create(
        room=booking.room,
        booker=booking.booker,
        start=at(11, 3, 9),
        end=at(11, 3, 11),
        purpose="Extra",
        attendees=5,
        booker_kind=booking.booker_kind,
        price=Decimal(0),
        status=Booking.Status.APPROVED,
    )
    after = figures(known)
    assert after[2]["booked_hours"] == before + 2
    assert after == fresh(known)


def test_confirmed_hours_count_at_once_and_a_deleted_sign_up_goes(known):
    before = figures(known)[2]["volunteer_hours"]
    signup = SignUp.objects.get(hours_status=SignUp.Hours.LOGGED)  # 3 h, not counted yet
    signup.hours_status = SignUp.Hours.CONFIRMED
    signup.save()
    changed = figures(known)
    assert changed[2]["volunteer_hours"] == before + signup.hours
    assert changed == fresh(known)
    signup.delete()
    assert figures(known) == fresh(known)


def test_a_changed_opening_time_counts_at_once(known):
    before = figures(known)[2]["open_hours"]
    hours = OpeningHours.objects.first()
    hours.closes = (
        dt.datetime.combine(dt.date.today(), hours.closes) - dt.timedelta(hours=1)
    ).time()
    hours.save()
    after = figures(known)
    assert after[2]["open_hours"] < before
    assert after == fresh(known)


def test_a_new_supporter_and_a_changed_status_count_at_once(known):
    from initiatives.models import Initiative, Status, Support
    from tests.accounts.factories import UserFactory

    before = figures(known)[2]
    initiative = Initiative.objects.filter(status=Status.PUBLISHED, created_at__year=YEAR).first()
    support = Support.objects.create(initiative=initiative, user=UserFactory())
    Support.objects.filter(pk=support.pk).update(created_at=at(6, 1))  # in the report's year
    after = figures(known)[2]
    assert after["supports"] == before["supports"] + 1
    Initiative.objects.filter(pk=initiative.pk).update(status=Status.COMPLETED)
    initiative.refresh_from_db()
    initiative.save()  # a status change through the lifecycle saves the row
    changed = figures(known)[2]
    assert changed["status_completed"] == after["status_completed"] + 1
    assert changed == fresh(known)[2]


def test_a_first_contact_counts_at_once(known):
    from helprequests.models import HelpRequest

    before = figures(known)[2]["median_first_contact"]
    waiting = HelpRequest.objects.filter(
        first_contact_at__isnull=True, created_at__year=YEAR
    ).first()
    waiting.first_contact_at = waiting.created_at + dt.timedelta(hours=500)
    waiting.save(update_fields=["first_contact_at"])
    after = figures(known)[2]["median_first_contact"]
    assert after != before
    assert figures(known) == fresh(known)
