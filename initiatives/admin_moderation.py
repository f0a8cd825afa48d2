"""Comments and moderation in the admin: read-only records.

Hiding, restoring, dismissing and blocking go through the moderation queue
(/initiatieven/moderatie/), whose services notify authors and keep the record.
"""

from django.contrib import admin

from .models import AbuseReport, Comment, ModerationAction, PostingBlock


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


@admin.register(PostingBlock)
class PostingBlockAdmin(ReadOnlyAdmin):
    list_display = ["user", "created_at", "blocked_by", "reason"]
    list_select_related = ["user", "blocked_by"]
    search_fields = ["user__email", "user__display_name", "reason"]


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["action", "at", "by", "reason"]
    list_filter = ["action"]
    list_select_related = ["by"]
    search_fields = ["reason"]
