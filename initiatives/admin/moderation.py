"""Comments, moderation and participation records in the admin: read-only.

Hiding, restoring, dismissing and blocking go through the moderation queue
(/initiatieven/moderatie/), whose services notify authors and keep the record; status
changes are written by initiative_transition; support and follows by the residents.
"""

from django.contrib import admin

from ..models import (
    AbuseReport,
    Comment,
    Follow,
    ModerationAction,
    PostingBlock,
    StatusChange,
    Support,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "initiative", "author", "created_at", "hidden_at"]
    list_filter = [("hidden_at", admin.EmptyFieldListFilter)]
    list_select_related = ["initiative", "author"]
    search_fields = ["body", "initiative__title"]
    date_hierarchy = "created_at"


@admin.register(AbuseReport)
class AbuseReportAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "reason", "comment", "update", "initiative", "outcome"]
    list_filter = ["reason", "outcome", ("handled_at", admin.EmptyFieldListFilter)]
    list_select_related = ["comment", "update", "initiative"]
    search_fields = ["text", "initiative__title", "comment__body"]
    date_hierarchy = "created_at"


@admin.register(PostingBlock)
class PostingBlockAdmin(ReadOnlyAdmin):
    list_display = ["user", "created_at", "blocked_by", "reason"]
    list_select_related = ["user", "blocked_by"]
    search_fields = ["user__email", "user__display_name", "reason"]
    date_hierarchy = "created_at"


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["action", "at", "by", "reason"]
    list_filter = ["action"]
    list_select_related = ["by"]
    search_fields = ["reason"]
    date_hierarchy = "at"


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "initiative", "from_status", "to_status", "by"]
    list_filter = ["to_status", "from_status"]
    list_select_related = ["initiative", "by"]
    search_fields = ["initiative__title", "by__email"]
    date_hierarchy = "at"


@admin.register(Support)
class SupportAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "initiative", "user"]
    list_select_related = ["initiative", "user"]
    search_fields = ["initiative__title", "user__email"]
    date_hierarchy = "created_at"


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "initiative", "user"]
    list_select_related = ["initiative", "user"]
    search_fields = ["initiative__title", "user__email"]
    date_hierarchy = "created_at"
