"""Logging in and out in the browser, the way a person does (with TOTP when asked)."""

import re

from tests.accounts.factories import PASSWORD, totp_code


def log_in(page, email: str, *, password: str = PASSWORD, totp_secret: str = "") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if totp_secret:
        page.wait_for_url("**/accounts/2fa/authenticate/**")
        code = page.locator("input[name=code]")
        code.fill(totp_code(totp_secret))
        code.press("Enter")
    page.wait_for_url("**/mijn-buurt/")


def log_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/$"))
