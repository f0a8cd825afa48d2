"""Fixtures of the help-request tests: two covered wijken, one without a team, personas;
Assen's real geography and the recorded geocoder come from the neighbourhoods tests.

Tests in other folders that need these fixtures (admin, volunteers' hand-over, core)
import them by name from this module, so where they come from shows in the importing
module; helpers and constants are in ``factories.py``.
"""

import pytest

from neighbourhoods.models import AreaTeam
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.conftest import assen, geocoder  # noqa: F401  (fixtures)
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

from .factories import file_request


@pytest.fixture
def area(db, professional_a, professional_b):
    """Wijk A (team A), wijk B (team B), and wijk C that no team covers."""
    wijk_a, wijk_b, wijk_c = WijkFactory(), WijkFactory(), WijkFactory()
    AreaTeam.objects.get(name="Gebiedsteam A").neighbourhoods.set([wijk_a])
    AreaTeam.objects.get(name="Gebiedsteam B").neighbourhoods.set([wijk_b])
    return {
        "a": BuurtFactory(wijk=wijk_a),
        "b": BuurtFactory(wijk=wijk_b),
        "c": BuurtFactory(wijk=wijk_c),
    }


@pytest.fixture
def volunteer(db):
    from tests.volunteers.factories import VolunteerProfileFactory

    return VolunteerProfileFactory(
        user=UserFactory(email="vrijwilliger@example.org", display_name="Vera")
    ).user


@pytest.fixture
def covered_request(area, resident):
    """A request in wijk A: team A handles it."""
    return file_request(resident, area["a"])


@pytest.fixture
def fallback_request(area, resident):
    """A request in wijk C: no team, so the municipality's fallback queue."""
    return file_request(resident, area["c"])
