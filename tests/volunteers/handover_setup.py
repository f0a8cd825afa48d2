"""Helpers of the hand-over tests; their fixtures (handover, invited, matched, ...) are in
conftest.py."""

from volunteers.models import TaskInvitation
from volunteers.services import shift_sign_up
from volunteers.services.handover import handover_create
from volunteers.services.invitations import task_invitation_answer

from .factories import TaskKindFactory, in_days

TITLE = "Boodschappen doen met iemand in de buurt"
TEXT = "Eens per week samen boodschappen doen bij de supermarkt om de hoek."
PHONE = "06 12345678"  # typed as pages show it (national format), so "not in" checks hold


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


def _accept_and_sign_up(handover, volunteer):
    invitation = TaskInvitation.objects.get(task=handover.task, volunteer=volunteer)
    task_invitation_answer(invitation=invitation, user=volunteer, accept=True)
    return shift_sign_up(shift=handover.task.shifts.get(), volunteer=volunteer)


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
