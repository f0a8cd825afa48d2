"""Attendance buttons, saving the same hours twice, and what an agenda event holds."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from mijnbuurt.notifications.models import Notification
from tests.neighbourhoods.factories import OrganisationFactory
from volunteers.models import SignUp
from volunteers.services import shift_sign_up
from volunteers.services.hours import signup_hours_confirm

from .factories import ShiftFactory, signup_in_the_past

pytestmark = pytest.mark.django_db


def test_confirming_the_same_hours_again_is_not_an_error(client, resident):
    signup = signup_in_the_past(volunteer=resident)
    organiser = signup.shift.task.created_by
    signup_hours_confirm(signup=signup, by=organiser, hours=Decimal("2"))
    signup_hours_confirm(signup=signup, by=organiser, hours=Decimal("2"))  # no error
    signup.refresh_from_db()
    assert (signup.hours, signup.hours_status) == (Decimal("2.00"), SignUp.Hours.CONFIRMED)
    assert Notification.objects.filter(recipient=resident).count() == 1  # told once


def test_attendance_has_two_clear_buttons_showing_the_choice(client, resident):
    signup = signup_in_the_past(volunteer=resident)
    task = signup.shift.task
    client.force_login(task.created_by)
    url = reverse("volunteers:manage_task", args=[task.pk])
    page = client.get(url).content.decode()
    assert 'name="attended" value="yes" aria-pressed="false"' in page
    assert 'name="attended" value="no" aria-pressed="false"' in page
    attendance = reverse("volunteers:signup_attendance", args=[signup.pk])
    for _twice in range(2):  # the same choice again is fine
        response = client.post(attendance, {"attended": "yes"}, follow=True)
        assert all(m.level_tag == "success" for m in response.context["messages"])
    page = client.get(url).content.decode()
    assert 'name="attended" value="yes" aria-pressed="true"' in page
    assert 'name="attended" value="no" aria-pressed="false"' in page


def test_agenda_events_have_the_task_link_address_and_description(client, resident):
    place = OrganisationFactory(name="Buurthuis De Bron", address="Thorbeckelaan 1, Assen")
    shift = ShiftFactory(
        task__title="Koffie schenken",
        task__description="Koffie en thee voor de bezoekers.",
        task__organisation=place,
    )
    shift_sign_up(shift=shift, volunteer=resident)
    client.force_login(resident)
    page = client.get(reverse("volunteers:agenda"))
    feed_url = page.context["feed_url"]
    html = page.content.decode()
    assert f'readonly value="{feed_url}"' in html
    assert 'href="webcal://' + feed_url.split("://", 1)[1] + '"' in html
    assert 'data-copy="feed-url"' in html
    assert "js/copy-field.js" in html
    client.logout()

    [event] = Calendar.from_ical(client.get(feed_url).content).walk("VEVENT")
    task_url = settings.SITE_URL + reverse("volunteers:task", args=[shift.task.pk])
    assert str(event["url"]) == task_url
    assert str(event["location"]) == "Buurthuis De Bron, Thorbeckelaan 1, Assen"
    assert str(event["description"]) == "Koffie en thee voor de bezoekers."
