"""Fixtures of the help-request tests: two covered wijken, one without a team, personas.

Imported by name into each help test module (this folder's conftest.py belongs to
the geography tests).
"""

import pytest

from neighbourhoods.help.filing import help_request_create
from neighbourhoods.models import AreaTeam, HelpKind, Urgency
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import BuurtFactory, WijkFactory

__all__ = ["area", "covered_request", "fallback_request", "volunteer"]

DESCRIPTION = "Mijn buurman Jansen kan niet meer zelf boodschappen doen na zijn val."


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


def file_request(requester, neighbourhood, **overrides):
    data = {
        "kind": HelpKind.SHOPPING,
        "description": DESCRIPTION,
        "urgency": Urgency.NORMAL,
        "contact_way": "phone",
        "contact_phone": "06-12345678",
        "consent_share_anonymised": True,
    }
    data.update(overrides)
    return help_request_create(requester=requester, neighbourhood=neighbourhood, **data)


@pytest.fixture
def covered_request(area, resident):
    """A request in wijk A: team A handles it."""
    return file_request(resident, area["a"])


@pytest.fixture
def fallback_request(area, resident):
    """A request in wijk C: no team, so the municipality's fallback queue."""
    return file_request(resident, area["c"])
