"""The one table of allowed status moves of a help request, and who may make each one
(``mijnbuurt.core.transitions``).

``help_request_transition`` in services.py is the only code that changes a status.
TEAM is a member of the covering area team (or staff, for the fallback queue);
RESIDENT is the person who asked for help.
"""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.transitions import Lifecycle, Move, Refusal

from .models import HelpRequest, HelpRequestEvent
from .models import HelpStatus as S
from .rules import handles_help_request, is_requester

TEAM = "team"
RESIDENT = "resident"
MAX_NOTE = 4000


def _record(entries) -> list:
    """The resident and the team see a request's history: it keeps its own log."""
    return HelpRequestEvent.objects.bulk_create(
        HelpRequestEvent(
            request=e.obj,
            actor=e.by,
            at=e.at,
            from_status=e.from_status,
            to_status=e.to_status,
            note=e.note,
        )
        for e in entries
    )


_OPEN = [S.NEW, S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER, S.LIGHT_INTERVENTION, S.REFERRED]

HELP_REQUEST = Lifecycle(
    model=HelpRequest,
    roles={TEAM: handles_help_request, RESIDENT: is_requester},
    moves=[
        Move(S.NEW, S.IN_TRIAGE, {TEAM}, _("Start triage")),
        Move(S.IN_TRIAGE, S.LIGHT_INTERVENTION, {TEAM}, _("The team helps (light intervention)")),
        Move(S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER, {TEAM}, _("Hand to a volunteer")),
        Move(S.IN_TRIAGE, S.REFERRED, {TEAM}, _("Refer to a specialist")),
        Move(S.LIGHT_INTERVENTION, S.REFERRED, {TEAM}, _("Refer to a specialist")),
        Move(S.HANDED_TO_VOLUNTEER, S.IN_TRIAGE, {TEAM}, _("Back to triage")),
        Move(S.LIGHT_INTERVENTION, S.IN_TRIAGE, {TEAM}, _("Back to triage")),
        Move(S.REFERRED, S.IN_TRIAGE, {TEAM}, _("Back to triage")),
        *[
            Move(status, S.RESOLVED, {TEAM}, _("Mark as resolved"))
            for status in _OPEN
            if status != S.NEW
        ],
        *[
            Move(
                status, S.CLOSED_NOT_NEEDED, {TEAM}, _("Close: no help needed"), note_required=True
            )
            for status in _OPEN
        ],
        *[Move(status, S.WITHDRAWN, {RESIDENT}, _("Withdraw my request")) for status in _OPEN],
        Move(S.RESOLVED, S.IN_TRIAGE, {TEAM, RESIDENT}, _("Reopen")),
        Move(S.CLOSED_NOT_NEEDED, S.IN_TRIAGE, {TEAM}, _("Reopen")),
    ],
    # Never the states or anything else of the request: only that it is not possible.
    refused=Refusal(_("This step is not possible for this request now."), "not_allowed"),
    forbidden=Refusal(_("You may not do this with this request."), "forbidden"),
    note_missing=Refusal(
        _("Explain in a few plain words why, for the resident."), "note_required"
    ),
    note_max=MAX_NOTE,
    record=_record,
)
TRANSITIONS = HELP_REQUEST.moves

# What happened, in plain words for the resident's status history.
EVENT_LABELS = {
    S.NEW: _("You asked for help. The area team will contact you."),
    S.IN_TRIAGE: _("Someone of the area team is looking at your request."),
    S.HANDED_TO_VOLUNTEER: _("A volunteer from your neighbourhood will help you."),
    S.LIGHT_INTERVENTION: _("The area team is helping you."),
    S.REFERRED: _("The area team has referred you to an organisation that can help."),
    S.RESOLVED: _("Your request is resolved."),
    S.CLOSED_NOT_NEEDED: _("Your request was closed: no help was needed."),
    S.WITHDRAWN: _("You withdrew your request."),
}


def transitions_from(status: str, *, roles: set[str]) -> list[Move]:
    """The moves someone with ``roles`` may make from ``status``, in table order."""
    return HELP_REQUEST.moves_from(status, roles=roles)
