"""Staff and professionals sign in through the municipality's identity provider.

The provider is a real OpenID Connect server on this machine (``conftest.py``).
The browser's part is played by the Django test client (the platform) and
``requests`` (the provider's sign-in form); the code exchange, the userinfo call and
the discovery document go from the platform to the provider over real HTTP.
"""

from urllib.parse import parse_qs, quote, urlsplit

import pytest
import requests
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from mijnbuurt.accounts.groups import STAFF_GROUP
from mijnbuurt.accounts.models import User
from mijnbuurt.accounts.services import user_delete, user_export_data
from neighbourhoods.models import TeamMembership
from tests.accounts.factories import PASSWORD, totp_code
from tests.core.test_settings import manage

pytestmark = pytest.mark.django_db

STRONG = "urn:assen:loa:substantial"
QUEUE = reverse("help:queue")
SET_UP = reverse("mfa_activate_totp")


def sign_in(client, idp: str, email: str, **claims):
    """Click "Inloggen via", sign in at the provider as ``email``, come back."""
    claims = {"email": email, "email_verified": True, **claims}
    assert requests.put(f"{idp}/users/{quote(email)}", json=claims, timeout=10).status_code == 204
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": "gemeente"}))
    assert start.status_code == 302
    assert start["Location"].startswith(f"{idp}/oauth2/authorize?")
    authorised = requests.post(
        start["Location"], data={"sub": email}, allow_redirects=False, timeout=10
    )
    back = urlsplit(authorised.headers["Location"])
    assert back.path == reverse("openid_connect_callback", kwargs={"provider_id": "gemeente"})
    return client.get(f"{back.path}?{back.query}", follow=True)


def signed_in(client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def dutch(message: str, **values) -> str:
    with translation.override("nl"):
        return escape(gettext(message) % values)


REFUSED = (
    "Signing in through %(name)s is only for municipal staff and area-team "
    "professionals who have an account here. Sign in with your e-mail address and "
    "password, or ask the municipality for access."
)


# --- Off unless configured -------------------------------------------------------------


def test_without_configuration_there_is_no_button_and_no_provider(client):
    page = client.get(reverse("account_login"))
    assert page.status_code == 200
    assert 'action="/accounts/oidc/' not in page.content.decode()
    url = reverse("openid_connect_login", kwargs={"provider_id": "gemeente"})
    assert client.post(url).status_code == 404


def test_login_page_offers_the_provider_to_staff_and_professionals(client, oidc):
    page = client.get(reverse("account_login")).content.decode()
    action = reverse("openid_connect_login", kwargs={"provider_id": "gemeente"})
    assert f'<form method="post" action="{action}?process=login">' in page
    assert dutch("Sign in with %(name)s", name="Gemeente Assen") in page
    assert dutch("For municipal staff and area-team professionals") in page
    # Residents signing up get no such button: nobody gets an account through it.
    assert action not in client.get(reverse("account_signup")).content.decode()


def test_environment_configures_the_provider_and_the_policy_lets_its_pages_follow():
    env = {
        "DEBUG": "true",
        "OIDC_ISSUER": "https://login.assen.nl/realms/gemeente/",
        "OIDC_CLIENT_ID": "mijnbuurt",
        "OIDC_CLIENT_SECRET": "geheim",
        "OIDC_MFA_ACR_VALUES": STRONG,
    }
    show = (
        "from django.conf import settings; "
        "print(settings.SOCIALACCOUNT_PROVIDERS); "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    )
    result = manage("shell", "-c", show, env=env)
    assert result.returncode == 0, result.stderr
    providers, form_action = result.stdout.strip().splitlines()[-2:]
    assert providers == str(
        {
            "openid_connect": {
                "APPS": [
                    {
                        "provider_id": "gemeente",
                        "name": "Gemeente Assen",
                        "client_id": "mijnbuurt",
                        "secret": "geheim",
                        "settings": {
                            "server_url": "https://login.assen.nl/realms/gemeente",
                            "verified_email": [],
                            "auth_params": {"acr_values": STRONG},
                        },
                    }
                ]
            }
        }
    )
    assert form_action == str(["'self'", "https://login.assen.nl"])

    without_secret = {k: v for k, v in env.items() if k != "OIDC_CLIENT_SECRET"}
    result = manage("check", env=without_secret)
    assert result.returncode != 0
    assert "OIDC_CLIENT_SECRET" in result.stderr

    result = manage("check", env={**env, "OIDC_GROUP_MAP": "beheerders=superuser"})
    assert result.returncode != 0
    assert "maps to gemeente or to nothing" in result.stderr


# --- Who may sign in ---------------------------------------------------------------------


def test_staff_member_signs_in_and_is_asked_for_totp_as_after_a_password(client, oidc, staff):
    response = sign_in(client, oidc, staff.email)
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert signed_in(client) is None

    totp = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP)
    secret = get_mfa_adapter().decrypt(totp.data["secret"])
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)}, follow=True)
    assert signed_in(client) == staff.pk
    assert response.redirect_chain[-1][0] == reverse("start")
    assert client.get("/admin/").status_code == 200
    assert SocialAccount.objects.get(user=staff).provider == "gemeente"


def test_professional_signs_in_and_still_needs_totp_for_the_team_pages(
    client, oidc, professional_a_without_mfa
):
    response = sign_in(client, oidc, professional_a_without_mfa.email, acr=STRONG)
    assert signed_in(client) == professional_a_without_mfa.pk
    assert response.redirect_chain[-1][0] == reverse("start")
    # acr is not trusted until the settings say so.
    assert client.get(QUEUE)["Location"] == SET_UP


def test_unknown_address_is_refused_and_no_account_is_made(client, oidc):
    users = User.objects.count()
    response = sign_in(client, oidc, "nieuw@assen.nl", acr=STRONG)
    assert signed_in(client) is None
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert dutch(REFUSED, name="Gemeente Assen") in response.content.decode()
    assert User.objects.count() == users
    assert not SocialAccount.objects.exists()


def test_resident_is_refused(client, oidc, resident):
    response = sign_in(client, oidc, resident.email)
    assert signed_in(client) is None
    assert dutch(REFUSED, name="Gemeente Assen") in response.content.decode()
    assert not SocialAccount.objects.exists()


def test_address_the_provider_did_not_verify_is_refused(client, oidc, professional_a):
    response = sign_in(client, oidc, professional_a.email, email_verified=False)
    assert signed_in(client) is None
    assert dutch(REFUSED, name="Gemeente Assen") in response.content.decode()


def test_address_the_platform_did_not_verify_is_refused(client, oidc, professional_a):
    professional_a.emailaddress_set.update(verified=False)
    sign_in(client, oidc, professional_a.email)
    assert signed_in(client) is None


def test_linked_account_that_lost_its_role_is_refused(client, oidc, professional_a_without_mfa):
    sign_in(client, oidc, professional_a_without_mfa.email)
    assert signed_in(client) == professional_a_without_mfa.pk
    client.logout()
    TeamMembership.objects.filter(user=professional_a_without_mfa).delete()
    sign_in(client, oidc, professional_a_without_mfa.email)
    assert signed_in(client) is None


# --- The provider's strong sign-in instead of TOTP ---------------------------------------


@pytest.mark.parametrize(
    ("setting", "claims"), [("acr", {"acr": STRONG}), ("amr", {"amr": ["pwd", "mfa"]})]
)
def test_strong_sign_in_at_the_provider_stands_in_for_totp(
    client, oidc, settings, professional_a_without_mfa, staff, setting, claims
):
    settings.OIDC_MFA_ACR_VALUES = [STRONG]
    settings.OIDC_MFA_AMR_VALUES = ["mfa", "hwk"]
    sign_in(client, oidc, professional_a_without_mfa.email, **claims)
    assert signed_in(client) == professional_a_without_mfa.pk
    assert client.get(QUEUE).status_code == 200

    # Staff with TOTP set up are not asked for the code either.
    client.post(reverse("account_logout"))
    sign_in(client, oidc, staff.email, **claims)
    assert signed_in(client) == staff.pk
    assert client.get("/admin/").status_code == 200


def test_weaker_sign_in_at_the_provider_still_needs_totp(
    client, oidc, settings, professional_a_without_mfa
):
    settings.OIDC_MFA_ACR_VALUES = [STRONG]
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    sign_in(client, oidc, professional_a_without_mfa.email, acr="urn:assen:loa:low", amr=["pwd"])
    assert signed_in(client) == professional_a_without_mfa.pk
    assert client.get(QUEUE)["Location"] == SET_UP


def test_strong_sign_in_counts_for_that_session_only(
    client, oidc, settings, professional_a_without_mfa
):
    settings.OIDC_MFA_ACR_VALUES = [STRONG]
    sign_in(client, oidc, professional_a_without_mfa.email, acr=STRONG)
    assert client.get(QUEUE).status_code == 200
    client.post(reverse("account_logout"))
    client.post(
        reverse("account_login"),
        {"login": professional_a_without_mfa.email, "password": PASSWORD},
    )
    assert signed_in(client) == professional_a_without_mfa.pk
    assert client.get(QUEUE)["Location"] == SET_UP


# --- Groups -------------------------------------------------------------------------------


@pytest.fixture
def groups(settings):
    settings.OIDC_GROUP_CLAIM = "groups"
    settings.OIDC_GROUP_MAP = {"medewerkers": STAFF_GROUP, "gebiedsteams": ""}
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]


def test_provider_group_makes_a_professional_staff_but_never_superuser(
    client, oidc, groups, professional_a_without_mfa
):
    sign_in(client, oidc, professional_a_without_mfa.email, groups=["medewerkers"], amr=["mfa"])
    user = User.objects.get(pk=professional_a_without_mfa.pk)
    assert signed_in(client) == user.pk
    assert user.is_staff
    assert not user.is_superuser
    assert user.groups.filter(name=STAFF_GROUP).exists()
    assert client.get("/admin/").status_code == 200


def test_sign_in_without_a_mapped_group_is_refused(client, oidc, groups, staff):
    response = sign_in(client, oidc, staff.email, groups=["iedereen"], amr=["mfa"])
    assert signed_in(client) is None
    message = dutch(
        "Your account at %(name)s is not in a group that may sign in here. "
        "Ask the municipality for access.",
        name="Gemeente Assen",
    )
    assert message in response.content.decode()
    assert User.objects.get(pk=staff.pk).is_staff


def test_staff_membership_follows_the_provider(
    client, oidc, groups, staff, professional_a_without_mfa
):
    # A professional whose staff group is gone stays a professional, without staff rights.
    professional_a_without_mfa.is_staff = True
    professional_a_without_mfa.save()
    sign_in(client, oidc, professional_a_without_mfa.email, groups=["gebiedsteams"], amr=["mfa"])
    assert signed_in(client) == professional_a_without_mfa.pk
    assert not User.objects.get(pk=professional_a_without_mfa.pk).is_staff

    # Staff only as far as the platform knew, and no longer at the provider: refused.
    client.post(reverse("account_logout"))
    sign_in(client, oidc, staff.email, groups=["gebiedsteams"], amr=["mfa"])
    assert signed_in(client) is None
    staff.refresh_from_db()
    assert not staff.is_staff
    assert not staff.groups.filter(name=STAFF_GROUP).exists()


# --- Logout -------------------------------------------------------------------------------


def test_logout_ends_the_platform_session(client, oidc, professional_a_without_mfa):
    sign_in(client, oidc, professional_a_without_mfa.email)
    response = client.post(reverse("account_logout"))
    assert response["Location"] == reverse("home")
    assert signed_in(client) is None


def test_logout_at_the_provider_when_configured(
    client, oidc, settings, professional_a_without_mfa
):
    settings.OIDC_LOGOUT_AT_PROVIDER = True
    sign_in(client, oidc, professional_a_without_mfa.email)
    response = client.post(reverse("account_logout"))
    assert signed_in(client) is None
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{oidc}/oauth2/end_session"
    )
    assert parse_qs(location.query) == {
        "client_id": ["mijnbuurt"],
        "post_logout_redirect_uri": [f"{settings.SITE_URL}/"],
    }
    assert requests.get(response["Location"], timeout=10).status_code == 200


def test_password_login_does_not_go_to_the_provider_at_logout(client, oidc, settings, resident):
    settings.OIDC_LOGOUT_AT_PROVIDER = True
    client.post(reverse("account_login"), {"login": resident.email, "password": PASSWORD})
    assert client.post(reverse("account_logout"))["Location"] == reverse("home")


# --- Personal data and the admin ----------------------------------------------------------


def test_provider_link_is_in_the_data_export_and_goes_with_the_account(
    client, oidc, professional_a_without_mfa
):
    sign_in(client, oidc, professional_a_without_mfa.email, name="Paula")
    exported = user_export_data(user=professional_a_without_mfa)["account"]
    [link] = exported["identity_provider_accounts"]
    assert link["provider"] == "gemeente"
    assert link["uid"] == professional_a_without_mfa.email
    user_delete(user=professional_a_without_mfa)
    assert not SocialAccount.objects.exists()


def test_client_secrets_and_tokens_have_no_admin():
    assert SocialApp not in admin.site._registry
    assert SocialToken not in admin.site._registry


def test_a_new_resident_still_signs_up_with_a_password(client, oidc):
    form = {
        "display_name": "Nieuw",
        "email": "nieuw@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    assert client.post(reverse("account_signup"), form).status_code == 302
    assert User.objects.filter(email="nieuw@example.org").exists()
