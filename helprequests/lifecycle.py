"""The one table of allowed status moves of a help request, and who may make each one.

``help_request_transition`` in services.py is the only code that changes a status.
TEAM is a member of the covering area team (or staff, for the fallback queue);
RESIDENT is the person who asked for help.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import HelpStatus as S

TEAM = "team"
RESIDENT = "resident"


@dataclass(frozen=True)
class Transition:
    from_status: str
    to_status: str
    who: frozenset[str]
    label: str  # the button
    note_required: bool = False


def _t(from_status, to_status, who, label, *, note_required=False) -> Transition:
    return Transition(from_status, to_status, frozenset(who), label, note_required)


_OPEN = [S.NEW, S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER, S.LIGHT_INTERVENTION, S.REFERRED]

TRANSITIONS: dict[tuple[str, str], Transition] = {
    (t.from_status, t.to_status): t
    for t in [
        _t(S.NEW, S.IN_TRIAGE, {TEAM}, _("Start triage")),
        _t(S.IN_TRIAGE, S.LIGHT_INTERVENTION, {TEAM}, _("The team helps (light intervention)")),
        _t(S.IN_TRIAGE, S.HANDED_TO_VOLUNTEER, {TEAM}, _("Hand to a volunteer")),
        _t(S.IN_TRIAGE, S.REFERRED, {TEAM}, _("Refer to a specialist")),
        _t(S.LIGHT_INTERVENTION, S.REFERRED, {TEAM}, _("Refer to a specialist")),
        _t(S.HANDED_TO_VOLUNTEER, S.IN_TRIAGE, {TEAM}, _("Back to triage")),
        _t(S.LIGHT_INTERVENTION, S.IN_TRIAGE, {TEAM}, _("Back to triage")),
        _t(S.REFERRED, S.IN_TRIAGE, {TEAM}, _("Back to triage")),
        *[
            _t(status, S.RESOLVED, {TEAM}, _("Mark as resolved"))
            for status in _OPEN
            if status != S.NEW
        ],
        *[
            _t(status, S.CLOSED_NOT_NEEDED, {TEAM}, _("Close: no help needed"), note_required=True)
            for status in _OPEN
        ],
        *[_t(status, S.WITHDRAWN, {RESIDENT}, _("Withdraw my request")) for status in _OPEN],
        _t(S.RESOLVED, S.IN_TRIAGE, {TEAM, RESIDENT}, _("Reopen")),
        _t(S.CLOSED_NOT_NEEDED, S.IN_TRIAGE, {TEAM}, _("Reopen")),
    ]
}

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


def transitions_from(status: str, *, roles: set[str]) -> list[Transition]:
    """The moves someone with ``roles`` may make from ``status``, in table order."""
    return [t for t in TRANSITIONS.values() if t.from_status == status and t.who & roles]
