"""Calendar feeds: a wijk's public feed of its coming activities and a person's feed
(a signed token in the URL) of the activities they have a place at; the activity page
links to the .ics file and to Google Calendar."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from activities.calendars import feed_token, google_calendar_url
from tests.accounts.factories import UserFactory

from .factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode().replace("\r\n ", "")


def _wijk_feed(client, slug: str):
    return client.get(reverse("activities:wijk_calendar", kwargs={"slug": slug}))


def test_wijk_feed_has_the_wijks_coming_activities_only(client, activity, places, organisation):
    ActivityFactory(title="Zuidfeest", organisation=organisation, neighbourhood=places["zuid"])
    ActivityFactory(
        title="Afgelast",
        organisation=organisation,
        neighbourhood=places["noord"],
        status="cancelled",
    )
    past = timezone.now() - dt.timedelta(days=3)
    ActivityFactory(
        title="Voorbij",
        organisation=organisation,
        neighbourhood=places["pittelo"],
        start=past,
        end=past + dt.timedelta(hours=1),
    )
    response = _wijk_feed(client, "noord")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = _text(response)
    assert "SUMMARY:Koffieochtend Pittelo" in text  # in a buurt of the wijk
    for other in ("Zuidfeest", "Afgelast", "Voorbij"):
        assert other not in text
    assert f"URL:{settings.SITE_URL}/activiteiten/{activity.pk}/" in text
    assert "LOCATION:Brink 1\\, Assen" in text
    assert "DESCRIPTION:Koffie\\, thee" in text
    assert "X-WR-CALNAME:Activiteiten Noord" in text


def test_wijk_feed_of_a_buurt_or_unknown_slug_is_404(client, places):
    assert _wijk_feed(client, "pittelo").status_code == 404
    assert _wijk_feed(client, "nergens").status_code == 404


def test_wijk_feed_never_shows_an_online_link(client, activity):
    activity.place = "online"
    activity.online_link = "https://meet.example.org/geheim"
    activity.save()
    assert "meet.example.org" not in _text(_wijk_feed(client, "noord"))


def test_personal_feed_has_my_places_with_the_online_link(client, activity, organisation):
    person = UserFactory()
    activity.place = "online"
    activity.online_link = "https://meet.example.org/koffie"
    activity.save()
    RegistrationFactory(activity=activity, user=person)
    waiting = ActivityFactory(title="Wachtlijst", organisation=organisation)
    RegistrationFactory(activity=waiting, user=person, status="waiting")
    someone_elses = ActivityFactory(title="Van een ander", organisation=organisation)
    RegistrationFactory(activity=someone_elses)
    url = reverse("activities:personal_calendar", kwargs={"token": feed_token(person)})
    text = _text(client.get(url))
    assert "SUMMARY:Koffieochtend Pittelo" in text
    assert "meet.example.org/koffie" in text
    assert "Wachtlijst" not in text
    assert "Van een ander" not in text


def test_personal_feed_shows_a_cancelled_activity_as_cancelled(client, activity, registrant):
    activity.status = "cancelled"
    activity.save()
    url = reverse("activities:personal_calendar", kwargs={"token": feed_token(registrant)})
    assert "STATUS:CANCELLED" in _text(client.get(url))


def test_my_activities_page_shows_the_subscribe_link(client, registrant):
    client.force_login(registrant)
    with translation.override("en"):
        page = client.get(reverse("activities:mine")).content.decode()
    assert f"/activiteiten/agenda/{feed_token(registrant)}.ics" in page
    assert "/en/activiteiten/agenda/" not in page  # the address in the site's language


def test_activity_page_links_to_google_calendar(client, activity):
    page = client.get(reverse("activities:detail", kwargs={"pk": activity.pk})).content.decode()
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in page
    query = parse_qs(urlsplit(google_calendar_url(activity)).query)
    assert query["text"] == ["Koffieochtend Pittelo"]
    assert query["location"] == ["Brink 1, Assen"]
    start, end = query["dates"][0].split("/")
    assert start.endswith("Z")
    assert end.endswith("Z")
    assert f"/activiteiten/{activity.pk}/" in query["details"][0]
