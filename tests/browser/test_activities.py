"""Activities in the browser, on a phone (375 px): a resident finds a coffee morning in
their wijk, registers and downloads the calendar file; the organiser sees them in the
registrant list; the organiser checks people in at the door on a phone and writes how
it went afterwards. Every page is scanned by axe.

The pages are visited in English (/en/): the Dutch of this app's texts comes with the
catalogue, and the flow is the same in both languages.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from activities.models import Registration
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.activities.factories import ActivityFactory
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


def _log_in(context, base_url: str, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def test_resident_finds_a_coffee_morning_registers_and_adds_it_to_the_calendar(
    browser, live_server
):
    noord = WijkFactory(name="Noord", slug="noord")
    zuid = WijkFactory(name="Zuid", slug="zuid")
    pittelo = BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord)
    kloosterveen = BuurtFactory(name="Kloosterveen", slug="kloosterveen", wijk=zuid)
    organiser = UserFactory(email="olga@example.org", display_name="Olga")
    organisation = OrganisationFactory(name="Stichting Samen", slug="stichting-samen")
    organisation.members.add(organiser)
    ActivityFactory(
        title="Koffieochtend Pittelo",
        organisation=organisation,
        created_by=organiser,
        neighbourhood=pittelo,
    )
    ActivityFactory(
        title="Koffieochtend Kloosterveen", organisation=organisation, neighbourhood=kloosterveen
    )
    ActivityFactory(
        title="Voetbal Pittelo", kind="sports", organisation=organisation, neighbourhood=pittelo
    )
    anna = UserFactory(email="anna@example.org", display_name="Anna", home_neighbourhood=pittelo)

    phone = browser.new_context(
        viewport=PHONE, locale="nl-NL", base_url=live_server.url, accept_downloads=True
    )
    page = phone.new_page()
    _log_in(phone, live_server.url, anna)
    page.goto("/en/activiteiten/")
    assert_accessible(page)
    page.get_by_label("Neighbourhood").select_option(label="Noord")
    page.get_by_label("Kind").select_option(label="Coffee morning")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Koffieochtend Pittelo")).to_be_visible()
    expect(page.get_by_role("link", name="Koffieochtend Kloosterveen")).to_have_count(0)
    expect(page.get_by_role("link", name="Voetbal Pittelo")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Koffieochtend Pittelo").click()
    page.wait_for_url(re.compile(r"/en/activiteiten/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.", exact=True)).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(user=anna).status == "registered"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    text = Path(download.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    assert "SUMMARY:Koffieochtend Pittelo" in text
    assert "Brink 1\\, Assen" in text
    assert "/activiteiten/" in text

    # The organiser sees Anna in the registrant list.
    desk = browser.new_context(base_url=live_server.url)
    organiser_page = desk.new_page()
    _log_in(desk, live_server.url, organiser)
    organiser_page.goto(
        page.url.replace("/en/activiteiten/", "/en/activiteiten/") + "aanmeldingen/"
    )
    expect(organiser_page.get_by_role("cell", name="Anna", exact=True)).to_be_visible()
    assert_accessible(organiser_page)
    organiser_page.goto("/en/activiteiten/nieuw/")
    assert_accessible(organiser_page)
    organiser_page.goto(page.url + "bewerken/")
    assert_accessible(organiser_page)
    organiser_page.goto(page.url + "annuleren/")
    assert_accessible(organiser_page)
    phone.close()
    desk.close()


def test_organiser_checks_people_in_at_the_door_on_a_phone(browser, live_server):
    """Anna shows her code on "My activities"; the organiser, on a phone, types it
    (as a scanner would, ending with Enter), then marks Bert present by hand; after
    the activity they write how it went."""
    import datetime as dt

    from django.utils import timezone

    from activities.services import registration_create

    pittelo = BuurtFactory(name="Pittelo", slug="pittelo", wijk=WijkFactory(slug="noord"))
    organiser = UserFactory(email="olga@example.org", display_name="Olga")
    organisation = OrganisationFactory(name="Stichting Samen", slug="stichting-samen")
    organisation.members.add(organiser)
    start = timezone.now() + dt.timedelta(hours=1)
    activity = ActivityFactory(
        title="Koffieochtend Pittelo",
        organisation=organisation,
        created_by=organiser,
        neighbourhood=pittelo,
        start=start,
        end=start + dt.timedelta(hours=2),
    )
    anna = UserFactory(email="anna@example.org", display_name="Anna")
    bert = UserFactory(email="bert@example.org", display_name="Bert")
    code = registration_create(activity=activity, user=anna).code
    registration_create(activity=activity, user=bert)

    resident = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    page = resident.new_page()
    _log_in(resident, live_server.url, anna)
    page.goto("/en/activiteiten/mijn/")
    expect(page.get_by_text(code, exact=True)).to_be_visible()
    expect(page.get_by_role("img", name=f"QR code of check-in code {code}")).to_be_visible()
    assert_accessible(page)

    door = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    desk = door.new_page()
    _log_in(door, live_server.url, organiser)
    desk.goto(f"/en/activiteiten/{activity.pk}/")
    desk.get_by_role("link", name="Check-in at the door").click()
    desk.wait_for_url(re.compile(r"/aanwezig/$"))
    assert_accessible(desk)
    desk.get_by_label("Check-in code").fill(code.lower())
    desk.get_by_label("Check-in code").press("Enter")
    expect(desk.get_by_text("Present: Anna", exact=True)).to_be_visible()
    expect(desk.get_by_text("Present: 1 of 2 registered")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_label("Check-in code").fill(code)
    desk.get_by_label("Check-in code").press("Enter")
    expect(desk.get_by_text("Anna is already checked in", exact=False)).to_be_visible()
    desk.get_by_role("button", name="Mark Bert present").click()
    expect(desk.get_by_text("Present: 2 of 2 registered")).to_be_visible()
    assert_accessible(desk)
    assert Registration.objects.filter(attended_at__isnull=False).count() == 2
    # Nothing is wider than the phone.
    assert desk.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    desk.goto(f"/en/activiteiten/{activity.pk}/aanmeldingen/")
    expect(desk.get_by_text("Present: 2 of 2 registered")).to_be_visible()
    assert_accessible(desk)

    # Afterwards the organiser writes how it went: the count starts at who checked in.
    type(activity).objects.filter(pk=activity.pk).update(
        start=start - dt.timedelta(hours=4), end=start - dt.timedelta(hours=2)
    )
    desk.goto(f"/en/activiteiten/{activity.pk}/")
    desk.get_by_role("link", name="Write how it went").click()
    expect(desk.get_by_label("How many people came")).to_have_value("2")
    assert_accessible(desk)
    desk.get_by_label("How many people came").fill("5")
    desk.get_by_label("What happened").fill("Drie nieuwe buren kwamen koffie drinken.")
    desk.get_by_role("button", name="Save the report").click()
    expect(desk.get_by_text("5 people came.")).to_be_visible()
    expect(desk.get_by_text("Drie nieuwe buren kwamen koffie drinken.")).to_be_visible()
    assert_accessible(desk)
    resident.close()
    door.close()
