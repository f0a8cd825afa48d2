"""A resident starts an initiative with a photo; staff approve it; another resident supports it."""

import re
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory, enable_totp
from tests.browser.session import log_in, log_out
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Samen-tuinieren-in-Assen-2026"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def no_tiles(page):
    """Map tiles come from PDOK on the internet; the pages must work without them."""
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    return page


def sign_up(page, mailoutbox, email: str) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Naam").fill("Nieuwe buur")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Account maken").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    link = re.search(r"https?://\S+", mailoutbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bevestigen").click()
    log_in(page, email, password=NEW_PASSWORD)


def test_resident_starts_initiative_staff_approve_and_a_neighbour_supports_it(
    no_tiles, live_server, mailoutbox, media, tmp_path
):
    page = no_tiles
    centrum = WijkFactory(name="Centrum", slug="centrum")
    BuurtFactory(name="Brinkkwartier", slug="brinkkwartier", wijk=centrum)
    reviewer = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(reviewer)
    UserFactory(email="henk@example.org", display_name="Henk")
    photo = tmp_path / "moestuin.jpg"
    buffer = BytesIO()
    Image.new("RGB", (1200, 900), (70, 140, 80)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())

    # A new resident signs up and starts an initiative with a photo.
    sign_up(page, mailoutbox, "wilma@example.org")
    page.goto("/initiatieven/")
    assert_accessible(page)
    page.get_by_role("link", name="Start een initiatief").click()
    page.wait_for_url("**/initiatieven/nieuw/")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Moestuin achter de Brink")
    page.get_by_label("Korte samenvatting").fill("Samen groente kweken met de buurt.")
    page.get_by_label("Beschrijving").fill("Zes bakken, een regenton en elke zaterdag koffie.")
    page.get_by_label("Thema").select_option(label="Groen en openbare ruimte")
    page.get_by_label("Buurt", exact=True).select_option(label="Brinkkwartier (Centrum)")
    page.get_by_label("Begindatum").fill("2026-04-01")
    page.get_by_label("Einddatum").fill("2026-10-31")
    assert page.locator("[data-location-map]").bounding_box()["height"] > 100
    assert page.get_by_label("Breedtegraad", exact=True).count() == 0  # no numbers to type
    page.locator("[data-location-map]").click()  # the map fills in the hidden place
    assert page.locator("[data-location-latitude]").input_value().startswith("52.")
    assert page.get_by_text("Er is een plek op de kaart gekozen.").is_visible()
    page.get_by_label("Vrijwilligers").check()
    page.get_by_label("Foto's").set_input_files(str(photo))
    page.get_by_role("button", name="Opslaan als concept").click()
    page.wait_for_url(re.compile(r"/initiatieven/\d+/$"))
    detail_url = page.url
    assert "opgeslagen als concept" in page.content()
    assert page.locator(".mb-photos img").count() == 1
    assert_accessible(page)
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    page.wait_for_url(detail_url)
    assert "Ingediend voor beoordeling" in page.content()
    log_out(page)

    # Not public yet.
    assert page.goto(detail_url).status == 404

    # Staff log in with their second factor and approve it from the review queue.
    log_in(page, "gemma@example.org", totp_secret=secret)
    page.goto("/initiatieven/beoordelen/")
    assert_accessible(page)
    card = page.locator("li", has_text="Moestuin achter de Brink")
    card.get_by_role("button", name="Goedkeuren en publiceren").click()  # not confirmed yet
    page.wait_for_url("**/initiatieven/beoordelen/")
    card = page.locator("li", has_text="Moestuin achter de Brink")
    card.locator("input[name=confirm]").check()  # "Ik weet het zeker"
    card.get_by_role("button", name="Goedkeuren en publiceren").click()
    page.wait_for_url("**/initiatieven/beoordelen/")
    assert "Er wacht niets op een beoordeling." in page.content()
    log_out(page)

    # It is on the public list and on the map layer.
    page.goto("/initiatieven/")
    expect(page.get_by_role("link", name="Moestuin achter de Brink")).to_be_visible()
    layer = page.request.get("/kaart/lagen/initiatieven.geojson").json()
    assert [f["properties"]["name"] for f in layer["features"]] == ["Moestuin achter de Brink"]

    # A neighbour supports it, and the count goes up.
    log_in(page, "henk@example.org")
    page.goto(detail_url)
    assert page.locator("#supporter-count").inner_text() == "0"
    page.get_by_role("button", name="Ik steun dit").click()
    page.wait_for_url(detail_url)
    assert page.locator("#supporter-count").inner_text() == "1"
    assert "Bedankt voor je steun!" in page.content()
    assert_accessible(page)


def test_organiser_news_form_and_review_queue_with_reasons_are_accessible(
    no_tiles, live_server, media
):
    from initiatives.models import Status
    from tests.initiatives.factories import make_initiative

    page = no_tiles
    organiser = UserFactory(email="olga@example.org", display_name="Olga")
    reviewer = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(reviewer)
    running = make_initiative(by=organiser, status=Status.PUBLISHED, reviewer=reviewer)
    waiting = make_initiative(by=organiser, status=Status.SUBMITTED, title="Wacht op de gemeente")

    log_in(page, "olga@example.org")
    page.goto(f"/initiatieven/{running.pk}/")
    page.get_by_label("Nieuws voor je steunbetuigers en volgers").fill("De bakken staan er!")
    page.get_by_role("button", name="Nieuws plaatsen").click()
    page.wait_for_url(re.compile(rf"/initiatieven/{running.pk}/#news$"))
    assert "De bakken staan er!" in page.content()
    assert_accessible(page)
    log_out(page)

    log_in(page, "gemma@example.org", totp_secret=secret)
    page.goto("/initiatieven/beoordelen/")
    card = page.locator("li", has_text="Wacht op de gemeente")
    card.get_by_text("Om aanpassingen vragen").first.click()  # opens the <details>
    card.get_by_label("Leg uit waarom").first.fill("Waar komen de bakken precies?")
    assert_accessible(page)
    card.get_by_role("button", name="Om aanpassingen vragen").click()
    page.wait_for_url("**/initiatieven/beoordelen/")
    waiting.refresh_from_db()
    assert waiting.status == Status.CHANGES_REQUESTED
