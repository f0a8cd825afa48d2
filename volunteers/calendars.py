"""The iCal feed (icalendar) of a volunteer's confirmed shifts, at a private URL."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import SignUp

PRODID = "-//Mijn buurt Assen//Vrijwilligerswerk//NL"


def task_address(task) -> str:
    """Where a task happens, as well as it is known: its organisation's address, or its
    neighbourhood in Assen."""
    organisation = task.organisation
    if organisation is not None and organisation.address:
        return f"{organisation.name}, {organisation.address}"
    return f"{task.neighbourhood.name}, Assen"


def agenda_feed(*, signups: list[SignUp], site_url: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("My volunteer shifts - Mijn buurt Assen"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    now = timezone.now()
    for signup in signups:
        shift = signup.shift
        task = shift.task
        event = Event()
        event.add("uid", f"volunteer-signup-{signup.pk}@mijnbuurt-assen")
        event.add("dtstamp", now)
        event.add("dtstart", shift.starts_at)
        event.add("dtend", shift.ends_at)
        event.add("summary", task.title)
        event.add("location", task_address(task))
        if task.latitude is not None and task.longitude is not None:
            event.add("geo", (task.latitude, task.longitude))
        event.add("description", task.description)
        event.add("status", "CONFIRMED")
        if site_url:
            event.add("url", site_url + reverse("volunteers:task", kwargs={"pk": task.pk}))
        calendar.add_component(event)
    return calendar.to_ical()
