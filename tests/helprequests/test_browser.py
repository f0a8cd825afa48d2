"""In a browser: a resident asks for help; the covering team triages and answers;
a professional of another team cannot open it. Key pages are scanned with axe."""

import re

import pytest
from playwright.sync_api import expect

from helprequests.models import HelpRequest
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.session import log_in, log_out
from tests.neighbourhoods.factories import (
    AreaTeamFactory,
    BuurtFactory,
    WijkFactory,
    team_professional,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("page", [{"width": 390, "height": 844}], indirect=True)
def test_resident_asks_for_help_the_covering_team_answers_another_team_cannot_see_it(
    page, live_server
):
    lariks = WijkFactory(name="Lariks", slug="lariks")
    buurt = BuurtFactory(name="Lariks-West", slug="lariks-west", wijk=lariks)
    team_oost = AreaTeamFactory(name="Gebiedsteam Oost", neighbourhoods=[lariks])
    team_noord = AreaTeamFactory(name="Gebiedsteam Noord")
    _, secret_oost = team_professional(
        team_oost, email="fatima@example.org", display_name="Fatima", is_coordinator=True
    )
    _, secret_noord = team_professional(
        team_noord, email="sanne@example.org", display_name="Sanne", is_coordinator=True
    )
    UserFactory(email="kees@example.org", display_name="Kees", home_neighbourhood=buurt)

    # The resident asks for help, on a phone-sized screen.
    log_in(page, "kees@example.org")
    page.goto("/hulpvragen/nieuw/")
    assert_accessible(page)
    page.get_by_label("Boodschappen").check()
    page.get_by_label("Vertel in een paar woorden wat er aan de hand is").fill(
        "Ik kan tijdelijk niet zelf naar de winkel."
    )
    page.get_by_label("Telefoonnummer").fill("06-11112222")
    page.get_by_label(re.compile("Ja, ze mogen mijn vraag")).check()
    page.get_by_role("button", name="Verstuur mijn hulpvraag").click()
    page.wait_for_url(re.compile(r"/hulpvragen/\d+/$"))
    assert_accessible(page)
    request_path = page.url.removeprefix(live_server.url)
    help_request = HelpRequest.objects.get()
    assert help_request.team == team_oost
    log_out(page)

    # A professional of another team gets "not found".
    log_in(page, "sanne@example.org", totp_secret=secret_noord)
    response = page.goto(f"/team/hulpvragen/{help_request.pk}/")
    assert response.status == 404
    page.goto("/")
    log_out(page)

    # The covering team triages it and asks for more information.
    log_in(page, "fatima@example.org", totp_secret=secret_oost)
    page.goto("/team/")
    assert_accessible(page)
    page.get_by_role("link", name=f"Hulpvraag {help_request.pk}").click()
    page.wait_for_url(f"**/team/hulpvragen/{help_request.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="Aan mij toewijzen").click()
    page.get_by_label("Nieuwe status").select_option("in_triage")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_label("Je bericht").fill("Op welke dagen ben je thuis?")
    page.get_by_role("button", name="Verstuur en vraag om meer informatie").click()
    page.wait_for_url(f"**/team/hulpvragen/{help_request.pk}/")
    assert help_request.messages.get().asks_for_information
    page.goto("/team/overzicht/")
    assert_accessible(page)
    log_out(page)

    # The resident sees the answer, the history and who looked, and replies.
    log_in(page, "kees@example.org")
    page.goto(request_path)
    expect(page.get_by_text("Op welke dagen ben je thuis?")).to_be_visible()
    expect(page.get_by_text("Iemand van het gebiedsteam bekijkt je hulpvraag.")).to_be_visible()
    expect(page.get_by_role("cell", name="Fatima").first).to_be_visible()
    page.get_by_label("Je bericht").fill("Maandag en woensdag.")
    page.get_by_role("button", name="Stuur naar het gebiedsteam").click()
    page.wait_for_url(f"**{request_path}")
    assert help_request.messages.filter(direction="from_resident").exists()
