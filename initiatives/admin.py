from django.contrib import admin, messages
from django.db.models import Count
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.exceptions import ServiceError

from .models import (
    BudgetLine,
    GrantLineItem,
    GrantRequest,
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Organiser,
    OrganiserInvitation,
    Status,
    StatusChange,
)
from .selectors import budget_lines_with_totals
from .services import initiative_transition


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
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "theme", "neighbourhood", "supporters", "submitted_at"]
    list_filter = ["status", "theme", "needs_money", "needs_volunteers"]
    list_select_related = ["neighbourhood"]
    search_fields = ["title", "summary", "description"]
    autocomplete_fields = ["copied_from"]
    readonly_fields = ["status", "submitted_at", "published_at", "created_at", "updated_at"]
    inlines = [OrganiserInline, InvitationInline, PhotoInline, UpdateInline, StatusChangeInline]
    actions = ["approve"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(supporter_total=Count("supports"))

    @admin.display(description=_("supporters"), ordering="supporter_total")
    def supporters(self, obj) -> int:
        return obj.supporter_total

    @admin.action(description=_("Approve and publish the selected initiatives"))
    def approve(self, request, queryset):
        approved, refused = 0, []
        for initiative in queryset:
            try:
                initiative_transition(
                    initiative=initiative, to_status=Status.PUBLISHED, by=request.user
                )
            except ServiceError as error:
                refused.append(f"{initiative.title}: {error.message}")
            else:
                approved += 1
        self.message_user(
            request,
            gettext("Initiatives approved: %(count)d.") % {"count": approved},
            messages.SUCCESS,
        )
        for message in refused:
            self.message_user(request, message, messages.WARNING)


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["year", "code", "name", "amount", "committed", "remaining"]
    list_filter = ["year"]
    search_fields = ["code", "name"]

    def get_queryset(self, request):
        return budget_lines_with_totals()

    @admin.display(description=_("committed"), ordering="committed")
    def committed(self, obj) -> str:
        return number_format(obj.committed, decimal_pos=2)

    @admin.display(description=_("remaining"), ordering="remaining")
    def remaining(self, obj) -> str:
        return number_format(obj.remaining, decimal_pos=2)


class GrantLineItemInline(admin.TabularInline):
    model = GrantLineItem
    extra = 0
    fields = ["description", "amount"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # organisers request through the site, where the rules are checked


@admin.register(GrantRequest)
class GrantRequestAdmin(admin.ModelAdmin):
    """Read-only: awards go through grant_award, which guards the budget line."""

    list_display = ["initiative", "status", "amount_requested", "amount_awarded", "budget_line"]
    list_filter = ["status", "budget_line__year"]
    list_select_related = ["initiative", "budget_line"]
    search_fields = ["initiative__title"]
    fields = [
        "initiative",
        "requested_by",
        "status",
        "amount_requested",
        "amount_awarded",
        "budget_line",
        "decided_by",
        "decided_at",
        "decline_reason",
        "paid_at",
        "created_at",
    ]
    readonly_fields = fields
    inlines = [GrantLineItemInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
