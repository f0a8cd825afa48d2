import io

import pytest

from mijnbuurt.accounts.roles import Role, user_has_role
from neighbourhoods.services import neighbourhood_import
from tests.neighbourhoods.conftest import BOUNDARY_FILES
from venues import demo
from venues.models import Booking, Room, Venue

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_creates_a_venue_manager():
    neighbourhood_import(paths=BOUNDARY_FILES)
    accounts = demo.seed(out=io.StringIO())
    counts = (Venue.objects.count(), Room.objects.count(), Booking.objects.count())
    demo.seed(out=io.StringIO())
    assert (Venue.objects.count(), Room.objects.count(), Booking.objects.count()) == counts
    assert counts[0] == len(demo.VENUES) == 12
    assert counts[2] >= 8 + 500  # the planned ones and a year of weekly use
    assert Venue.objects.filter(name="MFA Assen-Oost", neighbourhood__name="Assen-Oost").exists()
    [account] = accounts
    manager = Venue.objects.get(slug="mfa-assen-oost").managers.get()
    assert manager.email == account.email
    assert user_has_role(manager, Role.VENUE_MANAGER)
    assert manager.emailaddress_set.get().verified
