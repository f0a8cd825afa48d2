"""The lifecycle of a booking: one table of allowed status moves and who may make each
(``mijnbuurt.core.transitions``). Services in services/bookings.py move a status only
through it; a booking's history shows on its page, so it keeps its own log."""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.transitions import Lifecycle, Move, Refusal

from .models import Booking, BookingEvent
from .rules import is_booker, manages_booked_venue

MANAGER = "manager"
BOOKER = "booker"
S = Booking.Status


def _record(entries) -> list:
    return BookingEvent.objects.bulk_create(
        BookingEvent(
            booking=e.obj,
            actor=e.by,
            from_status=e.from_status,
            to_status=e.to_status,
            reason=e.note,
        )
        for e in entries
    )


BOOKING = Lifecycle(
    model=Booking,
    roles={MANAGER: manages_booked_venue, BOOKER: is_booker},
    moves=[
        Move(S.PENDING, S.APPROVED, {MANAGER}, _("Approve")),
        Move(S.PENDING, S.DECLINED, {MANAGER}, _("Decline"), note_required=True),
        Move(S.PENDING, S.CANCELLED, {MANAGER, BOOKER}, _("Cancel")),
        Move(S.APPROVED, S.CANCELLED, {MANAGER, BOOKER}, _("Cancel")),
    ],
    refused=Refusal(_("This booking is %(status)s and cannot be changed that way."), "transition"),
    forbidden=Refusal(_("You may not change this booking."), "forbidden"),
    note_missing=Refusal(_("Give a reason for declining."), "reason"),
    note_max=300,
    note_field="decision_reason",
    record=_record,
)
