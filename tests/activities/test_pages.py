"""The list with its filters, an activity's page, planning one through the form,
registering through the page, the calendar file, the neighbourhood section and the
start page panel."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Registration
from venues.models import Booking

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db

LIST = reverse("activities:list")


def _titles(response) -> list[str]:
    return [a.title for a in response.context["page"].object_list]


def test_list_shows_upcoming_activities_soonest_first(client, organisation, places):
    later = ActivityFactory(organisation=organisation, title="Later")
    sooner = ActivityFactory(
        organisation=organisation, title="Eerder", start=later.start - dt.timedelta(days=2)
    )
    ActivityFactory(
        organisation=organisation,
        title="Voorbij",
        start=timezone.now() - dt.timedelta(days=2),
        end=timezone.now() - dt.timedelta(days=2) + dt.timedelta(hours=1),
    )
    ActivityFactory(organisation=organisation, title="Afgelast", status="cancelled")
    assert _titles(client.get(LIST)) == [sooner.title, later.title]


def test_list_filters(client, organisation, places):
    ActivityFactory(
        organisation=organisation, title="Koffie Pittelo", neighbourhood=places["pittelo"]
    )
    ActivityFactory(
        organisation=organisation,
        title="Voetbal Kloosterveen",
        kind=Activity.Kind.SPORTS,
        neighbourhood=places["kloosterveen"],
        is_free=False,
        costs="2 euro",
        audience=Activity.Audience.CHILDREN,
        step_free=True,
        start=timezone.now() + dt.timedelta(days=20),
        end=timezone.now() + dt.timedelta(days=20, hours=1),
    )
    assert _titles(client.get(LIST, {"neighbourhood": "noord"})) == ["Koffie Pittelo"]
    assert _titles(client.get(LIST, {"kind": "sports"})) == ["Voetbal Kloosterveen"]
    assert _titles(client.get(LIST, {"free": "on"})) == ["Koffie Pittelo"]
    assert _titles(client.get(LIST, {"children": "on"})) == ["Voetbal Kloosterveen"]
    assert _titles(client.get(LIST, {"accessible": "on"})) == ["Voetbal Kloosterveen"]
    until = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    assert _titles(client.get(LIST, {"to_date": until})) == ["Koffie Pittelo"]
    since = (timezone.localdate() + dt.timedelta(days=15)).isoformat()
    assert _titles(client.get(LIST, {"from_date": since})) == ["Voetbal Kloosterveen"]


def test_bad_filter_values_give_no_error(client, activity):
    response = client.get(LIST, {"from_date": "gisteren", "pagina": "x", "kind": "nope"})
    assert response.status_code == 200


def test_register_through_the_page_and_cancel(client, activity, resident):
    client.force_login(resident)
    url = reverse("activities:detail", kwargs={"pk": activity.pk})
    register = reverse("activities:register", kwargs={"pk": activity.pk})
    assert f'action="{register}"' in client.get(url).content.decode()
    response = client.post(register, follow=True)
    assert f'action="{reverse("activities:unregister", kwargs={"pk": activity.pk})}"' in (
        response.content.decode()
    )
    assert Registration.objects.get(user=resident).status == "registered"
    client.post(reverse("activities:unregister", kwargs={"pk": activity.pk}))
    assert Registration.objects.get(user=resident).status == "cancelled"


def test_calendar_file_has_the_url_address_and_description(client, activity):
    response = client.get(reverse("activities:calendar", kwargs={"pk": activity.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode().replace("\r\n ", "")
    assert f"/activiteiten/{activity.pk}/" in body
    assert "Brink 1\\, Assen" in body
    assert "Koffie\\, thee en een praatje" in body
    assert "SUMMARY:Koffieochtend Pittelo" in body


def test_organiser_plans_an_activity_in_a_room(client, organiser, organisation, room, places):
    client.force_login(organiser)
    day = timezone.localdate() + dt.timedelta(days=9)
    response = client.post(
        reverse("activities:create"),
        {
            "acting_for": f"organisation:{organisation.pk}",
            "title": "Informatieavond",
            "description": "Over de nieuwe speeltuin.",
            "kind": "information",
            "audience": "everyone",
            "neighbourhood": places["pittelo"].pk,
            "date": day.isoformat(),
            "start_time": "19:00",
            "end_time": "21:00",
            "place": "room",
            "room": room.pk,
            "is_free": "on",
            "registration": "platform",
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/activiteiten/{activity.pk}/")
    assert activity.capacity == room.capacity
    assert Booking.objects.get().room == room


def test_resident_without_an_organisation_is_told_how_to_organise(client, resident):
    client.force_login(resident)
    response = client.get(reverse("activities:create"))
    assert response.status_code == 200
    assert "form" not in response.context


def test_neighbourhood_page_and_start_page_show_activities(client, activity, places, resident):
    page = client.get(reverse("neighbourhoods:detail", kwargs={"slug": "noord"}))
    assert activity.title in page.content.decode()
    resident.home_neighbourhood = places["pittelo"]
    resident.save()
    client.force_login(resident)
    start = client.get(reverse("start"))
    assert activity.title in start.content.decode()


def test_header_links_to_activities(client, db):
    assert 'href="/activiteiten/"' in client.get(LIST).content.decode()
