"""The lifecycle of a proposal's review: submitted, then feasible or not feasible.

Only municipal staff (with two-factor authentication) decide; a "not feasible" needs
a reason, which is published on the proposal's page.
"""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.transitions import Lifecycle, Move, Refusal

from .models import Proposal
from .rules import is_municipal_staff

S = Proposal.Status
STAFF = "staff"

PROPOSAL = Lifecycle(
    model=Proposal,
    roles={STAFF: is_municipal_staff},
    moves=[
        Move(S.SUBMITTED, S.FEASIBLE, {STAFF}, _("Feasible")),
        Move(S.SUBMITTED, S.NOT_FEASIBLE, {STAFF}, _("Not feasible"), note_required=True),
    ],
    refused=Refusal(_("This proposal has already been reviewed."), "reviewed"),
    forbidden=Refusal(_("Only municipal staff review proposals."), "forbidden"),
    note_missing=Refusal(
        _("Give the reason why it is not feasible; it is published."), "note_required"
    ),
    note_field="review_reason",
    note_max=2000,
)
