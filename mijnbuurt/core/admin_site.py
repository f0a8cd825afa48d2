"""The admin site: staff only, with their second factor, logging in through allauth."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin

from .mfa import mfa_required
from .params import date_drilldown_checked


class PlatformAdminSite(admin.AdminSite):
    site_header = "Mijn buurt Assen"
    site_title = "Mijn buurt Assen"

    def admin_view(self, view, cacheable=False):
        """Every admin page (and the reports under it) needs two-factor authentication;
        a date drill-down with impossible numbers is refused, not a 500."""
        return super().admin_view(mfa_required(date_drilldown_checked(view)), cacheable)

    def login(self, request, extra_context=None):
        """Staff log in through allauth (with their second factor), never the bare form."""
        return secure_admin_login(super().login)(request, extra_context)
