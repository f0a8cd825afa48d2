"""Two-factor authentication guard for staff and area-team professionals."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from mijnbuurt.accounts.roles import user_requires_mfa

from .i18n import strip_language_prefix


def mfa_setup_required(user) -> bool:
    """A user whose roles need two-factor authentication and who has not set it up."""
    return user.is_authenticated and user_requires_mfa(user) and not is_mfa_enabled(user)


class RequireMFAMiddleware:
    """Sends staff and professionals without TOTP to the set-up page.

    Applies to the tools listed in ``MFA_PROTECTED_PATHS`` (the admin, the area
    team pages); the rest of the site stays usable so that they can set it up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = strip_language_prefix(request.path_info)
        protected = any(path.startswith(prefix) for prefix in settings.MFA_PROTECTED_PATHS)
        if protected and mfa_setup_required(request.user):
            messages.warning(
                request,
                _("Set up two-factor authentication first: your role requires it."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
