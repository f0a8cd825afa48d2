"""The dashboard's costly figures come from the cache until the data they read changes,
and are then the figures a fresh count gives."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from reports.figures import dashboard
from reports.scope import Scope
from tests.reports.data import YEAR, at
from tests.reports.test_pages import DASHBOARD, DASHBOARD_QUERIES, VOLUNTEER_QUERIES
from venues.models import Booking
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


def test_a_second_view_reads_bookings_and_volunteers_from_the_cache(
    staff_client, known, django_assert_num_queries
):
    first = staff_client.get(DASHBOARD, {"jaar": YEAR}).context["tables"]
    with django_assert_num_queries(DASHBOARD_QUERIES - 1 - VOLUNTEER_QUERIES):
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
