"""The initiative form after a mistake: an error summary that takes the focus and links to
the fields, and a clear word that a chosen photo must be chosen again. Also at 375 px."""

import os
import re
from io import BytesIO

import pytest
from PIL import Image

from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.browser.session import log_in
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages afterwards


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_error_summary_and_photo_message_after_a_mistake(page, live_server, media, tmp_path):
    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), lambda route: route.abort())
    BuurtFactory(name="Brinkkwartier", slug="brinkkwartier", wijk=WijkFactory(name="Centrum"))
    UserFactory(email="wilma@example.org", display_name="Wilma")
    photo = tmp_path / "moestuin.jpg"
    buffer = BytesIO()
    Image.new("RGB", (800, 600), (70, 140, 80)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    log_in(page, "wilma@example.org")

    page.goto("/initiatieven/nieuw/")
    title = page.get_by_label("Titel")
    assert title.evaluate("el => el.matches(':invalid')") is False  # nothing red yet
    assert page.locator("input:invalid, textarea:invalid, select:invalid").count() == 0
    shot(page, "initiative-form-untouched")
    assert page.locator(".mb-error-summary").count() == 0
    page.get_by_label("Korte samenvatting").fill("Samen groente kweken.")
    page.get_by_label("Foto's").set_input_files(str(photo))
    page.get_by_role("button", name="Opslaan als concept").click()  # no title, no buurt
    page.wait_for_load_state()

    summary = page.locator(".mb-error-summary")
    assert summary.evaluate("el => el === document.activeElement")  # focus on the summary
    assert summary.get_attribute("role") == "alert"
    links = summary.get_by_role("link")
    assert links.count() >= 3  # title, neighbourhood, ... and the photo
    photo_error = page.locator("#id_photos_error")
    assert "Kies ze opnieuw" in photo_error.inner_text()
    assert summary.locator('a[href="#id_photos"]').count() == 1
    assert page.get_by_label("Titel").get_attribute("aria-invalid") == "true"
    shot(page, "initiative-form-errors")
    assert_accessible(page)

    summary.locator('a[href="#id_title"]').click()
    assert page.evaluate("document.activeElement.id") == "id_title"

    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "initiative-form-errors-375")
