"""The lifecycles of the app: initiatives, grant requests and accountability reports.

Each is one table of allowed status moves and who may make each one
(``mijnbuurt.core.transitions``); services move a status only through it. Reviewers
are municipal staff, or members of an area team that covers the initiative's
neighbourhood (rules.py decides who is which).
"""

import rules
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.transitions import Lifecycle, Move, Refusal

from .models import AccountabilityReport, GrantRequest, Initiative, Status, StatusChange
from .rules import is_organiser, is_reviewer

ORGANISER = "organiser"
REVIEWER = "reviewer"
STAFF = "staff"

EXPLAIN = Refusal(_("Please explain why, so the organisers know what to do."), "note_required")


def _record_initiative(entries) -> list:
    """An initiative's history shows on its page: it keeps its own log."""
    return StatusChange.objects.bulk_create(
        StatusChange(
            initiative=e.obj,
            from_status=e.from_status,
            to_status=e.to_status,
            by=e.by,
            note=e.note,
        )
        for e in entries
    )


INITIATIVE = Lifecycle(
    model=Initiative,
    roles={ORGANISER: is_organiser, REVIEWER: is_reviewer},
    moves=[
        Move(Status.DRAFT, Status.SUBMITTED, {ORGANISER}, _("Submit for review")),
        Move(Status.CHANGES_REQUESTED, Status.SUBMITTED, {ORGANISER}, _("Submit again")),
        Move(Status.SUBMITTED, Status.DRAFT, {ORGANISER}, _("Take back to draft")),
        Move(Status.SUBMITTED, Status.IN_REVIEW, {REVIEWER}, _("Start the review")),
        Move(Status.SUBMITTED, Status.PUBLISHED, {REVIEWER}, _("Approve and publish")),
        Move(
            Status.SUBMITTED,
            Status.CHANGES_REQUESTED,
            {REVIEWER},
            _("Ask for changes"),
            note_required=True,
        ),
        Move(Status.SUBMITTED, Status.DECLINED, {REVIEWER}, _("Decline"), note_required=True),
        Move(Status.IN_REVIEW, Status.PUBLISHED, {REVIEWER}, _("Approve and publish")),
        Move(
            Status.IN_REVIEW,
            Status.CHANGES_REQUESTED,
            {REVIEWER},
            _("Ask for changes"),
            note_required=True,
        ),
        Move(Status.IN_REVIEW, Status.DECLINED, {REVIEWER}, _("Decline"), note_required=True),
        Move(Status.PUBLISHED, Status.COMPLETED, {ORGANISER}, _("Mark as completed")),
        Move(Status.PUBLISHED, Status.STOPPED, {ORGANISER, REVIEWER}, _("Stop the initiative")),
    ],
    refused=Refusal(_("An initiative that is “%(from)s” cannot become “%(to)s”."), "not_allowed"),
    forbidden=Refusal(_("You may not make this change to this initiative."), "forbidden"),
    note_missing=EXPLAIN,
    record=_record_initiative,
)
TRANSITIONS = INITIATIVE.moves

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


def transitions_from(status: str, *, roles: set[str]) -> list[Move]:
    """The moves someone with ``roles`` may make from ``status``, in table order."""
    return INITIATIVE.moves_from(status, roles=roles)


# --- Grant requests ---------------------------------------------------------------------


@rules.predicate
def reviews_grant(user, grant) -> bool:
    return is_reviewer.test(user, grant.initiative)


@rules.predicate
def is_active_staff(user, _obj=None) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


G = GrantRequest.Status
GRANT = Lifecycle(
    model=GrantRequest,
    roles={REVIEWER: reviews_grant, STAFF: is_active_staff},
    moves=[
        Move(G.REQUESTED, G.AWARDED, {REVIEWER}, _("Award")),
        Move(G.REQUESTED, G.DECLINED, {REVIEWER}, _("Decline"), note_required=True),
        Move(G.AWARDED, G.PAID, {STAFF}),
    ],
    refused=Refusal(_("This grant request has already been decided."), "decided"),
    refused_into={G.PAID: Refusal(_("Only an awarded grant can be paid."), "not_awarded")},
    forbidden=Refusal(_("Only reviewers can decide on a grant request."), "forbidden"),
    forbidden_into={
        G.PAID: Refusal(_("Only municipal staff can mark a grant as paid."), "forbidden")
    },
    note_missing=EXPLAIN,
)


# --- Accountability reports -------------------------------------------------------------


@rules.predicate
def organises_report(user, report) -> bool:
    return is_organiser.test(user, report.initiative)


@rules.predicate
def reviews_report(user, report) -> bool:
    return is_reviewer.test(user, report.initiative)


R = AccountabilityReport.Status
ACCOUNTABILITY = Lifecycle(
    model=AccountabilityReport,
    roles={ORGANISER: organises_report, REVIEWER: reviews_report},
    moves=[
        Move(R.DRAFT, R.SUBMITTED, {ORGANISER}),
        Move(R.CHANGES_REQUESTED, R.SUBMITTED, {ORGANISER}),
        Move(R.SUBMITTED, R.ACCEPTED, {REVIEWER}),
        Move(R.SUBMITTED, R.CHANGES_REQUESTED, {REVIEWER}, note_required=True),
    ],
    refused=Refusal(_("This report is not waiting for a review."), "not_submitted"),
    refused_into={
        R.SUBMITTED: Refusal(
            _("The report has been submitted; it can only be changed if changes are requested."),
            "not_editable",
        )
    },
    forbidden=Refusal(_("Only reviewers can review an accountability report."), "forbidden"),
    forbidden_into={
        R.SUBMITTED: Refusal(_("Only the organisers can change this initiative."), "forbidden")
    },
    note_missing=EXPLAIN,
    note_max=2000,
)
