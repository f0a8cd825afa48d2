"""Vraag en aanbod, moderation in the browser: resident B reports a rude message in a
conversation; a moderator (logged in with TOTP) finds it on the moderation queue
/initiatieven/moderatie/ through the exchange's panel, reads the conversation (the
read is logged) and hides the message; B's conversation then shows the notice in its
place. Every page is scanned by axe.

The elements are found by their place and address, not their text: the Dutch of these
texts comes with the catalogue.
"""

import re

import pytest

from exchange.models import ConversationAccess, Message, Report
from exchange.services import conversation_start, message_send
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory, enable_totp
from tests.browser.session import log_in
from tests.exchange.factories import CategoryFactory, ListingFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RUDE = "Rot op met je vragen, sukkel!"


def test_b_reports_a_rude_message_and_a_moderator_hides_it(page, live_server):
    noord = WijkFactory(name="Noord", slug="noord")
    pittelo = BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord)
    anna = UserFactory(email="anna@example.org", display_name="Anna", home_neighbourhood=pittelo)
    bob = UserFactory(email="bob@example.org", display_name="Bob", home_neighbourhood=pittelo)
    moderator = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(moderator)
    listing = ListingFactory(
        owner=anna,
        neighbourhood=pittelo,
        category=CategoryFactory(name="Fietsen (test)", slug="fietsen-test"),
        title="Ik repareer je fiets",
    )
    conversation = conversation_start(listing=listing, replier=bob, body="Kan het zaterdag?")
    rude = message_send(conversation=conversation, sender=anna, body=RUDE)
    conversation_url = f"/vraag-en-aanbod/gesprekken/{conversation.pk}/"

    # B reports Anna's message from the conversation.
    log_in(page, bob.email)
    page.goto(conversation_url)
    assert RUDE in page.content()
    assert_accessible(page)
    report_link = page.locator(f"#message-{rude.pk} a[href$='/berichten/{rude.pk}/melden/']")
    assert page.locator("a[href*='/melden/']").count() == 1  # not next to B's own message
    report_link.click()
    page.wait_for_url(re.compile(r"/melden/$"))
    assert_accessible(page)
    page.locator("input[name=reason][value=abusive]").check()
    page.locator("textarea[name=text]").fill("Ze scheldt me uit.")
    page.locator("form.mb-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/gesprekken/{conversation.pk}/"))
    assert_accessible(page)
    report = Report.objects.get()
    assert (report.message_id, report.reporter_id) == (rude.pk, bob.pk)
    page.context.clear_cookies()

    # The moderator finds it on the moderation queue through the exchange's panel.
    log_in(page, moderator.email, totp_secret=secret)
    page.goto("/initiatieven/moderatie/")
    assert_accessible(page)
    page.locator("#exchange-moderation a[href$='/vraag-en-aanbod/moderatie/']").click()
    page.wait_for_url(re.compile(r"/vraag-en-aanbod/moderatie/$"))
    assert RUDE in page.content()
    assert_accessible(page)

    # Reads the conversation (logged) and hides the message.
    page.locator(f"a[href$='/moderatie/meldingen/{report.pk}/gesprek/']").click()
    page.wait_for_url(re.compile(r"/gesprek/$"))
    assert "Kan het zaterdag?" in page.content()
    assert_accessible(page)
    assert ConversationAccess.objects.filter(user=moderator, report=report).count() == 1
    page.locator(f"form[action$='/moderatie/message/{rude.pk}/verbergen/'] button").click()
    page.wait_for_url(re.compile(r"/vraag-en-aanbod/moderatie/$"))
    assert RUDE not in page.content()  # nothing left to decide
    assert_accessible(page)
    page.context.clear_cookies()

    # B's conversation shows the notice instead of the message.
    log_in(page, bob.email)
    page.goto(conversation_url)
    assert RUDE not in page.content()
    assert page.locator(f"#message-{rude.pk} em").count() == 1
    assert "Kan het zaterdag?" in page.content()
    assert_accessible(page)
    hidden = Message.objects.get(pk=rude.pk)
    assert hidden.hidden_by == moderator
    assert hidden.body == RUDE
    assert Report.objects.get().outcome == Report.Outcome.HIDDEN
