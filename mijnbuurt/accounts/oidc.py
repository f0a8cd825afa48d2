"""Sign-in through the municipality's identity provider (OpenID Connect).

django-allauth's ``openid_connect`` provider speaks the protocol; ``settings.py`` builds
it from the environment and leaves it out without ``OIDC_ISSUER``. This module holds
what the platform decides (the adapters in ``adapter.py`` call it):

- Nobody gets an account through the IdP. A sign-in goes to an existing, active account
  that is municipal staff or an area-team professional: the one linked to the IdP's
  subject before, or else the one with the e-mail address, verified by the IdP
  (``email_verified`` or ``OIDC_VERIFIED_EMAIL_DOMAINS``) and on this platform. Anyone
  else is refused with a message, and nothing is stored.
- Groups (``OIDC_GROUP_CLAIM``, ``OIDC_GROUP_MAP``): with a claim set, a sign-in needs
  a value named in the map, and membership of the staff group "gemeente" follows the
  values mapped to it, given or taken away at each sign-in through the IdP. A sign-in
  that leaves the account neither staff nor professional is refused. The superuser
  flag is never touched.
- Two-factor: an ID token whose ``acr`` is one of ``OIDC_MFA_ACR_VALUES``, or whose
  ``amr`` names one of ``OIDC_MFA_AMR_VALUES``, stands in for TOTP for that session:
  allauth's TOTP question at login is skipped and ``mijnbuurt.core.mfa`` accepts the
  session. Without such a setting the platform's TOTP is asked as after a password.
- Logout: with ``OIDC_LOGOUT_AT_PROVIDER`` the logout also goes to the IdP's
  ``end_session_endpoint`` (RP-initiated logout), which sends the person back home.
"""

import logging
from urllib.parse import urlencode

import requests
from allauth.account.models import EmailAddress
from allauth.mfa import stages as mfa_stages
from django.conf import settings
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.mfa import SECOND_FACTOR_BY_IDP_SESSION_KEY

from .groups import STAFF_GROUP
from .models import User
from .roles import Role, user_has_role
from .services import staff_membership_set

logger = logging.getLogger(__name__)

# Where the IdP's logout is kept for this session (OIDC_LOGOUT_AT_PROVIDER).
LOGOUT_SESSION_KEY = "mijnbuurt_oidc_logout"


def _id_token(sociallogin) -> dict:
    return sociallogin.account.extra_data.get("id_token") or {}


def _claims(sociallogin) -> dict:
    """The ID token's claims with the userinfo endpoint's over them."""
    data = sociallogin.account.extra_data
    return {**(data.get("id_token") or {}), **(data.get("userinfo") or {})}


def _as_list(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def strong_authentication(sociallogin) -> bool:
    """The IdP signed the person in with a method the settings accept instead of TOTP.

    Read from the ID token only: ``acr`` and ``amr`` describe that authentication.
    """
    token = _id_token(sociallogin)
    acr = token.get("acr")
    if isinstance(acr, str) and acr and acr in settings.OIDC_MFA_ACR_VALUES:
        return True
    wanted_methods = {method for method in settings.OIDC_MFA_AMR_VALUES if method}
    return bool(wanted_methods & set(_as_list(token.get("amr"))))


def _may_use(user: User) -> bool:
    return user_has_role(user, Role.STAFF) or user_has_role(user, Role.PROFESSIONAL)


def _account_by_verified_email(sociallogin) -> User | None:
    for address in sociallogin.email_addresses:
        if not address.verified:
            continue
        known = (
            EmailAddress.objects.filter(email__iexact=address.email, verified=True)
            .select_related("user")
            .first()
        )
        if known:
            return known.user
    return None


def oidc_sign_in_account(*, sociallogin) -> User:
    """The account this sign-in is for, with the IdP's groups applied.

    Raises ``ServiceError`` (a message for the person) when the sign-in is refused;
    then no account, link or group has been changed, except a staff membership the
    IdP took away (that stays: the IdP's groups are the word on it).
    """
    name = sociallogin.provider.name
    not_for_you = _(
        "Signing in through %(name)s is only for municipal staff and area-team "
        "professionals who have an account here. Sign in with your e-mail address and "
        "password, or ask the municipality for access."
    ) % {"name": name}
    linked = sociallogin.is_existing
    user = sociallogin.user if linked else _account_by_verified_email(sociallogin)
    if user is None or not user.is_active or not _may_use(user):
        raise ServiceError(not_for_you, code="not_staff_or_professional")
    if settings.OIDC_GROUP_CLAIM:
        group_map = settings.OIDC_GROUP_MAP
        values = _as_list(_claims(sociallogin).get(settings.OIDC_GROUP_CLAIM))
        targets = {group_map[value] for value in values if value in group_map}
        if not targets:
            raise ServiceError(
                _(
                    "Your account at %(name)s is not in a group that may sign in here. "
                    "Ask the municipality for access."
                )
                % {"name": name},
                code="no_group",
            )
        staff_membership_set(user=user, member=STAFF_GROUP in targets)
        if not _may_use(user):
            raise ServiceError(not_for_you, code="not_staff_or_professional")
    return user


class AuthenticateStage(mfa_stages.AuthenticateStage):
    """allauth's TOTP question at login, skipped after a strong sign-in at the IdP."""

    def _should_handle(self, request) -> bool:
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and strong_authentication(sociallogin):
            return False
        return super()._should_handle(request)


def session_after_login(request, *, user: User, sociallogin) -> None:
    """Mark a session signed in through the IdP: two-factor by the IdP, its logout.

    Every login passes here, so a login by password never keeps either mark.
    """
    request.session.pop(SECOND_FACTOR_BY_IDP_SESSION_KEY, None)
    request.session.pop(LOGOUT_SESSION_KEY, None)
    if sociallogin is None:
        return
    if strong_authentication(sociallogin):
        request.session[SECOND_FACTOR_BY_IDP_SESSION_KEY] = user.pk
    if settings.OIDC_LOGOUT_AT_PROVIDER:
        provider = sociallogin.provider
        try:
            config = provider.get_oauth2_adapter(request).openid_config
        except (requests.RequestException, ValueError):
            logger.warning("OIDC: no discovery document for the logout at the IdP")
            return
        if endpoint := config.get("end_session_endpoint"):
            request.session[LOGOUT_SESSION_KEY] = {
                "endpoint": endpoint,
                "client_id": provider.app.client_id,
            }


def logout_url(request) -> str | None:
    """The IdP's logout for a session signed in through it, back to the home page."""
    logout = request.session.get(LOGOUT_SESSION_KEY)
    if not logout or not settings.OIDC_LOGOUT_AT_PROVIDER:
        return None
    query = urlencode(
        {"client_id": logout["client_id"], "post_logout_redirect_uri": f"{settings.SITE_URL}/"}
    )
    separator = "&" if "?" in logout["endpoint"] else "?"
    return f"{logout['endpoint']}{separator}{query}"
