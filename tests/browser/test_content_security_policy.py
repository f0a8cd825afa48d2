"""Pages that lean on what a Content-Security-Policy can block keep working under ours:
the two-factor set-up shows its QR code (a data: image), and the admin's scripts run.
The ``page`` fixture fails a test on any violation the browser reports."""

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.accounts.factories import PASSWORD, UserFactory, enable_totp, totp_code
from tests.browser.session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_sets_up_two_factor_with_the_qr_code(page, resident):
    log_in(page, resident.email)
    page.goto("/accounts/2fa/totp/activate/")
    page.wait_for_url("**/reauthenticate/**")
    password = page.locator("input[name=password]")
    password.fill(PASSWORD)
    password.press("Enter")
    page.wait_for_url("**/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    qr_code = page.get_by_role("img", name=secret)
    assert qr_code.get_attribute("src").startswith("data:image/svg+xml")
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=qr_code.element_handle()
    )
    assert_accessible(page)

    code = page.locator("input[name=code]")
    code.fill(totp_code(secret))
    code.press("Enter")
    page.wait_for_url(lambda url: "/totp/activate/" not in url)
    assert Authenticator.objects.filter(user=resident, type="totp").exists()


def test_staff_use_the_admin_scripts(page):
    staff = UserFactory(email="gemma@example.org", is_staff=True, is_superuser=True)
    secret = enable_totp(staff)
    log_in(page, staff.email, totp_secret=secret)

    page.goto("/admin/neighbourhoods/organisation/")
    # admin/js/nav_sidebar.js filters the list of models as staff type.
    users = page.locator("#nav-sidebar tr.model-user")
    expect(users).to_be_visible()
    page.locator("#nav-filter").fill("organisaties")
    expect(users).to_be_hidden()
    expect(page.locator("#nav-sidebar tr.model-organisation")).to_be_visible()

    page.goto("/admin/neighbourhoods/organisation/add/")
    # admin/js/prepopulate.js fills the slug from the name, with its settings read from
    # data attributes of a <script src> element rather than from an inline script.
    page.locator("#id_name").press_sequentially("Speeltuin De Vlasakkers")
    assert page.locator("#id_slug").input_value() == "speeltuin-de-vlasakkers"
