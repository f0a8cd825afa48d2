"""By keyboard alone: a resident books a room (dates and times typed into the browser's
date and time fields), and the venue manager approves the booking.

Only keys (tests/browser/keyboard.py); the first Tab stop of every page is its skip link,
and every stop shows its focus.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.keyboard import Keyboard, log_in, log_out
from tests.venues.factories import RoomFactory, VenueFactory
from venues.models import Booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def test_resident_books_a_room_and_the_manager_approves_it_by_keyboard(no_tiles, venue_manager):
    page = no_tiles
    resident = UserFactory(email="wilma@example.org", display_name="Wilma")
    venue = VenueFactory(
        name="Buurthuis Lariks", slug="buurthuis-lariks", managers=[venue_manager], step_free=True
    )
    RoomFactory(venue=venue, name="Grote zaal", capacity=40)
    today = timezone.localdate()
    day = today + dt.timedelta(days=(2 - today.weekday()) % 7 + 14)
    keys = Keyboard(page)

    page.goto("/accounts/login/")
    log_in(keys, resident.email)
    before = keys.presses
    keys.skip_to_main()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    keys.activate(nav.get_by_role("link", name="Locaties"), backwards=True)
    page.wait_for_url("**/locaties/")
    keys.skip_to_main()
    keys.activate(page.get_by_role("link", name="Buurthuis Lariks"))
    page.wait_for_url("**/locaties/buurthuis-lariks/")
    keys.skip_to_main()
    keys.activate(page.get_by_role("link", name="Een ruimte boeken"))
    page.wait_for_url("**/locaties/buurthuis-lariks/boeken/")
    keys.skip_to_main()
    keys.type_date(page.get_by_label("Datum"), day)
    keys.type_time(page.get_by_label("Van", exact=True), 19, 0)
    keys.type_time(page.get_by_label("Tot", exact=True), 21, 0)
    keys.type_into(page.get_by_label("Waarvoor gebruik je de ruimte?"), "Bewonersavond")
    keys.type_into(page.get_by_label("Verwacht aantal personen"), "25")
    keys.choose_radio(page.get_by_label("Bewonersinitiatief"))
    keys.submit(
        page.get_by_role("button", name="Beschikbaarheid en prijs controleren"),
        "**/locaties/buurthuis-lariks/boeken/",
    )
    assert "Totale prijs:" in page.content()
    keys.skip_to_main()
    keys.submit(
        page.get_by_role("button", name="Boeking bevestigen"),
        re.compile(r"/locaties/boekingen/\d+/$"),
    )
    assert "Wacht op goedkeuring" in page.content()
    booked = keys.presses - before
    log_out(keys)

    page.goto("/accounts/login/")
    log_in(keys, venue_manager.email)
    before = keys.presses
    page.goto("/locaties/buurthuis-lariks/beheer/")
    keys.skip_to_main()
    keys.submit(
        page.get_by_role("button", name=re.compile("^Goedkeuren")),
        "**/locaties/buurthuis-lariks/beheer/",
    )
    assert "De boeking is goedgekeurd." in page.content()
    assert Booking.objects.get().status == Booking.Status.APPROVED
    assert_accessible(page)
    print(f"\nkeyboard: book a room {booked} presses; approve it {keys.presses - before} presses")
