"""In a browser, per role: log in, land on "Mijn buurt", and reach the role's main work
by clicking the labels a person sees (no typed URLs after the login)."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.models import Status
from mijnbuurt.accounts.groups import staff_group_sync
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory, enable_totp
from tests.browser.session import log_in
from tests.helprequests.factories import file_request
from tests.initiatives.factories import make_grant, make_initiative
from tests.neighbourhoods.factories import (
    AreaTeamFactory,
    BuurtFactory,
    WijkFactory,
    team_professional,
)
from tests.venues.factories import RoomFactory, VenueFactory
from tests.volunteers.factories import ShiftFactory, TaskFactory, VolunteerProfileFactory, in_days
from venues.services import booking_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lariks(db):
    wijk = WijkFactory(name="Lariks", slug="lariks")
    return BuurtFactory(name="Lariks-West", slug="lariks-west", wijk=wijk)


def start_page(page):
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn buurt")
    assert_accessible(page)


def nav(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def test_resident_finds_an_initiative_of_their_wijk(page, lariks):
    organiser = UserFactory()
    make_initiative(by=organiser, neighbourhood=lariks, status=Status.PUBLISHED, title="Moestuin")
    UserFactory(email="kees@example.org", home_neighbourhood=lariks)

    log_in(page, "kees@example.org")
    start_page(page)
    region = page.locator("#neighbourhood-initiatives")
    expect(region.get_by_role("heading", name="Initiatieven in Lariks")).to_be_visible()
    region.get_by_role("link", name="Moestuin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moestuin")


def test_volunteer_finds_a_task_of_this_week_in_their_wijk(page, lariks):
    task = TaskFactory(neighbourhood=lariks, title="Bakken vullen")
    ShiftFactory(task=task, starts_at=in_days(2, 10))
    VolunteerProfileFactory(user=UserFactory(email="vera@example.org", home_neighbourhood=lariks))

    log_in(page, "vera@example.org")
    start_page(page)
    page.locator("#tasks-this-week").get_by_role("link", name="Bakken vullen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bakken vullen")
    expect(page.get_by_role("button", name=re.compile("Aanmelden|Inschrijven"))).to_be_visible()


def test_professional_reaches_the_team_queue_from_the_start_page(page, lariks):
    team = AreaTeamFactory(name="Gebiedsteam Lariks", neighbourhoods=[lariks.wijk])
    _, secret = team_professional(team, email="fatima@example.org", display_name="Fatima")
    file_request(UserFactory(), lariks)

    log_in(page, "fatima@example.org", totp_secret=secret)
    start_page(page)
    work = page.locator("#team-work")
    expect(work).to_contain_text("1 open hulpvraag")
    expect(nav(page).get_by_role("link", name="Teamwachtrij")).to_be_visible()
    work.get_by_role("link", name="Open de teamwachtrij").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulpvragen: wachtrij")


def test_staff_reach_grant_requests_and_the_admin_from_the_start_page(page, lariks):
    staff = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    staff.groups.add(staff_group_sync())
    secret = enable_totp(staff)
    organiser = UserFactory()
    initiative = make_initiative(
        by=organiser, neighbourhood=lariks, status=Status.PUBLISHED, title="Moestuin"
    )
    make_grant(initiative, organiser)

    log_in(page, "gemma@example.org", totp_secret=secret)
    start_page(page)
    expect(nav(page).get_by_role("link", name="Beheeromgeving")).to_be_visible()
    expect(page.locator("#staff-tools").get_by_role("link", name="Rapportages")).to_be_visible()
    page.get_by_role("link", name="1 subsidieaanvraag te beslissen").click()
    page.wait_for_url("**/initiatieven/beoordelen/#grant-requests")
    expect(page.locator("#grant-requests")).to_contain_text("Subsidieaanvragen te beslissen")
    page.get_by_role("link", name="Moestuin").click()
    expect(page.get_by_role("heading", name="Subsidie uit het stimuleringsbudget")).to_be_visible()
    page.goto("/mijn-buurt/")
    nav(page).get_by_role("link", name="Beheeromgeving").click()
    page.wait_for_url("**/admin/")


def test_venue_manager_reaches_the_bookings_to_approve(page, lariks):
    manager = UserFactory(email="bea@example.org", display_name="Bea")
    venue = VenueFactory(name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[manager])
    room = RoomFactory(venue=venue, name="Grote zaal", capacity=40)
    booking_request(
        booker=UserFactory(),
        room=room,
        date=timezone.localdate() + dt.timedelta(days=14),
        start_time=dt.time(19),
        end_time=dt.time(21),
        purpose="Bewonersavond",
        attendees=20,
        booker_kind="initiative",
    )

    log_in(page, "bea@example.org")
    start_page(page)
    nav(page).get_by_role("link", name="Locatiebeheer").click()
    management = page.locator("#venue-management")
    expect(management).to_contain_text("1 boeking om goed te keuren")
    management.get_by_role("link", name="Buurthuis Lariks beheren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Buurthuis Lariks beheren")
    expect(page.get_by_text("Bewonersavond")).to_be_visible()
