"""The one table of allowed status moves of a listing (``mijnbuurt.core.transitions``).

OWNER is the person who placed the listing; SYSTEM is the platform itself (the first
reply puts a listing in contact, a match confirmed in a conversation makes it matched,
the daily task lets it expire), granted by the
service with ``extra_roles`` and held by no person.
"""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.transitions import Lifecycle, Move, Refusal

from .models import ACTIVE_STATUSES, Listing
from .models import Listing as L
from .rules import is_listing_owner

S = L.Status
OWNER = "owner"
SYSTEM = "system"


def _nobody(user, listing) -> bool:
    return False


LISTING = Lifecycle(
    model=Listing,
    roles={OWNER: is_listing_owner, SYSTEM: _nobody},
    moves=[
        Move(S.OPEN, S.IN_CONTACT, {SYSTEM}),
        Move(S.OPEN, S.MATCHED, {OWNER, SYSTEM}, _("We have a match")),
        Move(S.IN_CONTACT, S.MATCHED, {OWNER, SYSTEM}, _("We have a match")),
        *[Move(status, S.DONE, {OWNER}, _("Close: it worked out")) for status in ACTIVE_STATUSES],
        *[Move(status, S.WITHDRAWN, {OWNER}, _("Withdraw")) for status in ACTIVE_STATUSES],
        *[Move(status, S.EXPIRED, {SYSTEM}) for status in ACTIVE_STATUSES],
        Move(S.EXPIRED, S.OPEN, {OWNER}, _("Extend")),
    ],
    refused=Refusal(_("This is not possible for a listing that is %(status)s."), "not_allowed"),
    forbidden=Refusal(_("Only the person who placed the listing can do this."), "forbidden"),
)

# The moves the owner makes with a button on the listing's page (extending has its own).
OWNER_CLOSING = (S.MATCHED, S.DONE, S.WITHDRAWN)


def owner_moves(listing) -> list:
    """The closing moves the owner may make now, in table order."""
    return [
        move
        for move in LISTING.moves_from(listing.status, roles={OWNER})
        if move.to_status in OWNER_CLOSING
    ]
