"""By keyboard alone: staff log in with their second factor and run a report in the admin.

Only keys: Tab, Shift+Tab, Enter, Space, arrow keys; text typed into the focused field
(tests/browser/keyboard.py). Every page's first Tab stop is its skip link, and every
stop shows its focus.
"""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import Initiative
from tests.a11y import assert_accessible
from tests.accounts.factories import UserFactory, enable_totp
from tests.browser.keyboard import Keyboard, log_in
from tests.reports.data import YEAR, build, build_budget

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_log_in_with_totp_and_run_a_report_by_keyboard(page):
    build()
    build_budget(Initiative.objects.first())
    staff = UserFactory(email="gemma@example.org", display_name="Gemma", is_staff=True)
    secret = enable_totp(staff)
    keys = Keyboard(page)

    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    log_in(keys, staff.email, totp_secret=secret, then=re.compile(r"/admin/$"))

    keys.skip_to_main()
    keys.activate(page.get_by_role("link", name="Wijken (wijkanalyse)"))
    page.wait_for_url("**/admin/rapportages/")
    keys.skip_to_main()
    keys.tab_to(page.get_by_label("Jaar"))
    page.keyboard.press("Control+A")
    page.keyboard.type(str(YEAR))
    keys.submit(page.get_by_role("button", name="Tonen"), re.compile(rf"jaar={YEAR}"))
    table = page.get_by_role("table", name="Per wijk", exact=True)
    assert "42,9 %" in table.get_by_role("row", name=re.compile("^Noord")).inner_text()

    # A wijk row opens the wijk per buurt.
    keys.skip_to_main()
    keys.activate(table.get_by_role("link", name="Noord", exact=True))
    buurten = page.get_by_role("table", name="Per buurt", exact=True)
    expect(buurten.get_by_role("row", name=re.compile("^Noord-Midden"))).to_be_visible()
    assert_accessible(page)
    print(f"\nkeyboard: staff log-in with TOTP and a report: {keys.presses} presses")
