"""Staff keep the categories (with the care flag) and can look into listings, reports
and the log of moderators reading reported conversations; conversations are not in
the admin: only their two sides read them (a moderator, logged, through a report)."""

from django.contrib import admin

from .models import Category, ConversationAccess, Listing, Report


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "is_care", "is_active", "position"]
    list_filter = ["is_care", "is_active"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["title", "direction", "kind", "category", "neighbourhood", "status"]
    list_filter = ["status", "direction", "kind", "category"]
    search_fields = ["title"]
    list_select_related = ["category", "neighbourhood"]
    readonly_fields = [f.name for f in Listing._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:
        return False


class _ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(_ReadOnlyAdmin):
    """Decided on /vraag-en-aanbod/moderatie/; the admin keeps the record."""

    list_display = ["created_at", "reason", "listing", "message_id", "outcome", "handled_at"]
    list_filter = ["reason", "outcome"]
    list_select_related = ["listing"]
    date_hierarchy = "created_at"
    fields = [
        "created_at",
        "reporter",
        "reason",
        "text",
        "listing",
        "message",
        "handled_at",
        "handled_by",
        "outcome",
    ]


@admin.register(ConversationAccess)
class ConversationAccessAdmin(_ReadOnlyAdmin):
    list_display = ["at", "user", "conversation_number", "report"]
    list_select_related = ["user", "report"]
    search_fields = ["=conversation_number", "user__email"]
    date_hierarchy = "at"
    fields = ["at", "user", "conversation_number", "report"]
