from allauth.socialaccount.models import SocialApp, SocialToken
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "home_neighbourhood", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "preferred_language"]
    list_select_related = ["home_neighbourhood"]
    search_fields = ["email", "display_name"]
    date_hierarchy = "date_joined"
    readonly_fields = ["last_login", "date_joined", "anonymised_at"]
    autocomplete_fields = ["home_neighbourhood"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "preferred_language", "home_neighbourhood"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined", "anonymised_at"]}),
    ]
    privilege_fields = ["is_staff", "is_superuser", "groups", "user_permissions"]

    def get_readonly_fields(self, request, obj=None):
        """Only a superuser (the platform's technical administrator) hands out rights."""
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += self.privilege_fields
        return fields

    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]


# The identity provider is configured by the environment (settings.py, OIDC_*), and no
# tokens are kept: client secrets and tokens have no place in the admin. Links to the
# IdP (SocialAccount) stay visible to the technical administrator.
admin.site.unregister(SocialApp)
admin.site.unregister(SocialToken)
