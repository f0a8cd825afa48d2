"""Writes of activities: plan, change and cancel one.

A room is booked through the venues' booking service inside the activity's own
transaction, so an activity in a room and its booking exist together or not at all;
the venues' exclusion constraint keeps two uses of a room from overlapping.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.dates import planned_dates_check, time_range
from mijnbuurt.core.exceptions import ServiceError
from venues.models import Booking
from venues.services import booking_cancel, booking_request

from ..kinds import ACTIVITY_CANCELLED
from ..models import Activity, Registration
from ..selectors import ActingFor, acting_for_choices
from .registrations import _notify, _promote

K = Activity.OrganiserKind
P = Activity.Place
OWNER_FIELD = {
    K.INITIATIVE: "initiative",
    K.ORGANISATION: "organisation",
    K.VENUE: "venue",
    K.AREA_TEAM: "area_team",
}
DETAILS = (
    "title",
    "description",
    "kind",
    "audience",
    "accessibility",
    "step_free",
    "is_free",
    "costs",
    "registration",
    "registration_link",
    "capacity",
    "online_link",
)


def _check_details(data: dict) -> None:
    if not data["title"].strip():
        raise ServiceError(_("Give the activity a title."), code="title")
    if data["kind"] not in Activity.Kind.values:
        raise ServiceError(_("Choose the kind of activity."), code="kind")
    if data["audience"] not in Activity.Audience.values:
        raise ServiceError(_("Choose for whom the activity is."), code="audience")
    if data["registration"] not in Activity.Registration.values:
        raise ServiceError(_("Choose how people register."), code="registration")
    if data["registration"] == Activity.Registration.ELSEWHERE and not data["registration_link"]:
        raise ServiceError(_("Give the link where people register."), code="registration_link")
    if not data["is_free"] and not data["costs"].strip():
        raise ServiceError(_("Say what the activity costs."), code="costs")


def _clash_text(room, start: dt.datetime, end: dt.datetime) -> str:
    """The booking in the way, by its time (its purpose is the booker's business)."""
    clash = (
        Booking.objects.filter(room=room, status__in=Booking.ACTIVE, start__lt=end, end__gt=start)
        .order_by("start")
        .first()
    )
    if clash is None:
        return ""
    return _("%(room)s is already booked: %(when)s.") % {
        "room": room.name,
        "when": time_range(clash.start, clash.end),
    }


def activity_create(
    *,
    organiser,
    acting_for: str,
    neighbourhood,
    start: dt.datetime,
    end: dt.datetime,
    place: str,
    room=None,
    address: str = "",
    **details,
) -> Activity:
    """Plan an activity for ``acting_for`` (a key of ``acting_for_choices``).

    In a room: the room is booked for the same time in this transaction; a taken room
    refuses the activity and names the booking in the way. Without a capacity, a
    room's capacity is the number of places.
    """
    data = {name: details.get(name, "") for name in DETAILS}
    data["step_free"] = bool(details.get("step_free"))
    data["is_free"] = details.get("is_free", True)
    data["capacity"] = details.get("capacity")
    data["audience"] = details.get("audience") or Activity.Audience.EVERYONE
    data["registration"] = details.get("registration") or Activity.Registration.NONE
    _check_details(data)
    choice = _acting_for(organiser, acting_for)
    if end <= start:
        raise ServiceError(_("The end must be after the start."), code="times")
    if start <= timezone.now():
        raise ServiceError(_("The start has already passed."), code="past")
    planned_dates_check(first=timezone.localdate(start), last=timezone.localdate(end))
    if place not in P.values:
        raise ServiceError(_("Choose where the activity takes place."), code="place")
    if place == P.ROOM and room is None:
        raise ServiceError(_("Choose a room."), code="room")
    if place == P.ADDRESS and not address.strip():
        raise ServiceError(_("Give the address."), code="address")
    if place == P.ONLINE and not data["online_link"]:
        raise ServiceError(_("Give the link to join online."), code="online_link")
    with transaction.atomic():
        activity = Activity(
            **data,
            neighbourhood=neighbourhood,
            start=start,
            end=end,
            place=place,
            address=address.strip() if place == P.ADDRESS else "",
            organiser_kind=choice.kind,
            created_by=organiser,
            **{OWNER_FIELD[choice.kind]: choice.obj},
        )
        if place == P.ROOM:
            activity.room = room
            activity.step_free = activity.step_free or room.venue.step_free
            if activity.capacity is None:
                activity.capacity = room.capacity
            activity.booking = _book(activity, organiser=organiser, choice=choice)
        else:
            activity.room = None
        activity.save()
    return activity


def _acting_for(organiser, key: str) -> ActingFor:
    for choice in acting_for_choices(organiser):
        if choice.key == key:
            return choice
    raise ServiceError(
        _("You can only organise for an initiative, organisation, building or team of yours."),
        code="acting_for",
    )


def _book(activity: Activity, *, organiser, choice: ActingFor) -> Booking:
    start, end = timezone.localtime(activity.start), timezone.localtime(activity.end)
    if start.date() != end.date():
        raise ServiceError(_("An activity in a room starts and ends on one day."), code="days")
    try:
        [booking] = booking_request(
            booker=organiser,
            room=activity.room,
            date=start.date(),
            start_time=start.time(),
            end_time=end.time(),
            purpose=activity.title.strip()[:200],
            attendees=min(activity.capacity or 1, activity.room.capacity) or 1,
            booker_kind=(
                Booking.BookerKind.INITIATIVE
                if choice.kind == K.INITIATIVE
                else Booking.BookerKind.NON_PROFIT
            ),
            initiative=choice.obj if choice.kind == K.INITIATIVE else None,
            organisation=choice.obj if choice.kind == K.ORGANISATION else None,
        )
    except ServiceError as error:
        if error.code in ("conflicts", "overlap"):
            clash = _clash_text(activity.room, activity.start, activity.end)
            raise ServiceError(f"{error.message} {clash}".strip(), code="room_taken") from None
        raise
    return booking


def activity_update(*, activity: Activity, actor, **details) -> Activity:
    """Change what an activity is about; its time and place stay as planned.

    Fewer places leave everyone who registered registered; more places move the
    waiting list up.
    """
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.is_cancelled:
            raise ServiceError(_("A cancelled activity cannot be changed."), code="cancelled")
        data = {name: details.get(name, getattr(locked, name)) for name in DETAILS}
        _check_details(data)
        if locked.place == P.ONLINE and not data["online_link"]:
            raise ServiceError(_("Give the link to join online."), code="online_link")
        for name, value in data.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(DETAILS))
        # More places: the waiting list moves up into them (each promoted person is told).
        while not locked.has_started and _promote(locked) is not None:
            pass
    return locked


def activity_cancel(*, activity: Activity, actor) -> Activity:
    """Cancel a planned activity: free its room and tell everyone who registered."""
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.is_cancelled:
            raise ServiceError(_("This activity is already cancelled."), code="cancelled")
        if locked.has_started:
            raise ServiceError(_("This activity has already started."), code="started")
        locked.status = Activity.Status.CANCELLED
        locked.save(update_fields=["status"])
        if locked.booking_id:
            booking = Booking.objects.select_related("room__venue").get(pk=locked.booking_id)
            if booking.is_active:
                # The booking is the organiser's who booked it; another organiser of the
                # same activity frees the room in their name.
                booker = actor if actor.pk == booking.booker_id else booking.booker
                booking_cancel(booking=booking, actor=booker, reason=_("Activity cancelled"))
        registrations = list(
            locked.registrations.filter(status__in=Registration.ACTIVE).select_related("user")
        )
        for registration in registrations:
            _notify(registration.user, ACTIVITY_CANCELLED, locked)
    return locked
