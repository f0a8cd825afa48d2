"""Logging in and out in the browser, the way a person does (with TOTP when asked)."""

import re

from tests.accounts.factories import PASSWORD, totp_code

_codes_used: set[tuple[str, str]] = set()


def _unused_totp_code(secret: str) -> str:
    """A code this test run has not entered yet. allauth refuses a code used before
    within its window, so a second log-in of the same person within the same 30 s
    takes the next period's code, as a person would wait for their app's next code."""
    for ahead in (0, 1):
        code = totp_code(secret, ahead=ahead)
        if (secret, code) not in _codes_used:
            _codes_used.add((secret, code))
            return code
    raise AssertionError("three log-ins of one person within one TOTP period")


def log_in(page, email: str, *, password: str = PASSWORD, totp_secret: str = "") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if totp_secret:
        page.wait_for_url("**/accounts/2fa/authenticate/**")
        code = page.locator("input[name=code]")
        code.fill(_unused_totp_code(totp_secret))
        code.press("Enter")
    page.wait_for_url("**/mijn-buurt/")


def log_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/$"))
