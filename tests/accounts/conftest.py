"""Accounts tests: a real OpenID Connect provider, and the platform configured for it.

oidc-provider-mock is a small provider built on Authlib's server components: discovery,
authorisation code flow, signed ID tokens, userinfo, end-session. It runs in a thread
of the test process on a free port and starts in well under a second; any client id
and secret are accepted, and the claims of a person are set with ``PUT /users/<sub>``.
Its sign-in form asks only for the subject: the test plays the person.
"""

import os

import oidc_provider_mock
import pytest

from mijnbuurt.settings import oidc_providers


@pytest.fixture(scope="module")
def identity_provider():
    """The provider's issuer URL."""
    previous = os.environ.get("AUTHLIB_INSECURE_TRANSPORT")
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain HTTP on this machine
    try:
        with oidc_provider_mock.run_server_in_thread() as server:
            yield f"http://localhost:{server.server_port}"
    finally:
        if previous is None:
            del os.environ["AUTHLIB_INSECURE_TRANSPORT"]


def configure(settings, issuer: str) -> None:
    """The platform as OIDC_ISSUER and friends in the environment would set it up."""
    settings.SOCIALACCOUNT_PROVIDERS = oidc_providers(
        issuer=issuer,
        client_id="mijnbuurt",
        secret="geheim",
        name="Gemeente Assen",
        verified_email_domains=[],
        acr_values=[],
    )
    settings.OIDC_MFA_ACR_VALUES = []
    settings.OIDC_MFA_AMR_VALUES = []
    settings.OIDC_GROUP_CLAIM = ""
    settings.OIDC_GROUP_MAP = {}
    settings.OIDC_LOGOUT_AT_PROVIDER = False


@pytest.fixture
def oidc(settings, identity_provider):
    """The platform configured for the provider; the provider's issuer URL."""
    configure(settings, identity_provider)
    return identity_provider
