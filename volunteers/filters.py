"""Filters of the task list (/vrijwilligerswerk/); the query shapes are in selectors."""

import django_filters
from django import forms
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from initiatives.models import Theme
from mijnbuurt.core.widgets import CachedSelect
from neighbourhoods.models import Neighbourhood

from .models import Skill, Task
from .selectors.tasks import task_search, tasks_in_neighbourhood, tasks_with_shift_between

RECURRENCE_CHOICES = [("once", _("One-off")), ("recurring", _("Recurring"))]


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("level", "name").only(
            "pk", "name", "slug", "level"
        ),
        method="in_neighbourhood",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
        widget=CachedSelect(key="tasks-neighbourhood"),
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=Theme.choices, empty_label=_("All themes")
    )
    skill = django_filters.ModelChoiceFilter(
        label=_("Skill"),
        queryset=Skill.objects.order_by("name"),
        field_name="skills",
        empty_label=_("All skills"),
        to_field_name="slug",
        widget=CachedSelect(key="tasks-skill"),
    )
    date_from = django_filters.DateFilter(
        label=_("With a shift from"),
        method="noop",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("With a shift until"),
        method="noop",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    recurrence = django_filters.ChoiceFilter(
        label=_("One-off or recurring"),
        choices=RECURRENCE_CHOICES,
        method="by_recurrence",
        empty_label=_("Both"),
    )
    without_vog = django_filters.BooleanFilter(
        label=_("Suitable without a certificate of conduct (VOG)"),
        method="no_vog",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Task
        fields = [
            "q",
            "neighbourhood",
            "theme",
            "skill",
            "date_from",
            "date_to",
            "recurrence",
            "without_vog",
        ]

    def search(self, queryset, name, value):
        return task_search(queryset, value)

    def in_neighbourhood(self, queryset, name, value):
        return tasks_in_neighbourhood(queryset, value)

    def by_recurrence(self, queryset, name, value):
        return queryset.filter(is_recurring=value == "recurring")

    def no_vog(self, queryset, name, value):
        return queryset.filter(requires_vog=False) if value else queryset

    def noop(self, queryset, name, value):
        return queryset  # the date range is applied as one in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start = self.form.cleaned_data.get("date_from")
        end = self.form.cleaned_data.get("date_to")
        if start or end:
            queryset = tasks_with_shift_between(queryset, start=start, end=end)
        return queryset


def filter_form_html(filterset: TaskFilter) -> SafeString:
    """The filter form's markup. With no filter chosen it is the same for everyone: then
    it is rendered once per language and kept in the cache as long as the options of
    its ``CachedSelect`` fields are (new neighbourhoods and skills show within that)."""
    data = filterset.data if filterset.is_bound else {}
    if any(data.get(name) for name in filterset.filters):
        return filterset.form.render()
    key = f"volunteers:task-filter-form:{get_language()}"
    html = cache.get(key)
    if html is None:
        html = str(filterset.form.render())
        cache.set(key, html, CachedSelect.cache_seconds)
    return mark_safe(html)  # noqa: S308 - the form's own rendering, escaped there
