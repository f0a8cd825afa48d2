from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import (
    AccessLog,
    AreaTeam,
    HelpRequest,
    Neighbourhood,
    Organisation,
    ReplyTemplate,
    TeamMembership,
)
from .services import organisation_approve


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "wijk"]
    list_filter = ["level"]
    list_select_related = ["wijk"]
    search_fields = ["name", "code"]
    readonly_fields = ["code", "boundary"]


class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(AreaTeam)
class AreaTeamAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]
    search_fields = ["name"]
    filter_horizontal = ["neighbourhoods"]
    inlines = [TeamMembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_approved", "created_at"]
    list_filter = ["is_approved", "kind"]
    search_fields = ["name", "description", "address"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["neighbourhoods"]
    autocomplete_fields = ["members"]
    actions = ["approve"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description=_("Approve the selected organisations"))
    def approve(self, request, queryset):
        count = organisation_approve(organisations=queryset)
        self.message_user(
            request,
            gettext("Organisations approved: %(count)d.") % {"count": count},
            messages.SUCCESS,
        )


# --- Help requests ------------------------------------------------------------------------
# Staff maintain the reply templates. Requests themselves are worked on in /team/ (which
# writes the audit log); the admin shows only their non-personal fields, read-only.


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "is_active"]
    list_filter = ["is_active", "kind", "status"]
    search_fields = ["title", "text"]


class _ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HelpRequest)
class HelpRequestAdmin(_ReadOnlyAdmin):
    """Figures only: no description, no contact details, no messages."""

    list_display = ["pk", "kind", "urgency", "status", "team", "neighbourhood", "created_at"]
    list_filter = ["status", "kind", "urgency", "team"]
    list_select_related = ["team", "neighbourhood"]
    fields = [
        "kind",
        "urgency",
        "status",
        "neighbourhood",
        "team",
        "consent_share_anonymised",
        "created_at",
        "due_at",
        "first_contact_at",
        "closed_at",
        "anonymised_at",
    ]


@admin.register(AccessLog)
class AccessLogAdmin(_ReadOnlyAdmin):
    list_display = ["at", "user", "action", "request_number"]
    list_filter = ["action"]
    list_select_related = ["user"]
    search_fields = ["=request_number", "user__email"]
