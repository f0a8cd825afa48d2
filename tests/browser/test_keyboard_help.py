"""By keyboard alone: a resident asks for help; a professional of the covering area team
logs in with the second factor, opens it from the team queue and triages it.

Only keys (tests/browser/keyboard.py); the first Tab stop of every page is its skip link,
and every stop shows its focus.
"""

import re

import pytest
from playwright.sync_api import expect

from helprequests.models import HelpRequest
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.keyboard import Keyboard, log_in, log_out
from tests.neighbourhoods.factories import (
    AreaTeamFactory,
    BuurtFactory,
    WijkFactory,
    team_professional,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_asks_for_help_and_the_team_triages_it_by_keyboard(page, live_server):
    lariks = WijkFactory(name="Lariks", slug="lariks")
    buurt = BuurtFactory(name="Lariks-West", slug="lariks-west", wijk=lariks)
    team = AreaTeamFactory(name="Gebiedsteam Oost", neighbourhoods=[lariks])
    _, secret = team_professional(
        team, email="fatima@example.org", display_name="Fatima", is_coordinator=True
    )
    UserFactory(email="kees@example.org", display_name="Kees", home_neighbourhood=buurt)
    keys = Keyboard(page)

    # The resident asks for help from the main menu.
    page.goto("/accounts/login/")
    log_in(keys, "kees@example.org")
    keys.skip_to_main()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    # The main menu is in the header, before main: back up to it with Shift+Tab.
    keys.activate(nav.get_by_role("link", name="Vraag om hulp"), backwards=True)
    page.wait_for_url("**/hulpvragen/nieuw/")
    asked_from = keys.presses
    keys.skip_to_main()
    keys.choose_radio(page.get_by_label("Boodschappen"))
    keys.type_into(
        page.get_by_label("Vertel in een paar woorden wat er aan de hand is"),
        "Ik kan tijdelijk niet zelf naar de winkel.",
    )
    keys.type_into(page.get_by_label("Telefoonnummer"), "06-11112222")
    keys.choose_radio(page.get_by_label(re.compile("Ja, ze mogen mijn vraag")))
    keys.submit(
        page.get_by_role("button", name="Verstuur mijn hulpvraag"),
        re.compile(r"/hulpvragen/\d+/$"),
    )
    help_request = HelpRequest.objects.get()
    assert help_request.team == team
    resident_presses = keys.presses
    print(
        f"\nkeyboard: resident asks for help: {resident_presses} presses "
        f"(the form itself: {resident_presses - asked_from})"
    )
    log_out(keys)

    # The professional logs in with TOTP and triages it from the queue.
    page.goto("/accounts/login/")
    log_in(keys, "fatima@example.org", totp_secret=secret)
    before = keys.presses
    page.goto("/team/")
    keys.skip_to_main()
    keys.activate(page.get_by_role("link", name=f"Hulpvraag {help_request.pk}"))
    page.wait_for_url(f"**/team/hulpvragen/{help_request.pk}/")
    keys.skip_to_main()
    keys.submit(
        page.get_by_role("button", name="Aan mij toewijzen"),
        f"**/team/hulpvragen/{help_request.pk}/**",
    )
    keys.skip_to_main()
    keys.choose(page.get_by_label("Nieuwe status"), "Start de triage")
    keys.submit(
        page.get_by_role("button", name="Status wijzigen"),
        f"**/team/hulpvragen/{help_request.pk}/**",
    )
    keys.skip_to_main()
    keys.type_into(page.get_by_label("Je bericht"), "Op welke dagen ben je thuis?")
    keys.submit(
        page.get_by_role("button", name="Verstuur en vraag om meer informatie"),
        f"**/team/hulpvragen/{help_request.pk}/**",
    )
    help_request.refresh_from_db()
    assert help_request.assignee.email == "fatima@example.org"
    assert help_request.status == "in_triage"
    assert help_request.messages.get().asks_for_information
    expect(page.get_by_text("Op welke dagen ben je thuis?").first).to_be_visible()
    assert_accessible(page)
    print(f"keyboard: team triage (after log-in): {keys.presses - before} presses")
