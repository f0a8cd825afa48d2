"""Thin receivers: allauth's account-security signals become notifications."""

from allauth.account.signals import password_changed, password_reset
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.dispatch import receiver

from .kinds import ACCOUNT_SECURITY
from .services import notify

# Recovery codes come and go together with the authenticator app; one notice is enough.
NOTIFIED_AUTHENTICATORS = {Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN}


def _security_notice(user, event: str, url_name: str) -> None:
    notify(recipient=user, kind=ACCOUNT_SECURITY.name, context={"event": event}, url_name=url_name)


@receiver(password_changed, dispatch_uid="notifications_password_changed")
def on_password_changed(sender, request, user, **kwargs) -> None:
    _security_notice(user, "password_changed", "account_change_password")


@receiver(password_reset, dispatch_uid="notifications_password_reset")
def on_password_reset(sender, request, user, **kwargs) -> None:
    _security_notice(user, "password_reset", "account_change_password")


@receiver(authenticator_added, dispatch_uid="notifications_authenticator_added")
def on_authenticator_added(sender, request, user, authenticator, **kwargs) -> None:
    if authenticator.type in NOTIFIED_AUTHENTICATORS:
        _security_notice(user, "mfa_added", "mfa_index")


@receiver(authenticator_removed, dispatch_uid="notifications_authenticator_removed")
def on_authenticator_removed(sender, request, user, authenticator, **kwargs) -> None:
    if authenticator.type in NOTIFIED_AUTHENTICATORS:
        _security_notice(user, "mfa_removed", "mfa_index")
