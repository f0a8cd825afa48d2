"""Help requests in the admin.

Staff maintain the reply templates. Requests themselves are worked on in /team/ (which
writes the audit log); the admin shows only their non-personal fields, read-only.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.admin_lists import LargeChangeList
from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import AreaTeam

from .models import AccessLog, HelpRequest, HelpRequestEvent, ReplyTemplate, Satisfaction
from .services import help_request_assign_team


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


class TeamChoiceForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Area team"), queryset=AreaTeam.objects.order_by("name"), empty_label=None
    )


@admin.register(HelpRequest)
class HelpRequestAdmin(LargeChangeList, _ReadOnlyAdmin):
    """Figures only: no description, no contact details, no messages, no requester."""

    list_display = ["pk", "kind", "urgency", "status", "team", "neighbourhood", "created_at"]
    list_filter = [("created_at", admin.DateFieldListFilter), "status", "kind", "urgency", "team"]
    list_select_related = ["team", "neighbourhood"]
    search_fields = ["=id"]
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
    actions = ["assign_team"]

    def has_assign_permission(self, request) -> bool:
        return request.user.has_perm("helprequests.change_helprequest")

    @admin.action(
        description=_("Move the selected requests to another area team"), permissions=["assign"]
    )
    def assign_team(self, request, queryset):
        """Through help_request_assign_team: it refuses closed requests and logs the move."""
        help_requests = list(
            queryset.select_related(None).only("pk", "status", "team_id").order_by("pk")
        )
        form = TeamChoiceForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": gettext("Move help requests to another area team"),
                "opts": self.model._meta,
                "form": form,
                "selected": help_requests,
                "action_name": "assign_team",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/actions/help_request_assign_team.html", context
            )
        team, moved, refused = form.cleaned_data["team"], 0, []
        for help_request in help_requests:
            try:
                help_request_assign_team(help_request=help_request, team=team, by=request.user)
            except ServiceError as error:
                refused.append((help_request, error.message))
            else:
                moved += 1
        done = gettext("Help requests moved to %(team)s: %(count)d.") % {
            "team": team.name,
            "count": moved,
        }
        self.message_user(request, done, messages.WARNING if refused else messages.SUCCESS)
        for help_request, reason in refused:
            self.message_user(request, f"{help_request}: {reason}", messages.ERROR)
        return None


@admin.register(HelpRequestEvent)
class HelpRequestEventAdmin(_ReadOnlyAdmin):
    """The status history as numbers: no note and no actor (who may be the resident)."""

    list_display = ["at", "request_number", "from_status", "to_status"]
    list_filter = ["to_status"]
    search_fields = ["=request__id"]
    date_hierarchy = "at"
    fields = ["request_number", "from_status", "to_status", "at"]

    @admin.display(description=_("request number"), ordering="request_id")
    def request_number(self, event) -> int | None:
        return event.request_id


@admin.register(Satisfaction)
class SatisfactionAdmin(_ReadOnlyAdmin):
    """Scores only: the resident's comment stays with the team."""

    list_display = ["request_number", "score", "created_at"]
    list_filter = ["score"]
    date_hierarchy = "created_at"
    fields = ["request_number", "score", "created_at"]

    @admin.display(description=_("request number"), ordering="request_id")
    def request_number(self, satisfaction) -> int | None:
        return satisfaction.request_id


@admin.register(AccessLog)
class AccessLogAdmin(_ReadOnlyAdmin):
    list_display = ["at", "user", "action", "request_number"]
    list_filter = ["action"]
    list_select_related = ["user"]
    search_fields = ["=request_number", "user__email"]
    date_hierarchy = "at"
    fields = ["at", "user", "action", "request_number"]
