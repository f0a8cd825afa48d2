"""The one median of the house: the same answer on PostgreSQL and SQLite, and the same as
Python's statistics.median (the two middle values averaged for an even count)."""

import datetime as dt
import statistics

import pytest
from django.db.models import DurationField, ExpressionWrapper, F
from django.utils import timezone

from mijnbuurt.accounts.models import User
from mijnbuurt.core.aggregates import median, median_per

pytestmark = pytest.mark.django_db

SINCE_JOINING = ExpressionWrapper(F("last_login") - F("date_joined"), output_field=DurationField())

# is_staff -> hours between joining and the last login: an even and an odd group
WAITS = {False: [1, 2, 4, 9], True: [3, 5.5, 30]}


@pytest.fixture
def users():
    joined = timezone.make_aware(dt.datetime(2025, 3, 1, 12, 0))
    for is_staff, hours in WAITS.items():
        for n, wait in enumerate(hours):
            User.objects.create_user(
                email=f"{is_staff}-{n}@example.org",
                password="x",
                is_staff=is_staff,
                date_joined=joined,
                last_login=joined + dt.timedelta(hours=wait),
            )
    # Never logged in: no duration, so it counts nowhere (as percentile_cont skips NULL).
    User.objects.create_user(email="never@example.org", password="x", date_joined=joined)


def in_python(hours: list[float]) -> dt.timedelta:
    return statistics.median(dt.timedelta(hours=h) for h in hours)


def test_median_is_the_middle_value_and_skips_rows_without_a_duration(users):
    everyone = [h for hours in WAITS.values() for h in hours]
    assert median(User.objects.all(), SINCE_JOINING) == in_python(everyone)
    assert median(User.objects.all(), SINCE_JOINING) == dt.timedelta(hours=4)


def test_median_per_group_averages_the_two_middle_values_of_an_even_count(users):
    found = median_per(User.objects.all(), SINCE_JOINING, key=F("is_staff"))
    assert found == {False: in_python(WAITS[False]), True: in_python(WAITS[True])}
    assert found == {False: dt.timedelta(hours=3), True: dt.timedelta(hours=5, minutes=30)}


def test_median_of_no_rows_is_none(users):
    assert median(User.objects.filter(last_login__isnull=True), SINCE_JOINING) is None
    assert median_per(User.objects.filter(pk__lt=0), SINCE_JOINING, key=F("is_staff")) == {}
