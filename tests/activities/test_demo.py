"""seed_demo plans activities in the demo community buildings for the coming weeks,
each with its room booked, and one past breakfast with attendance and a report; twice
gives the same."""

import datetime as dt
import io

import pytest
from django.utils import timezone

from activities import demo
from activities.models import Activity, Registration
from neighbourhoods.services import neighbourhood_import
from tests.neighbourhoods.conftest import BOUNDARY_FILES
from venues import demo as venues_demo

pytestmark = pytest.mark.django_db


def test_seed_plans_activities_across_assen_once():
    neighbourhood_import(paths=BOUNDARY_FILES)
    venues_demo.seed(out=io.StringIO())
    demo.seed(out=io.StringIO())
    count = Activity.objects.count()
    demo.seed(out=io.StringIO())
    assert Activity.objects.count() == count
    assert count >= 20
    assert Activity.objects.filter(start__gt=timezone.now()).count() == count - 1
    assert not Activity.objects.filter(place="room", booking__isnull=True).exists()
    assert Activity.objects.values("neighbourhood").distinct().count() >= 5
    mine = Registration.objects.filter(user__email=demo.RESIDENT_EMAIL)
    assert mine.count() == 2
    [past] = Activity.objects.filter(end__lt=timezone.now())
    assert past.reported_at is not None
    assert past.attendance >= 3
    assert past.registrations.filter(attended_at__isnull=False).count() == 3
    assert mine.filter(activity=past, attended_at__isnull=False).exists()


def test_seed_runs_again_days_later_when_the_first_activities_have_passed():
    neighbourhood_import(paths=BOUNDARY_FILES)
    venues_demo.seed(out=io.StringIO())
    demo.seed(out=io.StringIO())
    # Days on: the first coffee morning, the resident's, has started.
    first = Activity.objects.filter(kind=Activity.Kind.COFFEE_MORNING).order_by("pk").first()
    shift = first.start - timezone.now() + dt.timedelta(hours=1)
    Activity.objects.filter(pk=first.pk).update(start=first.start - shift, end=first.end - shift)
    demo.seed(out=io.StringIO())  # registers the resident for a coming one instead
    coming = Registration.objects.filter(
        user__email=demo.RESIDENT_EMAIL,
        activity__kind=Activity.Kind.COFFEE_MORNING,
        activity__start__gt=timezone.now(),
    )
    assert coming.exists()
