"""Staff open the reports from the admin index with their second factor; axe scans the
dashboard (charts and tables) and the budget report."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import Initiative
from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory, enable_totp, totp_code
from tests.reports.data import YEAR, build, build_budget

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_open_the_reports_from_the_admin_and_they_are_accessible(page):
    build()
    build_budget(Initiative.objects.first())
    staff = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(staff)

    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("E-mail").fill("gemma@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    code = page.locator("input[name=code]")
    code.fill(totp_code(secret))
    code.press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.get_by_role("link", name="Wijken (wijkanalyse)").click()
    page.get_by_label("Jaar").fill(str(YEAR))
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url(re.compile(rf"jaar={YEAR}"))
    table = page.get_by_role("table", name="Per wijk", exact=True)
    assert "42,9 %" in table.get_by_role("row", name=re.compile("^Noord")).inner_text()
    expect(page.get_by_role("img", name="Bezetting (%)")).to_be_visible()
    assert_accessible(page)

    # A wijk row opens the wijk per buurt, with the same columns.
    table.get_by_role("link", name="Noord", exact=True).click()
    buurten = page.get_by_role("table", name="Per buurt", exact=True)
    expect(buurten.get_by_role("row", name=re.compile("^Noord-Midden"))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Budgetrapportage").click()
    expect(page.get_by_role("table", name=f"Budget {YEAR}")).to_be_visible()
    assert_accessible(page)
