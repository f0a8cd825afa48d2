"""Fixtures of the volunteers tests: a shift and its task; the hand-over's request,
invitation and match (the help-request fixtures come from tests/helprequests)."""

import pytest

from tests.accounts.factories import UserFactory
from tests.helprequests.conftest import area, covered_request, fallback_request, volunteer
from volunteers.services.handover import handover_confirm, handover_invite

from .factories import ShiftFactory, VolunteerProfileFactory
from .handover_setup import _accept_and_sign_up, _create

# The help-request fixtures, made available to every test in this folder.
__all__ = ["area", "covered_request", "fallback_request", "volunteer"]


@pytest.fixture
def shift(db):
    return ShiftFactory()


@pytest.fixture
def task(shift):
    return shift.task


@pytest.fixture
def handover(covered_request, professional_a):
    return _create(covered_request, professional_a)


@pytest.fixture
def invited(handover, professional_a, volunteer):
    handover_invite(handover=handover, by=professional_a, volunteer_id=volunteer.pk)
    return volunteer


@pytest.fixture
def matched(handover, invited, professional_a):
    _accept_and_sign_up(handover, invited)
    handover_confirm(handover=handover, by=professional_a, volunteer_id=invited.pk)
    return invited


@pytest.fixture
def other_volunteer(db):
    return VolunteerProfileFactory(
        user=UserFactory(email="ander@example.org", display_name="Otto")
    ).user
