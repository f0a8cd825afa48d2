"""Staff maintain the lists (skills, kinds of task and the professional-only line) and
can look into tasks and sign-ups; changing sign-ups goes through the pages' rules."""

from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.admin_lists import LargeChangeList
from mijnbuurt.core.dates import planned_dates_check
from mijnbuurt.core.exceptions import ServiceError

from .models import (
    HandOver,
    OffShiftHours,
    Shift,
    SignUp,
    Skill,
    Suggestion,
    Task,
    TaskInvitation,
    TaskKind,
    TrustedVolunteer,
    VogCheck,
    VolunteerProfile,
)


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TaskKind)
class TaskKindAdmin(admin.ModelAdmin):
    list_display = ["name", "professional_only"]
    list_filter = ["professional_only"]
    search_fields = ["name", "explanation"]
    prepopulated_fields = {"slug": ["name"]}


class ShiftAdminForm(forms.ModelForm):
    """Staff plan shifts within the organisers' bounds: from today to the horizon."""

    def clean(self):
        data = super().clean()
        for name in ("starts_at", "ends_at"):
            moment = data.get(name)
            if moment is None or name not in self.changed_data:
                continue
            try:
                planned_dates_check(first=moment.date())
            except ServiceError as error:
                self.add_error(name, forms.ValidationError(error.message, code=error.code))
        return data


class ShiftInline(admin.TabularInline):
    model = Shift
    form = ShiftAdminForm
    extra = 0
    fields = ["starts_at", "ends_at", "places"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "neighbourhood", "status", "requires_vog", "published_at"]
    list_filter = [
        "status",
        "kind",
        "theme",
        "requires_vog",
        "requires_seen_vog",
        "is_recurring",
        "neighbourhood__wijk",
    ]
    list_select_related = ["kind", "neighbourhood"]
    search_fields = ["title", "description"]
    raw_id_fields = ["neighbourhood", "initiative", "organisation", "created_by"]
    readonly_fields = ["created_at", "updated_at", "published_at"]
    filter_horizontal = ["skills"]
    date_hierarchy = "published_at"
    inlines = [ShiftInline]


class SignUpInline(admin.TabularInline):
    model = SignUp
    extra = 0
    can_delete = False
    fields = ["volunteer", "status", "attended", "hours", "hours_status", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Shift)
class ShiftAdmin(admin.ModelAdmin):
    form = ShiftAdminForm
    list_display = ["task", "starts_at", "ends_at", "places", "confirmed"]
    list_select_related = ["task"]
    list_filter = ["task__status", "task__kind"]
    search_fields = ["task__title"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["task"]
    inlines = [SignUpInline]

    def get_queryset(self, request):
        confirmed = Count("signups", filter=Q(signups__status=SignUp.Status.CONFIRMED))
        return super().get_queryset(request).annotate(confirmed_count=confirmed)

    @admin.display(description=_("signed up"), ordering="confirmed_count")
    def confirmed(self, shift) -> int:
        return shift.confirmed_count


@admin.register(SignUp)
class SignUpAdmin(LargeChangeList, admin.ModelAdmin):
    """Read-only: sign-ups change through the services (places, waiting list, notices)."""

    list_display = ["volunteer", "shift", "status", "attended", "hours", "hours_status"]
    # A period filter, not a date hierarchy: that reads every sign-up to list its dates.
    list_filter = [("created_at", admin.DateFieldListFilter), "status", "hours_status", "attended"]
    list_select_related = ["volunteer", "shift__task"]
    search_fields = ["shift__task__title", "volunteer__email", "volunteer__display_name"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OffShiftHours)
class OffShiftHoursAdmin(admin.ModelAdmin):
    """Read-only: the task's organisers confirm or reject hours on the task page."""

    list_display = ["volunteer", "task", "date", "hours", "status", "decided_at"]
    list_filter = ["status", ("date", admin.DateFieldListFilter)]
    list_select_related = ["volunteer", "task"]
    search_fields = ["task__title", "volunteer__email", "volunteer__display_name"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "is_findable", "vog_date", "max_hours_per_month", "updated_at"]
    list_filter = ["is_findable", ("vog_date", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__display_name"]
    date_hierarchy = "created_at"
    raw_id_fields = ["user"]
    filter_horizontal = ["skills", "neighbourhoods"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "task", "score", "computed_at", "notified_at"]
    list_select_related = ["volunteer", "task"]
    search_fields = ["task__title", "volunteer__email"]
    date_hierarchy = "computed_at"
    readonly_fields = ["volunteer", "task", "score", "reasons", "computed_at", "notified_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(TaskInvitation)
class TaskInvitationAdmin(admin.ModelAdmin):
    list_display = ["task", "volunteer", "invited_by", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["task", "volunteer", "invited_by"]
    search_fields = ["task__title", "volunteer__email", "invited_by__email"]
    date_hierarchy = "created_at"
    readonly_fields = ["task", "volunteer", "invited_by", "created_at", "answered_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(HandOver)
class HandOverAdmin(admin.ModelAdmin):
    """Read-only, and only the request's number: its content stays with the area team."""

    list_display = ["task", "help_request_id", "status", "volunteer", "confirmed_at"]
    list_filter = ["status"]
    list_select_related = ["task", "volunteer"]
    search_fields = ["task__title"]
    date_hierarchy = "created_at"
    fields = ["task", "help_request_id", "status", "volunteer", "confirmed_by", "confirmed_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TrustedVolunteer)
class TrustedVolunteerAdmin(admin.ModelAdmin):
    list_display = ["volunteer", "team", "added_by", "created_at"]
    list_filter = ["team"]
    list_select_related = ["volunteer", "team", "added_by"]
    search_fields = ["volunteer__email", "volunteer__display_name", "team__name"]
    raw_id_fields = ["volunteer", "added_by"]
    readonly_fields = ["created_at"]


@admin.register(VogCheck)
class VogCheckAdmin(admin.ModelAdmin):
    """Read-only: organisers record a VOG they saw on a task's page (VOG gezien). Staff
    can delete a check recorded by mistake."""

    list_display = ["volunteer", "organisation", "issued_on", "seen_by", "seen_at"]
    list_filter = ["organisation__is_approved"]
    list_select_related = ["volunteer", "organisation", "seen_by"]
    search_fields = ["volunteer__email", "volunteer__display_name", "organisation__name"]
    date_hierarchy = "seen_at"
    fields = ["volunteer", "organisation", "issued_on", "seen_by", "seen_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
