"""Staff open a pilot's page (small charts, the table, the notes) and add a note; axe
scans it; then the public summary of the published pilot."""

import re

import pytest
from playwright.sync_api import expect

from reports.models import ExperimentNote
from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory, enable_totp, totp_code
from tests.reports.test_pilots import build_pilot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_read_a_pilot_and_the_public_its_summary(page):
    build_pilot()
    staff = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(staff)

    page.goto("/admin/rapportages/proeven/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("E-mail").fill("gemma@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    code = page.locator("input[name=code]")
    code.fill(totp_code(secret))
    code.press("Enter")
    page.wait_for_url(re.compile(r"/admin/rapportages/proeven/$"))
    assert_accessible(page)

    page.get_by_role("link", name="Gebiedsteam in P").click()
    page.wait_for_url(re.compile(r"/admin/rapportages/proeven/gebiedsteam-p/$"))
    expect(page.locator("#tabel-indicatoren")).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(10)
    assert_accessible(page)

    page.locator("textarea[name=text]").fill("De inloop op dinsdag loopt goed.")
    page.locator("form[action$='/notities/'] button[type=submit]").click()
    expect(page.get_by_text("De inloop op dinsdag loopt goed.")).to_be_visible()
    assert ExperimentNote.objects.filter(author=staff).count() == 1

    page.goto("/proeven/gebiedsteam-p/")
    expect(page.locator("#tabel-indicatoren")).to_contain_text("<5")
    assert_accessible(page)
