import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Neighbourhood, Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All kinds")
    )
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("level", "name").only(
            "pk", "name", "slug", "level", "wijk_id"
        ),
        method="serving",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "neighbourhood"]

    def search(self, queryset, name, value):
        words = value.split()[:5]
        for word in words:
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(description__icontains=word)
                | Q(address__icontains=word)
            )
        return queryset

    def serving(self, queryset, name, value):
        """Organisations serving the neighbourhood, its wijk, or one of its buurten."""
        where = Q(neighbourhoods=value) | Q(neighbourhoods__wijk=value)
        if value.wijk_id:
            where |= Q(neighbourhoods=value.wijk_id)
        ids = Organisation.objects.filter(where).values("pk")
        return queryset.filter(pk__in=ids)
