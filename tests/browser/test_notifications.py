"""A resident sees the bell's unread count and opens the notifications page."""

import pytest
from playwright.sync_api import expect

from mijnbuurt.notifications.services import notify
from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD
from tests.notifications.utils import celery_config

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_sees_unread_count_and_reads_notifications(page, resident, mailoutbox):
    with celery_config(task_always_eager=True):
        for event in ("password_changed", "mfa_added"):
            notify(recipient=resident, kind="account_security", context={"event": event})

    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(resident.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn-buurt/")

    bell = page.get_by_role("link", name="Meldingen (2 ongelezen)")
    assert bell.locator(".mb-bell__count").inner_text() == "2"
    bell.click()
    page.wait_for_url("**/profiel/meldingen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Meldingen"
    expect(page.get_by_role("link", name="Tweestapsverificatie is aangezet")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Alles als gelezen markeren").click()
    page.wait_for_url("**/profiel/meldingen/")
    expect(
        page.get_by_role("banner").get_by_role("link", name="Meldingen", exact=True)
    ).to_be_visible()
    page.get_by_role("link", name="Meldingsinstellingen").first.click()
    page.wait_for_url("**/profiel/meldingen/voorkeuren/")
    assert_accessible(page)
