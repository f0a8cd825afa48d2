"""iCal feeds (icalendar): a room's bookings for its managers, a person's own bookings.

Both live at a private URL with a random token, for calendar apps that cannot log in.
The room feed shows the booker's purpose and name only to who holds the token: the
venue's managers see it on their management page.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Booking, CalendarFeed

PRODID = "-//Mijn buurt Assen//Locaties//NL"


def user_feed_token(*, user) -> str:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed.token


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(booking: Booking, *, summary: str) -> Event:
    event = Event()
    event.add("uid", f"booking-{booking.pk}@mijnbuurt-assen")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.start)
    event.add("dtend", booking.end)
    event.add("summary", summary)
    event.add(
        "location", f"{booking.room.name}, {booking.room.venue.name}, {booking.room.venue.address}"
    )
    event.add("status", "CONFIRMED" if booking.status == Booking.Status.APPROVED else "TENTATIVE")
    event.add("url", settings.SITE_URL + reverse("venues:booking", kwargs={"pk": booking.pk}))
    details = [booking.purpose, f"{booking.room.name}, {booking.room.venue.name}"]
    if booking.initiative_id:
        details.append(_("For the initiative: %(title)s") % {"title": booking.initiative.title})
    event.add("description", "\n".join(details))
    return event


def room_feed(*, room, bookings) -> bytes:
    calendar = _calendar(f"{room.venue.name} - {room.name}")
    for booking in bookings:
        summary = f"{booking.purpose} ({booking.booker.public_name})"
        if booking.status == Booking.Status.PENDING:
            summary = _("Waiting for approval: %(summary)s") % {"summary": summary}
        calendar.add_component(_event(booking, summary=summary))
    return calendar.to_ical()


def user_feed(*, bookings) -> bytes:
    calendar = _calendar(_("My bookings - Mijn buurt Assen"))
    for booking in bookings:
        summary = f"{booking.purpose} - {booking.room.venue.name}"
        if booking.status == Booking.Status.PENDING:
            summary = _("Waiting for approval: %(summary)s") % {"summary": summary}
        calendar.add_component(_event(booking, summary=summary))
    return calendar.to_ical()
