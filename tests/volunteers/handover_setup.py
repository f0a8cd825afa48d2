"""Fixtures and helpers of the hand-over tests (imported by name into each module)."""

import pytest

from tests.accounts.factories import UserFactory
from tests.helprequests.conftest import area, covered_request, fallback_request, volunteer
from volunteers.models import TaskInvitation
from volunteers.services import shift_sign_up
from volunteers.services.handover import handover_confirm, handover_create, handover_invite
from volunteers.services.invitations import task_invitation_answer

from .factories import TaskKindFactory, VolunteerProfileFactory, in_days

__all__ = [
    "area",
    "covered_request",
    "fallback_request",
    "handover",
    "invited",
    "matched",
    "other_volunteer",
    "volunteer",
]

TITLE = "Boodschappen doen met iemand in de buurt"
TEXT = "Eens per week samen boodschappen doen bij de supermarkt om de hoek."
PHONE = "06-12345678"


def _create(help_request, by, **overrides):
    data = {
        "kind": TaskKindFactory(name="Boodschappen", slug="boodschappen"),
        "title": TITLE,
        "description": TEXT,
        "starts_at": in_days(3, 10),
        "ends_at": in_days(3, 12),
    }
    data.update(overrides)
    return handover_create(help_request=help_request, by=by, **data)


@pytest.fixture
def handover(covered_request, professional_a):
    return _create(covered_request, professional_a)


@pytest.fixture
def invited(handover, professional_a, volunteer):
    handover_invite(handover=handover, by=professional_a, volunteer_id=volunteer.pk)
    return volunteer


def _accept_and_sign_up(handover, volunteer):
    invitation = TaskInvitation.objects.get(task=handover.task, volunteer=volunteer)
    task_invitation_answer(invitation=invitation, user=volunteer, accept=True)
    return shift_sign_up(shift=handover.task.shifts.get(), volunteer=volunteer)


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


PERSONAS = [
    "anonymous",
    "resident",
    "outsider",
    "other_volunteer",
    "invited",
    "professional_b",
    "professional_a",
    "staff",  # staff of no team: the request is team A's, not the fallback queue's
    "superuser",  # in no team: the flag opens nothing
]
TEAM = {"professional_a"}


def _login(request, client, persona):
    if persona == "anonymous":
        return None
    user = request.getfixturevalue(persona)
    client.force_login(user)
    return user
