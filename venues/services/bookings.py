"""Booking a room: request (one-off or repeating), approve, decline, cancel.

Two active bookings of one room never overlap. On PostgreSQL the database itself
guarantees it (an exclusion constraint, see models.Booking.Meta); its
IntegrityError becomes the same message as the check here. On SQLite the check
runs inside an IMMEDIATE transaction (settings), which serialises writers.
"""

import datetime as dt
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.dates import planned_dates_check, time_range
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import phone_normalise
from mijnbuurt.core.transitions import transition_many
from mijnbuurt.notifications.services import notify

from ..kinds import BOOKING_APPROVED, BOOKING_CANCELLED, BOOKING_DECLINED, BOOKING_REQUESTED
from ..lifecycle import BOOKER, BOOKING, MANAGER
from ..models import Booking, Room, Venue
from ..schedule import MAX_OCCURRENCES, REPEAT_DAYS, occurrence_dates
from .checks import Occurrence, occurrences_check

Status = Booking.Status


def overlap_error() -> ServiceError:
    return ServiceError(_("The room is already booked at that time."), code="overlap")


def user_manages(user, venue: Venue) -> bool:
    return user.is_authenticated and venue.managers.filter(pk=user.pk).exists()


def booking_preview(
    *,
    booker,
    room: Room,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    attendees: int,
    booker_kind: str,
    organisation=None,
    initiative=None,
    repeat: str = "none",
    occurrences: int = 1,
) -> list[Occurrence]:
    """Validate the request as a whole; return each occurrence with its problems."""
    if not room.is_bookable or not room.venue.is_published:
        raise ServiceError(_("This room cannot be booked."), code="not_bookable")
    if end_time <= start_time:
        raise ServiceError(_("The end time must be after the start time."), code="times")
    if attendees < 1:
        raise ServiceError(_("Enter how many people you expect."), code="attendees")
    if attendees > room.capacity:
        raise ServiceError(
            _("This room holds at most %(capacity)s people; you expect %(attendees)s.")
            % {"capacity": room.capacity, "attendees": attendees},
            code="capacity",
        )
    if booker_kind not in Booking.BookerKind.values:
        raise ServiceError(_("Choose the kind of use."), code="kind")
    if repeat not in REPEAT_DAYS:
        raise ServiceError(_("Choose how often the booking repeats."), code="repeat")
    if repeat != "none" and not 2 <= occurrences <= MAX_OCCURRENCES:
        raise ServiceError(
            _("A repeating booking has between 2 and %(max)s dates.") % {"max": MAX_OCCURRENCES},
            code="occurrences",
        )
    if organisation is not None and not organisation.members.filter(pk=booker.pk).exists():
        raise ServiceError(
            _("You can only book on behalf of an organisation you are a member of."),
            code="organisation",
        )
    if initiative is not None and not initiative.organisers.filter(pk=booker.pk).exists():
        raise ServiceError(
            _("You can only book for an initiative you organise."), code="initiative"
        )
    # The horizon, before the series' dates are counted from ``date``; a date that has
    # passed is one of the occurrences' problems (checks.py), named with its day.
    planned_dates_check(first=date, past_checked_elsewhere=True)
    days = occurrence_dates(date, repeat=repeat, occurrences=occurrences)
    planned_dates_check(first=days[0], last=days[-1], past_checked_elsewhere=True)
    return occurrences_check(
        room=room,
        days=days,
        start_time=start_time,
        end_time=end_time,
        attendees=attendees,
        booker_kind=booker_kind,
    )


def booking_request(
    *,
    booker,
    room: Room,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    purpose: str,
    attendees: int,
    booker_kind: str,
    organisation=None,
    initiative=None,
    repeat: str = "none",
    occurrences: int = 1,
    booker_phone="",
) -> list[Booking]:
    """Request ``room``; every occurrence must pass every rule, or nothing is booked.

    ``booker_phone`` (optional) is stored in E.164 on each date, for the venue's managers.
    """
    purpose = purpose.strip()
    if not purpose:
        raise ServiceError(_("Say what the room is for."), code="purpose")
    booker_phone = phone_normalise(booker_phone)
    try:
        with transaction.atomic():
            if booker_kind == Booking.BookerKind.COMMERCIAL:
                # The monthly cap is a sum over many rows: serialise commercial requests.
                Venue.objects.select_for_update().filter(pk=room.venue_id).first()
            checked = booking_preview(
                booker=booker,
                room=room,
                date=date,
                start_time=start_time,
                end_time=end_time,
                attendees=attendees,
                booker_kind=booker_kind,
                organisation=organisation,
                initiative=initiative,
                repeat=repeat,
                occurrences=occurrences,
            )
            problems = [problem for o in checked for problem in o.problems]
            if problems:
                raise ServiceError(" ".join(problems), code="conflicts")
            venue = room.venue
            status = Status.APPROVED if venue.auto_approve else Status.PENDING
            series = uuid.uuid4() if len(checked) > 1 else None
            bookings = [
                Booking.objects.create(
                    room=room,
                    booker=booker,
                    organisation=organisation,
                    initiative=initiative,
                    series=series,
                    start=o.start,
                    end=o.end,
                    purpose=purpose,
                    booker_phone=booker_phone,
                    attendees=attendees,
                    booker_kind=booker_kind,
                    price=o.price,
                    status=status,
                )
                for o in checked
            ]
            BOOKING.record_start(bookings, by=booker)
            _notify_requested(bookings=bookings, venue=venue)
    except IntegrityError:
        # PostgreSQL's exclusion constraint: another request took the time meanwhile.
        raise overlap_error() from None
    return bookings


def booking_approve(*, booking: Booking, actor, as_staff: bool = False) -> Booking:
    """The venue's manager approves a pending request.

    ``as_staff``: municipal staff approve from the admin on the manager's behalf (for
    example while a volunteer manager is away). Only active staff may; the event
    records the staff member as the one who approved.
    """
    return _transition(booking=booking, to=Status.APPROVED, actor=actor, as_staff=as_staff)


def booking_decline(*, booking: Booking, actor, reason: str) -> Booking:
    return _transition(booking=booking, to=Status.DECLINED, actor=actor, reason=reason)


def booking_cancel(*, booking: Booking, actor, reason: str = "") -> Booking:
    return _transition(booking=booking, to=Status.CANCELLED, actor=actor, reason=reason)


def booking_series_cancel(*, booking: Booking, actor, reason: str = "") -> list[Booking]:
    """Cancel every date of ``booking``'s series that has not started yet, in one go."""
    if booking.series is None:
        return [booking_cancel(booking=booking, actor=actor, reason=reason)]
    with transaction.atomic():
        locked = list(
            Booking.objects.select_for_update(of=("self",))
            .select_related("room__venue", "booker")
            .filter(series=booking.series, status__in=Booking.ACTIVE, start__gt=timezone.now())
            .order_by("start", "pk")
        )
        if not locked:
            raise ServiceError(_("No dates of this series are left to cancel."), code="none_left")
        transition_many(locked, Status.CANCELLED, by=actor, note=reason)
        venue = locked[0].room.venue
        is_booker = actor.pk == locked[0].booker_id
        recipients = [locked[0].booker] if not is_booker else list(venue.managers.all())
        _notify(recipients=recipients, kind=BOOKING_CANCELLED, bookings=locked)
    return locked


def _transition(
    *, booking: Booking, to: str, actor, reason: str = "", as_staff: bool = False
) -> Booking:
    with transaction.atomic():
        locked = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("room__venue", "booker")
            .get(pk=booking.pk)
        )
        on_behalf = as_staff and actor.is_authenticated and actor.is_active and actor.is_staff
        step = BOOKING.check(
            locked, to, by=actor, note=reason, extra_roles={MANAGER} if on_behalf else ()
        )
        if to == Status.CANCELLED and locked.start <= timezone.now():
            raise ServiceError(_("This booking has already started."), code="started")
        step.apply()
        if to in (Status.APPROVED, Status.DECLINED):
            _notify(
                recipients=[locked.booker],
                kind=BOOKING_APPROVED if to == Status.APPROVED else BOOKING_DECLINED,
                bookings=[locked],
            )
        elif to == Status.CANCELLED:
            venue = locked.room.venue
            recipients = (
                [locked.booker] if BOOKER not in step.roles else list(venue.managers.all())
            )
            _notify(recipients=recipients, kind=BOOKING_CANCELLED, bookings=[locked])
    booking.status, booking.decision_reason = locked.status, locked.decision_reason
    return locked


def _notify_requested(*, bookings: list[Booking], venue: Venue) -> None:
    if bookings[0].status == Status.APPROVED:
        _notify(recipients=[bookings[0].booker], kind=BOOKING_APPROVED, bookings=bookings)
    else:
        _notify(recipients=list(venue.managers.all()), kind=BOOKING_REQUESTED, bookings=bookings)


def _notify(*, recipients, kind, bookings: list[Booking]) -> None:
    first = bookings[0]
    start = timezone.localtime(first.start)
    end = timezone.localtime(first.end)
    context = {
        "venue": first.room.venue.name,
        "room": first.room.name,
        "when": time_range(start, end),
        "count": len(bookings),
        "purpose": first.purpose,
        "booker": first.booker.public_name,
        "reason": first.decision_reason,
    }
    for recipient in recipients:
        if recipient.is_active:
            notify(
                recipient=recipient,
                kind=kind.name,
                context=context,
                url_name="venues:booking",
                url_kwargs={"pk": first.pk},
            )
