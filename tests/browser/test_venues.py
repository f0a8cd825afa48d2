"""A resident books a room for an initiative's meeting; the manager approves; the week
view shows it as booked; an overlapping request is refused with a clear message. Each
page is scanned by axe."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from initiatives.models import Status
from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory
from tests.initiatives.factories import make_initiative
from tests.venues.factories import RoomFactory, VenueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-buurt/")


def log_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def request_room(
    page, day: dt.date, start: str, end: str, purpose: str, initiative: str = ""
) -> None:
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Van", exact=True).fill(start)
    page.get_by_label("Tot", exact=True).fill(end)
    page.get_by_label("Waarvoor gebruik je de ruimte?").fill(purpose)
    page.get_by_label("Verwacht aantal personen").fill("25")
    page.get_by_label("Bewonersinitiatief").check()
    if initiative:
        page.get_by_label("Voor een initiatief (optioneel)").select_option(label=initiative)
    page.get_by_role("button", name="Beschikbaarheid en prijs controleren").click()
    page.wait_for_load_state()


def test_resident_books_manager_approves_week_view_shows_it_and_overlap_is_refused(
    no_tiles, venue_manager
):
    page = no_tiles
    resident = UserFactory(email="wilma@example.org", display_name="Wilma")
    other = UserFactory(email="karel@example.org", display_name="Karel")
    venue = VenueFactory(
        name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[venue_manager], step_free=True
    )
    RoomFactory(venue=venue, name="Grote zaal", capacity=40)
    make_initiative(by=resident, status=Status.PUBLISHED, title="Repaircafé Lariks")
    today = timezone.localdate()
    day = today + dt.timedelta(days=(2 - today.weekday()) % 7 + 14)

    log_in(page, resident.email)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Locaties").click()
    page.wait_for_url("**/locaties/")
    assert_accessible(page)
    page.get_by_role("link", name="Buurthuis Lariks").click()
    page.wait_for_url("**/locaties/buurthuis-lariks/")
    assert_accessible(page)

    page.get_by_role("link", name="Een ruimte boeken").click()
    page.wait_for_url("**/locaties/buurthuis-lariks/boeken/")
    assert_accessible(page)
    request_room(page, day, "19:00", "21:00", "Bewonersavond", initiative="Repaircafé Lariks")
    assert "Totale prijs: € 10,00" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Boeking bevestigen").click()
    page.wait_for_url(re.compile(r"/locaties/boekingen/\d+/$"))
    assert "Wacht op goedkeuring" in page.content()
    assert page.get_by_role("link", name="Repaircafé Lariks").count() == 1
    assert_accessible(page)
    log_out(page)

    log_in(page, venue_manager.email)
    page.goto("/locaties/buurthuis-lariks/beheer/")
    assert "Bewonersavond" in page.content()
    assert "voor Repaircafé Lariks" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Goedkeuren")).click()
    page.wait_for_url("**/locaties/buurthuis-lariks/beheer/")
    assert "De boeking is goedgekeurd." in page.content()
    log_out(page)

    page.goto(f"/locaties/buurthuis-lariks/?week={day.isoformat()}")
    row = page.get_by_role("row", name=re.compile(day.strftime("%-d ")))
    assert "19:00\N{EN DASH}21:00 bezet" in " ".join(row.inner_text().split())
    assert "Bewonersavond" not in page.content()  # no details of other bookers

    log_in(page, other.email)
    page.goto("/locaties/buurthuis-lariks/boeken/")
    request_room(page, day, "20:00", "22:00", "Dansles")
    alert = page.get_by_role("alert")
    assert "de ruimte is op dat moment al geboekt" in alert.first.inner_text() or (
        "de ruimte is op dat moment al geboekt" in page.content()
    )
    assert page.get_by_role("button", name="Boeking bevestigen").count() == 0
    assert_accessible(page)


def test_manager_and_booking_pages_have_no_serious_accessibility_problems(no_tiles, venue_manager):
    page = no_tiles
    venue = VenueFactory(
        name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[venue_manager]
    )
    room = RoomFactory(venue=venue, name="Grote zaal", capacity=40)
    log_in(page, venue_manager.email)
    for path in [
        "/locaties/buurthuis-lariks/beheer/instellingen/",
        f"/locaties/buurthuis-lariks/beheer/ruimtes/{room.pk}/",
        "/locaties/buurthuis-lariks/beheer/openingstijden/",
        "/locaties/buurthuis-lariks/beheer/sluitingen/",
        "/locaties/buurthuis-lariks/beheer/beheerders/",
        "/locaties/mijn-boekingen/",
    ]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert_accessible(page)
