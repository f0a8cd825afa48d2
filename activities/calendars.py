"""One activity as an iCal file (icalendar), with its page, place and description."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Activity

PRODID = "-//Mijn buurt Assen//Activiteiten//NL"


def activity_ical(activity: Activity, *, show_online_link: bool) -> bytes:
    """The online link is in the file only for who may see it (registered people)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    event = Event()
    url = settings.SITE_URL + reverse("activities:detail", kwargs={"pk": activity.pk})
    event.add("uid", f"activity-{activity.pk}@mijnbuurt-assen")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", activity.start)
    event.add("dtend", activity.end)
    event.add("summary", activity.title)
    location = activity.place_text
    if activity.place == Activity.Place.ONLINE and show_online_link:
        location = activity.online_link
    event.add("location", location)
    event.add("url", url)
    event.add("description", f"{activity.description}\n\n{url}")
    event.add("status", "CANCELLED" if activity.is_cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
