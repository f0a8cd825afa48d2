"""seed_demo plans activities in the demo community buildings for the coming weeks,
each with its room booked; twice gives the same."""

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
    assert Activity.objects.filter(start__gt=timezone.now()).count() == count
    assert not Activity.objects.filter(place="room", booking__isnull=True).exists()
    assert Activity.objects.values("neighbourhood").distinct().count() >= 5
    assert Registration.objects.filter(user__email=demo.RESIDENT_EMAIL).count() == 1
