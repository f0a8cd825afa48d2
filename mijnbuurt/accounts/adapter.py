"""django-allauth adapters: e-mails in the recipient's language, links on SITE_URL, and
sign-in through the municipality's identity provider (``oidc.py``)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation

from mijnbuurt.core.client_ip import client_ip
from mijnbuurt.core.exceptions import ServiceError

from . import oidc

ALLAUTH_TOTP_STAGE = "allauth.mfa.stages.AuthenticateStage"


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        """Account e-mails in the recipient's language, through the outbox and the worker."""
        from mijnbuurt.notifications.services import outgoing_email_write

        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        subject = message.subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
        outgoing_email_write(to=email, subject=subject, body=message.body)

    def get_client_ip(self, request):
        """allauth's rate limits use the same client address as ours (TRUSTED_PROXY_COUNT)."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def get_login_stages(self):
        """allauth's, with a TOTP question that a strong sign-in at the IdP skips."""
        stage = f"{oidc.AuthenticateStage.__module__}.{oidc.AuthenticateStage.__name__}"
        stages = super().get_login_stages()
        return [stage if name == ALLAUTH_TOTP_STAGE else name for name in stages]

    def post_login(self, request, user, **kwargs):
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        oidc.session_after_login(request, user=user, sociallogin=sociallogin)
        return super().post_login(request, user, **kwargs)

    def get_logout_redirect_url(self, request):
        return oidc.logout_url(request) or super().get_logout_redirect_url(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through the IdP: only into existing staff and professional accounts."""

    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return False

    def pre_social_login(self, request, sociallogin) -> None:
        try:
            user = oidc.oidc_sign_in_account(sociallogin=sociallogin)
        except ServiceError as error:
            messages.error(request, error.message)
            raise ImmediateHttpResponse(redirect("account_login")) from error
        if not sociallogin.is_existing:
            sociallogin.connect(request, user)
