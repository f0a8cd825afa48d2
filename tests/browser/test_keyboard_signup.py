"""By keyboard alone: a new resident signs up from the header, confirms the e-mail address
and logs in.

Only keys (tests/browser/keyboard.py); the first Tab stop of every page is its skip link,
and every stop shows its focus.
"""

import re

import pytest

from tests.a11y import assert_accessible
from tests.browser.keyboard import Keyboard, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Fietsen-langs-de-Vaart-2026"


def test_new_resident_signs_up_confirms_and_logs_in_by_keyboard(page, mailoutbox):
    keys = Keyboard(page)
    page.goto("/")
    keys.skip_to_main()
    # Sign-up is in the header, before main: back up to it with Shift+Tab.
    keys.activate(page.get_by_role("link", name="Account maken").first, backwards=True)
    page.wait_for_url("**/accounts/signup/")
    assert_accessible(page)
    keys.skip_to_main()
    keys.type_into(page.get_by_label("Naam"), "Wilma")
    keys.type_into(page.get_by_label("E-mail"), "wilma@example.org")
    keys.type_into(page.get_by_label("Wachtwoord", exact=True), PASSWORD)
    keys.type_into(page.get_by_label("Wachtwoord (bevestigen)"), PASSWORD)
    keys.submit(page.get_by_role("button", name="Account maken"), re.compile(r"/confirm-email/"))
    keys.skip_to_main()
    signed_up = keys.presses

    # The link in the e-mail opens the confirmation page.
    link = re.search(r"https?://\S+", mailoutbox[-1].body).group(0)
    page.goto(link)
    keys.skip_to_main()
    keys.activate(page.get_by_role("button", name="Bevestigen"))
    page.wait_for_url("**/accounts/login/**")

    log_in(keys, "wilma@example.org", password=PASSWORD)
    assert page.get_by_role("heading", level=1).count() == 1
    assert_accessible(page)
    print(
        f"\nkeyboard: sign up {signed_up} presses; confirm and log in {keys.presses - signed_up}"
    )
