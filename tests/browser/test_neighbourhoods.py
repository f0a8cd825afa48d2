"""A resident finds their neighbourhood by postcode, then explores the wijk page and the map."""

import json
import re
from pathlib import Path

import pytest
import responses
from django.conf import settings

from neighbourhoods.services import neighbourhood_import
from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
BOUNDARIES = [
    ROOT / "neighbourhoods" / "data" / "assen-wijken-2023.geojson",
    ROOT / "neighbourhoods" / "data" / "assen-buurten-2022.geojson",
]
RECORDING = ROOT / "tests" / "neighbourhoods" / "recordings" / "pdok_free_found.json"


@pytest.fixture
def assen(transactional_db):
    neighbourhood_import(paths=BOUNDARIES)


@pytest.fixture
def pdok(live_server):
    """The live server's calls to PDOK get the recorded answer; nothing leaves the machine."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_passthru(live_server.url)
        mock.get(
            settings.GEOCODER_URL.rstrip("/") + "/free", json=json.loads(RECORDING.read_text())
        )
        yield mock


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


def test_resident_sets_neighbourhood_by_postcode_and_opens_wijk_page_and_map(
    no_tiles, assen, pdok
):
    page = no_tiles
    UserFactory(email="henk@example.org", display_name="Henk")
    log_in(page, "henk@example.org")
    page.goto("/profiel/")
    page.get_by_label("Postcode").fill("9401 AA")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_role("button", name="Vind mijn buurt").click()
    page.wait_for_url("**/profiel/")
    assert "in de wijk Centrum" in page.content()
    assert len(pdok.calls) == 1
    facts = page.locator(".mb-facts").inner_text()
    assert "Wijk" in facts
    assert "Centrum" in facts
    assert_accessible(page)

    page.locator(".mb-facts").get_by_role("link", name="Centrum").click()
    page.wait_for_url("**/wijken/centrum/")
    assert page.get_by_role("heading", level=1).inner_text() == "Centrum"
    page.wait_for_selector("#neighbourhood-map path.leaflet-interactive")
    assert "Kadaster / Centraal Bureau voor de Statistiek, 2023" in page.content()
    assert_accessible(page)

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Kaart", exact=True
    ).click()
    page.wait_for_url("**/kaart/")
    page.wait_for_selector("#kaart path.leaflet-interactive")
    page.get_by_role("checkbox", name="Buurten").check()
    attribution = "#kaart .leaflet-control-attribution"
    page.wait_for_function(f"document.querySelector('{attribution}').textContent.includes('2022')")
    assert page.locator(attribution).inner_text().count("Kadaster") >= 2
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/wijken/", "/wijken/assen-oost/", "/kaart/", "/sociale-kaart/"])
def test_neighbourhood_pages_have_no_serious_accessibility_problems(no_tiles, assen, path):
    page = no_tiles
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert_accessible(page)


def test_map_page_is_usable_without_javascript(browser, live_server, assen):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/kaart/")
    page.get_by_role("link", name="Sla de kaart over en ga naar de lijst").click()
    page.get_by_text("Buurten in Assen-Oost").click()
    page.get_by_role("link", name="Dijkveld").click()
    page.wait_for_url("**/wijken/dijkveld/")
    assert "Assen-Oost" in page.content()
    context.close()


def test_resident_places_a_proposed_organisation_by_clicking_the_map(no_tiles, assen):
    page = no_tiles
    UserFactory(email="ria@example.org", display_name="Ria")
    log_in(page, "ria@example.org")
    page.goto("/sociale-kaart/nieuw/")
    page.get_by_label("Naam").fill("Repair Café Assen")
    page.get_by_label("Soort").select_option("neighbourhood_enterprise")
    latitude = page.locator("input[name=location_latitude]")  # hidden: set by the map
    assert latitude.input_value() == ""
    page.locator("[data-location-map]").click(position={"x": 150, "y": 120})
    assert latitude.input_value() != ""
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_url(re.compile(r"/sociale-kaart/repair-cafe-assen/"))

    from neighbourhoods.models import Organisation

    organisation = Organisation.objects.get(name="Repair Café Assen")
    assert 52.92 < organisation.latitude < 53.08
    assert 6.47 < organisation.longitude < 6.65
