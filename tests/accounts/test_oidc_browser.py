"""In a browser: a professional signs in through the municipality's identity provider
with the keyboard, reaches the team's pages without TOTP (the provider's strong
sign-in counts) and logs out at both ends. The Content-Security-Policy lets the
provider's pages follow the platform's forms."""

import copy

import pytest
import requests
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from mijnbuurt.settings import url_origin
from tests.a11y import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_professional_signs_in_through_the_provider_and_logs_out_at_both_ends(
    page, live_server, settings, identity_provider, oidc, professional_a_without_mfa
):
    email = professional_a_without_mfa.email
    settings.SITE_URL = live_server.url
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    settings.OIDC_LOGOUT_AT_PROVIDER = True
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"].append(url_origin(identity_provider, name="issuer"))
    settings.CONTENT_SECURITY_POLICY = policy
    claims = {"email": email, "email_verified": True, "amr": ["pwd", "mfa"]}
    requests.put(f"{identity_provider}/users/{email}", json=claims, timeout=10)
    with translation.override("nl"):
        button_name = gettext("Sign in with %(name)s") % {"name": "Gemeente Assen"}

    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_role("button", name=button_name).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{identity_provider}/oauth2/authorize?**")
    page.locator("input[name=sub]").fill(email)
    page.keyboard.press("Enter")
    page.wait_for_url("**/mijn-buurt/")

    page.goto(reverse("help:queue"))
    assert "/accounts/2fa/" not in page.url
    assert page.get_by_role("heading", level=1).is_visible()

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{identity_provider}/oauth2/end_session?**")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(reverse("help:queue"))
    assert "/accounts/login/" in page.url
