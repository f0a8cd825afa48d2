import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.widgets import CachedSelect
from neighbourhoods.models import Neighbourhood

from .models import Initiative, Need, Status, Theme
from .selectors.initiatives import initiative_search, initiatives_in_neighbourhood

PUBLIC_STATUS_CHOICES = [(s.value, s.label) for s in (Status.PUBLISHED, Status.COMPLETED)]
SORT_CHOICES = [("newest", _("Newest first")), ("supported", _("Most supported first"))]


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=forms.TextInput(attrs={"type": "search"})
    )
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("level", "name").only(
            "pk", "name", "slug", "level", "wijk_id"
        ),
        method="in_neighbourhood",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
        widget=CachedSelect(key="initiatives-neighbourhood"),
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=Theme.choices, empty_label=_("All themes")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PUBLIC_STATUS_CHOICES, empty_label=_("Running and completed")
    )
    need = django_filters.ChoiceFilter(
        label=_("Needs"), choices=Need.choices, method="needing", empty_label=_("Anything")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=SORT_CHOICES, method="sorted_by", empty_label=None
    )

    class Meta:
        model = Initiative
        fields = ["q", "neighbourhood", "theme", "status", "need", "sort"]

    @property
    def qs(self):
        queryset = super().qs
        if not self.is_bound or not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by("-published_at", "-pk")
        return queryset

    def search(self, queryset, name, value):
        return initiative_search(queryset, value)

    def in_neighbourhood(self, queryset, name, value):
        return initiatives_in_neighbourhood(queryset, value)

    def needing(self, queryset, name, value):
        return queryset.filter(**{f"needs_{value}": True})

    def sorted_by(self, queryset, name, value):
        if value == "supported":
            return queryset.order_by("-supporter_count", "-published_at", "-pk")
        return queryset.order_by("-published_at", "-pk")


class KnowledgeFilter(django_filters.FilterSet):
    """The knowledge section: completed initiatives by theme and neighbourhood."""

    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=Theme.choices, empty_label=_("All themes")
    )
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("level", "name").only(
            "pk", "name", "slug", "level", "wijk_id"
        ),
        method="in_neighbourhood",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
        widget=CachedSelect(key="knowledge-neighbourhood"),
    )

    class Meta:
        model = Initiative
        fields = ["theme", "neighbourhood"]

    def in_neighbourhood(self, queryset, name, value):
        return initiatives_in_neighbourhood(queryset, value)
