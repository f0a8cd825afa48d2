"""Vraag en aanbod in the browser: resident A offers help at a desktop, resident B finds
it on a phone (375 px), replies, and they exchange messages through the relay; a
message with a phone number asks B to confirm first. B says they have a match, A
confirms it and records the hours given, B confirms the hours. Every page is scanned
by axe.

The pages are visited in English (/en/): the Dutch of this app's texts comes with the
catalogue, and the flow is the same in both languages.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from exchange.models import Conversation, Listing
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory
from tests.exchange.factories import CategoryFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
# Screenshots of each step, to look at, when SCREENSHOTS names a folder.
SHOTS = os.environ.get("SCREENSHOTS", "")


def _log_in(context, base_url: str, user) -> None:
    """A session made on the server, as after logging in (the login itself is tested
    in tests/browser/test_signup_flow.py)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_a_offers_help_b_finds_it_on_a_phone_and_they_talk(browser, page, live_server):
    noord = WijkFactory(name="Noord", slug="noord")
    pittelo = BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord)
    CategoryFactory(name="Fietsen (test)", slug="fietsen-test")
    anna = UserFactory(email="anna@example.org", display_name="Anna", home_neighbourhood=pittelo)
    bob = UserFactory(email="bob@example.org", display_name="Bob", home_neighbourhood=pittelo)

    # A offers help at a desktop.
    _log_in(page.context, live_server.url, anna)
    page.goto("/en/vraag-en-aanbod/nieuw/")
    assert_accessible(page)
    page.get_by_label("Offer", exact=True).check()
    page.get_by_label("Help or a favour").check()
    page.get_by_label("Title").fill("Ik repareer je fiets")
    page.get_by_label("Description").fill("Lekke band of losse ketting? Kom langs in mijn schuur.")
    page.get_by_label("Category").select_option(label="Fietsen (test)")
    _shot(page, "01-a-form-desktop")
    page.get_by_role("button", name="Place it").click()
    page.wait_for_url(re.compile(r"/en/vraag-en-aanbod/\d+/$"))
    expect(page.get_by_role("heading", name="Ik repareer je fiets")).to_be_visible()
    assert_accessible(page)
    _shot(page, "02-a-listing-desktop")
    listing = Listing.objects.get()
    assert listing.owner == anna

    # B finds it on a phone and replies.
    phone = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    b = phone.new_page()
    _log_in(phone, live_server.url, bob)
    b.goto("/en/vraag-en-aanbod/")
    assert_accessible(b)
    b.get_by_label("Search", exact=True).fill("fiets")
    b.get_by_label("Offer or request").select_option(label="Offer")
    b.get_by_role("button", name="Search", exact=True).click()
    b.wait_for_load_state()
    _shot(b, "03-b-list-phone")
    assert b.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    b.get_by_role("link", name="Ik repareer je fiets").click()
    b.wait_for_url(re.compile(r"/en/vraag-en-aanbod/\d+/$"))
    assert_accessible(b)
    assert anna.email not in b.content()
    b.get_by_role("link", name="Reply", exact=True).click()
    b.wait_for_url(re.compile(r"/reageren/$"))
    assert_accessible(b)
    b.get_by_label("Your message").fill("Mijn achterband loopt leeg. Zaterdag?")
    b.get_by_role("button", name="Send").click()
    b.wait_for_url(re.compile(r"/en/vraag-en-aanbod/gesprekken/\d+/$"))
    expect(b.get_by_text("Mijn achterband loopt leeg. Zaterdag?")).to_be_visible()
    assert_accessible(b)
    _shot(b, "04-b-conversation-phone")

    # A sees one unread conversation and answers.
    page.goto("/en/vraag-en-aanbod/gesprekken/")
    expect(page.get_by_text("1 unread", exact=True)).to_be_visible()
    assert_accessible(page)
    _shot(page, "05-a-conversations-desktop")
    page.get_by_role("link", name="Ik repareer je fiets").click()
    expect(page.get_by_text("Mijn achterband loopt leeg. Zaterdag?")).to_be_visible()
    page.get_by_label("Your message").fill("Zaterdag om tien uur is goed.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Zaterdag om tien uur is goed.")).to_be_visible()

    # B shares a phone number: the form asks to confirm first, then sends it.
    b.reload()
    expect(b.get_by_text("Zaterdag om tien uur is goed.")).to_be_visible()
    b.get_by_label("Your message").fill("Top! Mijn nummer is 06-12345678.")
    b.get_by_role("button", name="Send").click()
    expect(b.get_by_text("contains a phone number or e-mail address").first).to_be_visible()
    assert_accessible(b)
    _shot(b, "06-b-confirm-contact-phone")
    assert Conversation.objects.get().messages.count() == 2
    tick = b.get_by_label("Yes, send my contact details to this person")
    label_box = b.locator("label", has_text="Yes, send my contact details").bounding_box()
    assert label_box["height"] < 2 * tick.bounding_box()["height"] + 20  # one line at 375 px
    tick.check()
    b.get_by_role("button", name="Send").click()
    expect(b.get_by_text("Top! Mijn nummer is 06-12345678.")).to_be_visible()
    assert Conversation.objects.get().messages.count() == 3
    _shot(b, "07-b-conversation-after-phone")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.IN_CONTACT

    # B says they have a match on the phone; A confirms it and records the hours given;
    # B confirms the hours.
    b.get_by_role("button", name="We have a match").click()
    expect(b.get_by_text("The other person still confirms it.")).to_be_visible()
    assert_accessible(b)
    page.reload()
    page.get_by_role("button", name="Confirm the match").click()
    expect(page.get_by_text("Confirmed by both of you")).to_be_visible()
    page.get_by_label("Hours").fill("1,5")
    page.get_by_label("I did").check()
    page.get_by_role("button", name="Record the hours").click()
    expect(page.get_by_text("waiting for confirmation")).to_be_visible()
    assert_accessible(page)
    _shot(page, "08-a-hours-recorded-desktop")
    b.reload()
    _shot(b, "09-b-confirm-hours-phone")
    assert b.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    b.get_by_role("button", name="Confirm the hours").click()
    expect(b.get_by_text("The hours are confirmed.")).to_be_visible()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.MATCHED
    b.goto("/en/vraag-en-aanbod/mijn/")
    expect(b.get_by_text("Given: 0 hours · received: 1.50 hours.")).to_be_visible()
    assert_accessible(b)
    _shot(b, "10-b-my-credits-phone")
    phone.close()


def test_the_owner_adds_a_photo_on_a_phone(browser, live_server, settings, tmp_path):
    """On a phone (375 px) the owner adds a photo with what it shows; it appears on the
    listing's page with that description, and small on the list's card."""
    from tests.exchange.factories import ListingFactory, image_upload

    settings.MEDIA_ROOT = tmp_path / "media"
    buurt = BuurtFactory(name="Pittelo", slug="pittelo", wijk=WijkFactory(name="Noord"))
    anna = UserFactory(email="anna@example.org", display_name="Anna", home_neighbourhood=buurt)
    listing = ListingFactory(owner=anna, neighbourhood=buurt, title="Ladder te leen")
    photo = tmp_path / "ladder.jpg"
    photo.write_bytes(image_upload(size=(1200, 900)).read())

    phone = browser.new_context(viewport=PHONE, locale="nl-NL", base_url=live_server.url)
    page = phone.new_page()
    _log_in(phone, live_server.url, anna)
    page.goto(f"/en/vraag-en-aanbod/{listing.pk}/")
    page.get_by_role("link", name="Add a photo").click()
    page.wait_for_url(re.compile(r"/fotos/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Add the photo").click()  # nothing chosen: errors
    expect(page.get_by_role("heading", name="Please check the form")).to_be_visible()
    assert_accessible(page)
    assert not listing.photos.exists()
    page.get_by_label("Photo", exact=True).set_input_files(str(photo))
    page.get_by_label("What does the photo show?").fill("Een aluminium ladder van drie meter")
    _shot(page, "11-a-photo-form-phone")
    page.get_by_role("button", name="Add the photo").click()
    page.wait_for_url(re.compile(rf"/en/vraag-en-aanbod/{listing.pk}/$"))
    image = page.get_by_role("img", name="Een aluminium ladder van drie meter")
    expect(image).to_be_visible()
    assert page.evaluate("document.querySelector('.mb-photos img').naturalWidth") > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    _shot(page, "12-a-listing-with-photo-phone")
    page.goto("/en/vraag-en-aanbod/")
    expect(page.locator(".mb-card img")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    phone.close()
