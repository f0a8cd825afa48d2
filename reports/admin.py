"""Pilots in the admin: staff register them here; their figures are under
/admin/rapportages/proeven/."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Experiment, ExperimentNote
from .pilots.forms import ExperimentAdminForm


class ExperimentNoteInline(admin.TabularInline):
    model = ExperimentNote
    extra = 0
    fields = ("created_at", "text", "author")
    readonly_fields = ("author",)


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    form = ExperimentAdminForm
    list_display = ("name", "start_date", "end_date", "comparison", "published", "figures")
    list_filter = ("published", "comparison")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("wijken", "buurten", "comparison_wijken", "comparison_buurten")
    inlines = [ExperimentNoteInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "question")}),
        (_("Where and when"), {"fields": ("wijken", "buurten", ("start_date", "end_date"))}),
        (_("What is measured"), {"fields": ("indicators",)}),
        (
            _("Compared with"),
            {"fields": ("comparison", "comparison_wijken", "comparison_buurten")},
        ),
        (_("Public summary"), {"fields": ("published", "public_summary")}),
    )

    @admin.display(description=_("figures"))
    def figures(self, obj: Experiment) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("reports:pilot", args=[obj.slug]), _("Show figures")
        )

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if note.author_id is None:
                note.author = request.user
            note.save()
        for note in formset.deleted_objects:
            note.delete()
