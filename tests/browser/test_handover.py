"""In a browser: a resident asks for help with consent; the covering team hands it to a
volunteer through a private, anonymised task; the volunteer accepts and signs up; after
the professional confirms, the volunteer sees the contact details. Another team gets 404."""

import re

import pytest
from playwright.sync_api import expect

from helprequests.models import HelpRequest, HelpStatus
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.session import log_in
from tests.neighbourhoods.factories import (
    AreaTeamFactory,
    BuurtFactory,
    WijkFactory,
    team_professional,
)
from tests.volunteers.factories import TaskKindFactory, VolunteerProfileFactory, in_days
from volunteers.models import HandOver, TaskInvitation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Ik kan na mijn heupoperatie tijdelijk niet zelf naar de winkel."
RESIDENT_PHONE = "06 11112222"  # as the contact box shows it (national format)
TASK_TEXT = "Eens per week samen boodschappen doen bij de supermarkt in de buurt."


def log_out(page) -> None:
    page.context.clear_cookies()


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def test_help_request_is_handed_to_a_volunteer(no_tiles, browser, live_server):
    page = no_tiles
    # The professional works in a browser of her own and logs in once (a TOTP code
    # cannot be used twice).
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    pro = context.new_page()
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
    UserFactory(email="kees@example.org", display_name="Kees Bakker", home_neighbourhood=buurt)
    vera = VolunteerProfileFactory(
        user=UserFactory(email="vera@example.org", display_name="Vera de Vries")
    )
    vera.neighbourhoods.set([buurt])
    TaskKindFactory(name="Boodschappen", slug="boodschappen")
    TaskKindFactory(name="Persoonlijke verzorging", slug="verzorging", professional_only=True)

    # The resident asks for help and consents to an anonymised version for volunteers.
    log_in(page, "kees@example.org")
    page.goto("/hulpvragen/nieuw/")
    page.get_by_label("Boodschappen").check()
    page.get_by_label("Vertel in een paar woorden wat er aan de hand is").fill(QUESTION)
    page.get_by_label("Telefoonnummer").fill(RESIDENT_PHONE)
    page.get_by_label(re.compile("Ja, ze mogen mijn vraag")).check()
    page.get_by_role("button", name="Verstuur mijn hulpvraag").click()
    page.wait_for_url(re.compile(r"/hulpvragen/\d+/$"))
    request_path = page.url.removeprefix(live_server.url)
    help_request = HelpRequest.objects.get()
    assert help_request.consent_share_anonymised
    log_out(page)

    # A professional of another team gets "not found", also for the hand-over form.
    log_in(page, "sanne@example.org", totp_secret=secret_noord)
    assert page.goto(f"/team/hulpvragen/{help_request.pk}/").status == 404
    assert page.goto(f"/vrijwilligerswerk/overdragen/{help_request.pk}/").status == 404
    page.goto("/")
    log_out(page)

    # The covering team triages it and writes an anonymised task.
    log_in(pro, "fatima@example.org", totp_secret=secret_oost)
    pro.goto(f"/team/hulpvragen/{help_request.pk}/")
    pro.get_by_label("Nieuwe status").select_option("in_triage")
    pro.get_by_role("button", name="Status wijzigen").click()
    pro.wait_for_url(f"**/team/hulpvragen/{help_request.pk}/")
    assert_accessible(pro)
    pro.get_by_role("link", name="Aan een vrijwilliger overdragen").click()
    pro.wait_for_url(f"**/vrijwilligerswerk/overdragen/{help_request.pk}/")
    assert_accessible(pro)
    description = pro.get_by_label("Wat zou de vrijwilliger doen?")
    normal_border = pro.get_by_label("Titel").evaluate("el => getComputedStyle(el).borderTopColor")
    # Required and still empty, yet not red before anything was typed.
    assert description.evaluate("el => getComputedStyle(el).borderTopColor") == normal_border
    kinds = pro.get_by_label("Soort taak").locator("option").all_inner_texts()
    assert "Persoonlijke verzorging" not in kinds
    pro.get_by_label("Soort taak").select_option(label="Boodschappen")
    pro.get_by_label("Titel").fill("Boodschappen doen met iemand in Lariks")
    pro.get_by_label("Wat zou de vrijwilliger doen?").fill(f"Bel {RESIDENT_PHONE} voor meer.")
    pro.get_by_label("Datum", exact=True).fill(in_days(3).date().isoformat())
    pro.get_by_label("Van", exact=True).fill("10:00")
    pro.get_by_label("Tot", exact=True).fill("12:00")
    pro.get_by_role("button", name="Maak de privétaak").click()
    expect(pro.get_by_text("telefoonnummer te bevatten")).to_be_visible()  # refused, kept
    pro.get_by_label("Wat zou de vrijwilliger doen?").fill(TASK_TEXT)
    pro.get_by_role("button", name="Maak de privétaak").click()
    pro.wait_for_url(re.compile(r"/vrijwilligerswerk/overdrachten/\d+/$"))
    handover = HandOver.objects.get()
    handover_path = pro.url.removeprefix(live_server.url)
    assert_accessible(pro)
    pro.get_by_role("button", name=re.compile("Uitnodigen Vera")).click()
    pro.wait_for_url(f"**{handover_path}")
    invitation = TaskInvitation.objects.get()
    # Vera is also one of the volunteers the team trusts.
    pro.get_by_role("link", name="Beheer de vrijwilligers die je team vertrouwt").click()
    pro.wait_for_url("**/vrijwilligerswerk/gebiedsteams/vertrouwd/")
    pro.get_by_label("E-mailadres van de vrijwilliger").fill("vera@example.org")
    pro.get_by_role("button", name=re.compile("Toevoegen aan de lijst")).click()
    pro.wait_for_url("**/vrijwilligerswerk/gebiedsteams/vertrouwd/")
    expect(pro.get_by_role("cell", name="Vera de Vries")).to_be_visible()
    assert_accessible(pro)
    log_out(page)

    # The volunteer sees only the anonymised task, accepts and signs up.
    log_in(page, "vera@example.org")
    page.goto("/vrijwilligerswerk/gebiedsteams/taken/")
    expect(page.get_by_role("link", name="Boodschappen doen met iemand in Lariks")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/vrijwilligerswerk/uitnodigingen/{invitation.pk}/")
    assert_accessible(page)
    assert QUESTION not in page.content()
    page.get_by_role("button", name="Aannemen en een dienst kiezen").click()
    page.wait_for_url(f"**/vrijwilligerswerk/taken/{handover.task_id}/")
    assert TASK_TEXT in page.content()
    assert QUESTION not in page.content()
    assert RESIDENT_PHONE not in page.content()
    page.get_by_role("button", name=re.compile("^Aanmelden")).click()
    page.wait_for_url(f"**/vrijwilligerswerk/taken/{handover.task_id}/")
    expect(page.get_by_text("Je bent aangemeld").first).to_be_visible()
    assert_accessible(page)
    log_out(page)

    # The professional confirms the match; the request is handed to the volunteer.
    pro.goto(handover_path)
    pro.get_by_role("button", name=re.compile("Bevestig de match")).click()
    pro.wait_for_url(f"**{handover_path}")
    assert_accessible(pro)
    help_request.refresh_from_db()
    assert help_request.status == HelpStatus.HANDED_TO_VOLUNTEER

    # Now the volunteer sees the contact details, and nothing else of the request.
    log_in(page, "vera@example.org")
    page.goto(f"/vrijwilligerswerk/taken/{handover.task_id}/")
    box = page.get_by_role("region", name="Contactgegevens")
    expect(box).to_be_visible()
    assert RESIDENT_PHONE in box.inner_text()
    assert "Kees Bakker" in box.inner_text()
    assert QUESTION not in page.content()
    assert_accessible(page)
    log_out(page)

    # The resident reads that a volunteer was found (first name only) and who looked.
    log_in(page, "kees@example.org")
    page.goto(request_path)
    expect(page.get_by_text("We hebben een vrijwilliger voor je gevonden: Vera.")).to_be_visible()
    assert "de Vries" not in page.locator("main p.mb-notice").inner_text()
    expect(page.locator("main p.mb-notice")).to_contain_text("10:00")  # the agreed time
    assert_accessible(page)
    context.close()
