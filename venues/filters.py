import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Accessibility, Facility, Room, Venue


def _neighbourhoods():
    from neighbourhoods.models import Neighbourhood

    return Neighbourhood.objects.order_by("level", "name").only("pk", "name", "slug", "level")


class VenueFilter(django_filters.FilterSet):
    """Venues by neighbourhood (a wijk includes its buurten), and by one room that holds
    the group and has every facility asked for; accessibility of the building."""

    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=_neighbourhoods(),
        method="in_neighbourhood",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
    )
    people = django_filters.NumberFilter(
        label=_("Number of people"),
        method="noop",
        min_value=1,
        max_value=10000,
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
    )
    facilities = django_filters.MultipleChoiceFilter(
        label=_("Facilities"),
        choices=Facility.choices,
        method="noop",
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility = django_filters.MultipleChoiceFilter(
        label=_("Accessibility"),
        choices=Accessibility.choices,
        method="accessible",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Venue
        fields = ["neighbourhood", "people", "facilities", "accessibility"]

    def in_neighbourhood(self, queryset, name, value):
        return queryset.filter(Q(neighbourhood=value) | Q(neighbourhood__wijk=value))

    def accessible(self, queryset, name, values):
        return queryset.filter(**dict.fromkeys(values, True)) if values else queryset

    def noop(self, queryset, name, value):
        return queryset  # combined per room in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        people = self.form.cleaned_data.get("people")
        facilities = self.form.cleaned_data.get("facilities") or []
        if people or facilities:
            rooms = Room.objects.filter(is_bookable=True, **dict.fromkeys(facilities, True))
            if people:
                rooms = rooms.filter(capacity__gte=people)
            queryset = queryset.filter(pk__in=rooms.values("venue_id"))
        return queryset
