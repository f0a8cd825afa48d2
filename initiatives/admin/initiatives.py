"""Initiatives in the admin: the list, organisers, invitations, photos, news and history
(read-only inlines), and the action that approves and publishes."""

from django.contrib import admin, messages
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.admin_lists import LargeChangeList
from mijnbuurt.core.exceptions import ServiceError

from ..models import (
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Organiser,
    OrganiserInvitation,
    Status,
    StatusChange,
    Support,
)
from ..services import initiative_transition


def report(model_admin, request, done: str, refused: list) -> None:
    """How many succeeded (one message), and per refused object why (an error each)."""
    model_admin.message_user(request, done, messages.SUCCESS if not refused else messages.WARNING)
    for obj, reason in refused:
        model_admin.message_user(request, f"{obj}: {reason}", messages.ERROR)


class OrganiserInline(admin.TabularInline):
    model = Organiser
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]


class InvitationInline(admin.TabularInline):
    model = OrganiserInvitation
    extra = 0
    fields = ["email", "invited_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # organisers invite through the site, where the rules are checked


class PhotoInline(admin.TabularInline):
    model = InitiativePhoto
    extra = 0
    fields = ["thumbnail", "description", "uploaded_by", "created_at"]
    readonly_fields = ["thumbnail", "uploaded_by", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # photos are added by organisers, through the checks in services


class UpdateInline(admin.TabularInline):
    model = InitiativeUpdate
    extra = 0
    fields = ["created_at", "author", "text", "thumbnail"]
    readonly_fields = ["created_at", "author", "thumbnail"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # the history is written by initiative_transition only


@admin.register(Initiative)
class InitiativeAdmin(LargeChangeList, admin.ModelAdmin):
    list_display = ["title", "status", "theme", "neighbourhood", "supporters", "submitted_at"]
    list_filter = ["status", "theme", "needs_money", "needs_volunteers"]
    list_select_related = ["neighbourhood"]
    search_fields = ["=id", "title", "summary", "description"]
    autocomplete_fields = ["copied_from"]
    readonly_fields = [
        "status",
        "submitted_at",
        "published_at",
        "created_at",
        "updated_at",
        "hidden_at",
        "hidden_by",
        "hidden_reason",
    ]
    inlines = [OrganiserInline, InvitationInline, PhotoInline, UpdateInline, StatusChangeInline]
    actions = ["approve"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # A subquery per listed row, not a join: counting the list, its dates and the
        # sort need no grouping of all supports.
        supports = (
            Support.objects.filter(initiative=OuterRef("pk"))
            .order_by()
            .values("initiative")
            .annotate(n=Count("pk"))
            .values("n")
        )
        total = Coalesce(Subquery(supports, output_field=IntegerField()), 0)
        return super().get_queryset(request).annotate(supporter_total=total)

    @admin.display(description=_("supporters"), ordering="supporter_total")
    def supporters(self, obj) -> int:
        return obj.supporter_total

    @admin.action(
        description=_("Approve and publish the selected initiatives"), permissions=["change"]
    )
    def approve(self, request, queryset):
        approved, refused = 0, []
        for initiative in queryset:
            try:
                initiative_transition(
                    initiative=initiative, to_status=Status.PUBLISHED, by=request.user
                )
            except ServiceError as error:
                refused.append((initiative, error.message))
            else:
                approved += 1
        report(
            self,
            request,
            gettext("Initiatives approved: %(count)d.") % {"count": approved},
            refused,
        )
