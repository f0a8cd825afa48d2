"""Forms of activities: plan or change one, and the filters of the list."""

import datetime as dt

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.widgets import CachedSelect
from neighbourhoods.forms import BuurtChoiceField
from neighbourhoods.models import Neighbourhood
from neighbourhoods.selectors import buurten_for_choice

from .models import Activity
from .selectors import activities_between, activities_in_neighbourhood, rooms_for_choice

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class RoomChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.venue.name}: {obj.name} ({obj.capacity})"


class ActivityDetailsForm(forms.Form):
    """What an activity is about; also the form to change one."""

    use_required_attribute = False

    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Activity.Kind.choices)
    audience = forms.ChoiceField(
        label=_("For whom"), choices=Activity.Audience.choices, initial="everyone"
    )
    accessibility = forms.CharField(
        label=_("Accessibility"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: a lift, a hearing loop, parking close to the door."),
    )
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    is_free = forms.BooleanField(label=_("Free"), required=False, initial=True)
    costs = forms.CharField(
        label=_("Costs"),
        required=False,
        max_length=120,
        help_text=_("If it is not free, for example: 2 euro including coffee."),
    )
    registration = forms.ChoiceField(
        label=_("Registration"),
        choices=Activity.Registration.choices,
        initial="none",
        widget=forms.RadioSelect,
    )
    registration_link = forms.URLField(
        label=_("Link to register"), required=False, assume_scheme="https"
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Leave empty for no limit (in a room: the room's capacity)."),
    )
    online_link = forms.URLField(
        label=_("Link to join online"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to people who registered."),
    )


class ActivityForm(ActivityDetailsForm):
    acting_for = forms.ChoiceField(label=_("On behalf of"))
    neighbourhood = BuurtChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        widget=CachedSelect(key="buurt-choice"),
    )
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME)
    end_time = forms.TimeField(label=_("End time"), widget=TIME)
    place = forms.ChoiceField(
        label=_("Place"), choices=Activity.Place.choices, widget=forms.RadioSelect
    )
    room = RoomChoiceField(
        label=_("Room"),
        queryset=rooms_for_choice(),
        required=False,
        help_text=_("The room is booked for the activity at the same time."),
    )
    address = forms.CharField(label=_("Address"), required=False, max_length=200)

    field_order = ["acting_for", "title", "description", "kind", "audience", "neighbourhood"]

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["acting_for"].choices = [(c.key, c.label) for c in choices]
        self.fields["neighbourhood"].queryset = buurten_for_choice()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        day = data.pop("date")
        start = timezone.make_aware(dt.datetime.combine(day, data.pop("start_time")))
        end = timezone.make_aware(dt.datetime.combine(day, data.pop("end_time")))
        return data | {"start": start, "end": end}


class ActivityFilter(django_filters.FilterSet):
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("level", "name").only(
            "pk", "name", "slug", "level", "wijk_id"
        ),
        method="in_neighbourhood",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
        widget=CachedSelect(key="activities-neighbourhood"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Activity.Kind.choices, empty_label=_("All kinds")
    )
    from_date = django_filters.DateFilter(label=_("From"), method="between", widget=DATE)
    to_date = django_filters.DateFilter(label=_("Until"), method="between", widget=DATE)
    free = django_filters.BooleanFilter(
        label=_("Free only"), method="only_free", widget=forms.CheckboxInput
    )
    accessible = django_filters.BooleanFilter(
        label=_("Step-free access"), method="only_accessible", widget=forms.CheckboxInput
    )
    children = django_filters.BooleanFilter(
        label=_("For children"), method="for_children", widget=forms.CheckboxInput
    )

    class Meta:
        model = Activity
        fields = ["neighbourhood", "kind", "from_date", "to_date", "free", "accessible"]

    def in_neighbourhood(self, queryset, name, value):
        return activities_in_neighbourhood(queryset, value)

    def between(self, queryset, name, value):
        if name == "from_date":
            return activities_between(queryset, value, None)
        return activities_between(queryset, None, value)

    def only_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset

    def only_accessible(self, queryset, name, value):
        return queryset.filter(step_free=True) if value else queryset

    def for_children(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(audience=Activity.Audience.CHILDREN)


class CheckInForm(forms.Form):
    """One field for the code, typed or sent by a scanner (which ends with Enter)."""

    use_required_attribute = False

    code = forms.CharField(
        label=_("Check-in code"),
        max_length=20,
        required=False,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        help_text=_("Six letters and digits, from the person's screen or e-mail."),
    )


class MessageForm(forms.Form):
    """The organisers' message to everyone with a place."""

    use_required_attribute = False

    subject = forms.CharField(label=_("Subject"), max_length=120)
    text = forms.CharField(
        label=_("Message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ReportForm(forms.Form):
    """Afterwards: how many came and what happened."""

    use_required_attribute = False

    attendance = forms.IntegerField(
        label=_("How many people came"), min_value=0, max_value=100_000
    )
    report = forms.CharField(
        label=_("What happened"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Shown on the activity's page, for everyone."),
    )
