"""Activities as iCal (icalendar): one activity's file, a wijk's feed and a person's
feed, each event with its page, place and description; the "add to Google Calendar"
link; the signed token of a person's feed.

The personal feed is read by calendar apps that cannot log in: its URL carries a token
signed with the site's key (``django.core.signing``, a salt of its own) that names the
person. The online link is in an event only for who may see it (registered people).
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from icalendar import Calendar, Event

from .models import Activity

PRODID = "-//Mijn buurt Assen//Activiteiten//NL"
FEED_SALT = "activities.personal-feed"
GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"


def _page_url(activity: Activity) -> str:
    return settings.SITE_URL + reverse("activities:detail", kwargs={"pk": activity.pk})


def _event(activity: Activity, *, show_online_link: bool) -> Event:
    event = Event()
    url = _page_url(activity)
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
    return event


def _calendar(name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def activity_ical(activity: Activity, *, show_online_link: bool) -> bytes:
    calendar = _calendar()
    calendar.add_component(_event(activity, show_online_link=show_online_link))
    return calendar.to_ical()


def activities_ical(activities: Iterable[Activity], *, name: str, show_online_link: bool) -> bytes:
    """A feed of ``activities`` (a wijk's: no online links; a person's: theirs)."""
    calendar = _calendar(name)
    for activity in activities:
        calendar.add_component(_event(activity, show_online_link=show_online_link))
    return calendar.to_ical()


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(activity: Activity) -> str:
    """A link that opens Google Calendar with the activity filled in (no online link)."""
    query = {
        "action": "TEMPLATE",
        "text": activity.title,
        "dates": f"{_utc(activity.start)}/{_utc(activity.end)}",
        "details": f"{activity.description}\n\n{_page_url(activity)}",
        "location": activity.place_text,
    }
    return f"{GOOGLE_TEMPLATE}?{urlencode(query)}"


def feed_token(user) -> str:
    return signing.dumps(user.pk, salt=FEED_SALT)


def feed_user_id(token: str) -> int | None:
    """The person a feed token names; None for a token that was not signed by us."""
    try:
        value = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
