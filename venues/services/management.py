"""What venue managers change: venue settings, rooms and tariffs, opening hours, closures.

Forms validate the fields; these services check the actor and write atomically.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import phone_normalise
from mijnbuurt.notifications.services import notify

from ..kinds import MANAGER_ADDED
from ..models import CalendarFeed, Closure, OpeningHours, Room, Venue, new_token
from .bookings import user_manages


def _require_manager(actor, venue: Venue) -> None:
    if not user_manages(actor, venue):
        raise ServiceError(_("Only the managers of this venue can do that."), code="forbidden")


VENUE_FIELDS = {
    "description",
    "contact_email",
    "contact_phone",
    "house_rules",
    "step_free",
    "accessible_toilet",
    "hearing_loop",
    "auto_approve",
    "commercial_hours_cap",
}


@transaction.atomic
def venue_update(*, venue: Venue, actor, **fields) -> Venue:
    _require_manager(actor, venue)
    unknown = set(fields) - VENUE_FIELDS
    if unknown:
        raise ValueError(f"Not editable by managers: {sorted(unknown)}")
    if "contact_phone" in fields:
        fields["contact_phone"] = phone_normalise(fields["contact_phone"])
    for name, value in fields.items():
        setattr(venue, name, value)
    venue.save(update_fields=sorted(fields))
    return venue


@transaction.atomic
def room_save(*, venue: Venue, actor, room: Room | None = None, **fields) -> Room:
    """Create a room (``room`` None) or change one; tariffs and facilities included."""
    _require_manager(actor, venue)
    if room is not None and room.venue_id != venue.pk:
        raise ServiceError(_("This room belongs to another venue."), code="room")
    room = room or Room(venue=venue)
    for name, value in fields.items():
        setattr(room, name, value)
    if room.capacity is None or room.capacity < 1:
        raise ServiceError(_("A room holds at least one person."), code="capacity")
    if any(
        getattr(room, f) < 0 for f in ("rate_initiative", "rate_non_profit", "rate_commercial")
    ):
        raise ServiceError(_("A tariff cannot be negative."), code="rate")
    try:
        with transaction.atomic():
            room.save()
    except IntegrityError:
        raise ServiceError(
            _("This venue already has a room with that name."), code="duplicate"
        ) from None
    return room


@transaction.atomic
def opening_hours_add(
    *, venue: Venue, actor, weekday: int, opens: dt.time, closes: dt.time
) -> OpeningHours:
    _require_manager(actor, venue)
    if closes <= opens:
        raise ServiceError(_("The closing time must be after the opening time."), code="times")
    overlapping = OpeningHours.objects.filter(
        venue=venue, weekday=weekday, opens__lt=closes, closes__gt=opens
    ).exists()
    if overlapping:
        raise ServiceError(
            _("These hours overlap opening hours already set for that day."), code="overlap"
        )
    return OpeningHours.objects.create(venue=venue, weekday=weekday, opens=opens, closes=closes)


@transaction.atomic
def opening_hours_remove(*, venue: Venue, actor, opening_hours_id: int) -> None:
    _require_manager(actor, venue)
    OpeningHours.objects.filter(venue=venue, pk=opening_hours_id).delete()


@transaction.atomic
def closure_add(
    *, venue: Venue, actor, first_day: dt.date, last_day: dt.date, reason: str = ""
) -> Closure:
    """Close the venue for some days; existing bookings stay until managers cancel them."""
    _require_manager(actor, venue)
    if last_day < first_day:
        raise ServiceError(_("The last day cannot be before the first day."), code="days")
    return Closure.objects.create(
        venue=venue, first_day=first_day, last_day=last_day, reason=reason.strip()
    )


@transaction.atomic
def closure_remove(*, venue: Venue, actor, closure_id: int) -> None:
    _require_manager(actor, venue)
    Closure.objects.filter(venue=venue, pk=closure_id).delete()


@transaction.atomic
def room_calendar_renew(*, room: Room, actor) -> Room:
    """A new private address for the room's calendar feed; the old one stops working."""
    _require_manager(actor, room.venue)
    room.calendar_token = new_token()
    room.save(update_fields=["calendar_token"])
    return room


@transaction.atomic
def user_calendar_renew(*, user) -> CalendarFeed:
    """A new private address for my bookings' calendar feed; the old one stops working."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    feed.token = new_token()
    feed.save(update_fields=["token"])
    return feed


@transaction.atomic
def venue_manager_add(*, venue: Venue, actor, email: str):
    """A manager adds a co-manager: someone with an account and a verified address."""
    from allauth.account.models import EmailAddress

    _require_manager(actor, venue)
    address = (
        EmailAddress.objects.select_related("user")
        .filter(email__iexact=email.strip(), verified=True, user__is_active=True)
        .first()
    )
    if address is None:
        raise ServiceError(
            _(
                "Nobody with a confirmed account uses that e-mail address. Ask them to "
                "register on Mijn buurt Assen first."
            ),
            code="unknown",
        )
    user = address.user
    if venue.managers.filter(pk=user.pk).exists():
        raise ServiceError(_("%(name)s already manages this venue.") % {"name": user.public_name})
    venue.managers.add(user)
    notify(
        recipient=user,
        kind=MANAGER_ADDED.name,
        context={"venue": venue.name, "by": actor.public_name},
        url_name="venues:manage",
        url_kwargs={"slug": venue.slug},
    )
    return user


@transaction.atomic
def venue_manager_remove(*, venue: Venue, actor, user_id: int) -> None:
    """Remove a manager (oneself too), but never the last one."""
    _require_manager(actor, venue)
    locked = Venue.objects.select_for_update().get(pk=venue.pk)
    managers = list(locked.managers.values_list("pk", flat=True))
    if user_id not in managers:
        raise ServiceError(_("This person does not manage this venue."), code="unknown")
    if len(managers) == 1:
        raise ServiceError(
            _("A venue always has at least one manager. Add someone else first."), code="last"
        )
    locked.managers.remove(user_id)
