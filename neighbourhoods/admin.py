from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.phones import phone_display

from .models import AreaTeam, Neighbourhood, Organisation, TeamMembership
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
    list_display = ["name", "phone_number", "email", "walk_in_place"]
    search_fields = ["name", "email"]
    filter_horizontal = ["neighbourhoods"]
    inlines = [TeamMembershipInline]

    @admin.display(description=_("public phone number"), ordering="phone")
    def phone_number(self, team: AreaTeam) -> str:
        return phone_display(team.phone)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_approved", "created_at"]
    list_filter = ["is_approved", "kind"]
    search_fields = ["name", "description", "address"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["neighbourhoods"]
    autocomplete_fields = ["members"]
    actions = ["approve"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description=_("Approve the selected organisations"), permissions=["change"])
    def approve(self, request, queryset):
        count = organisation_approve(organisations=queryset)
        self.message_user(
            request,
            gettext("Organisations approved: %(count)d.") % {"count": count},
            messages.SUCCESS,
        )


@admin.register(TeamMembership)
class TeamMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "team", "discipline", "is_coordinator"]
    list_filter = ["team", "discipline", "is_coordinator"]
    list_select_related = ["user", "team"]
    search_fields = ["user__email", "user__display_name", "team__name"]
    autocomplete_fields = ["user"]
