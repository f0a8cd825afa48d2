"""The one table of allowed status transitions, and who may make each one.

``initiative_transition`` in services.py is the only code that changes a status; it
looks the move up here. Reviewers are municipal staff, or members of an area team
that covers the initiative's neighbourhood (rules.py decides who is which).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Status

ORGANISER = "organiser"
REVIEWER = "reviewer"


@dataclass(frozen=True)
class Transition:
    from_status: str
    to_status: str
    who: frozenset[str]
    label: str  # the button
    note_required: bool = False


def _t(from_status, to_status, who, label, *, note_required=False) -> Transition:
    return Transition(from_status, to_status, frozenset(who), label, note_required)


TRANSITIONS: dict[tuple[str, str], Transition] = {
    (t.from_status, t.to_status): t
    for t in [
        _t(Status.DRAFT, Status.SUBMITTED, {ORGANISER}, _("Submit for review")),
        _t(Status.CHANGES_REQUESTED, Status.SUBMITTED, {ORGANISER}, _("Submit again")),
        _t(Status.SUBMITTED, Status.DRAFT, {ORGANISER}, _("Take back to draft")),
        _t(Status.SUBMITTED, Status.IN_REVIEW, {REVIEWER}, _("Start the review")),
        _t(Status.SUBMITTED, Status.PUBLISHED, {REVIEWER}, _("Approve and publish")),
        _t(
            Status.SUBMITTED,
            Status.CHANGES_REQUESTED,
            {REVIEWER},
            _("Ask for changes"),
            note_required=True,
        ),
        _t(Status.SUBMITTED, Status.DECLINED, {REVIEWER}, _("Decline"), note_required=True),
        _t(Status.IN_REVIEW, Status.PUBLISHED, {REVIEWER}, _("Approve and publish")),
        _t(
            Status.IN_REVIEW,
            Status.CHANGES_REQUESTED,
            {REVIEWER},
            _("Ask for changes"),
            note_required=True,
        ),
        _t(Status.IN_REVIEW, Status.DECLINED, {REVIEWER}, _("Decline"), note_required=True),
        _t(Status.PUBLISHED, Status.COMPLETED, {ORGANISER}, _("Mark as completed")),
        _t(Status.PUBLISHED, Status.STOPPED, {ORGANISER, REVIEWER}, _("Stop the initiative")),
    ]
}

# What happened, in plain language, for the status history and notifications.
EVENT_LABELS = {
    Status.DRAFT: _("Saved as a draft"),
    Status.SUBMITTED: _("Submitted for review"),
    Status.IN_REVIEW: _("The municipality started the review"),
    Status.CHANGES_REQUESTED: _("Changes were requested"),
    Status.PUBLISHED: _("Approved and published"),
    Status.COMPLETED: _("Completed"),
    Status.DECLINED: _("Declined"),
    Status.STOPPED: _("Stopped"),
}


def transitions_from(status: str, *, roles: set[str]) -> list[Transition]:
    """The moves someone with ``roles`` may make from ``status``, in table order."""
    return [t for t in TRANSITIONS.values() if t.from_status == status and t.who & roles]
