"""By keyboard alone: a resident starts an initiative from the list, saves it as a draft
and submits it for review. The place is chosen on the location picker's map with the
arrow keys and Enter.

Only keys (tests/browser/keyboard.py); the first Tab stop of every page is its skip link,
and every stop shows its focus.
"""

import datetime as dt
import re

import pytest

from initiatives.models import Initiative, Status
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.keyboard import Keyboard, log_in
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def test_resident_starts_an_initiative_and_submits_it_by_keyboard(no_tiles):
    page = no_tiles
    centrum = WijkFactory(name="Centrum", slug="centrum")
    BuurtFactory(name="Brinkkwartier", slug="brinkkwartier", wijk=centrum)
    UserFactory(email="wilma@example.org", display_name="Wilma")
    keys = Keyboard(page)

    page.goto("/accounts/login/")
    log_in(keys, "wilma@example.org")
    before = keys.presses
    keys.skip_to_main()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    keys.activate(nav.get_by_role("link", name="Initiatieven"), backwards=True)
    page.wait_for_url("**/initiatieven/")
    keys.skip_to_main()
    keys.activate(page.get_by_role("link", name="Start een initiatief"))
    page.wait_for_url("**/initiatieven/nieuw/")
    keys.skip_to_main()
    keys.type_into(page.get_by_label("Titel"), "Moestuin achter de Brink")
    keys.type_into(page.get_by_label("Korte samenvatting"), "Samen groente kweken.")
    keys.type_into(page.get_by_label("Beschrijving"), "Zes bakken en elke zaterdag koffie.")
    keys.choose(page.get_by_label("Thema"), "Groen en openbare ruimte")
    keys.choose(page.get_by_label("Buurt", exact=True), "Brinkkwartier (Centrum)")
    keys.type_date(page.get_by_label("Begindatum"), dt.date(2027, 4, 1))
    keys.type_date(page.get_by_label("Einddatum"), dt.date(2027, 10, 31))
    keys.check(page.get_by_label("Vrijwilligers"))
    # The place: Tab to the map, move it with an arrow key, Enter chooses its centre.
    keys.tab_to(page.get_by_role("region", name="Kaart: klik om de plek te kiezen"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    assert page.locator("[data-location-latitude]").input_value().startswith("52.")
    assert page.get_by_text("Er is een plek op de kaart gekozen.").is_visible()
    keys.submit(
        page.get_by_role("button", name="Opslaan als concept"), re.compile(r"/initiatieven/\d+/$")
    )
    assert "opgeslagen als concept" in page.content()
    keys.skip_to_main()
    keys.submit(
        page.get_by_role("button", name="Indienen ter beoordeling"),
        re.compile(r"/initiatieven/\d+/$"),
    )
    assert "Ingediend voor beoordeling" in page.content()
    initiative = Initiative.objects.get()
    assert initiative.status == Status.SUBMITTED
    assert initiative.start_date == dt.date(2027, 4, 1)
    assert initiative.has_location
    assert_accessible(page)
    print(f"\nkeyboard: start an initiative and submit it: {keys.presses - before} presses")
