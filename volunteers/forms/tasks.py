"""Organisers' forms: a task, one shift, a recurring series, the places of a shift."""

from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.forms import NeighbourhoodField
from mijnbuurt.core.dates import PlannedDateField
from neighbourhoods.models import Neighbourhood
from neighbourhoods.widgets import LocationField

from ..models import Availability, Skill, Task, TaskKind
from ..services.tasks import MAX_OCCURRENCES, MAX_PLACES, guarded_line_message

VOG_NONE, VOG_OWN, VOG_SEEN = "", "own", "seen"
VOG_CHOICES = [
    (VOG_NONE, _("Not needed")),
    (VOG_OWN, _("Needed: the volunteer gives the date of their VOG on their profile")),
    (VOG_SEEN, _("Needed and seen: a member of an approved organisation has seen the VOG")),
]


class KindField(forms.ModelChoiceField):
    """Every kind is listed; the professional-only ones are marked as such."""

    def label_from_instance(self, obj: TaskKind) -> str:
        if obj.professional_only:
            return _("%(kind)s (professionals only, cannot be published)") % {"kind": obj.name}
        return obj.name


class TaskForm(forms.ModelForm):
    kind = KindField(
        label=_("Kind of task"),
        queryset=TaskKind.objects.none(),
        empty_label=_("Choose a kind of task"),
        help_text=_(
            "Some kinds of work are for professionals only, such as personal care or debt "
            "counselling. Those are marked; a task of such a kind cannot be posted for "
            "volunteers."
        ),
    )
    neighbourhood = NeighbourhoodField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        empty_label=_("Choose a neighbourhood"),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills wanted"),
        queryset=Skill.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    location = LocationField(
        label=_("Where does it happen?"),
        help_text=_("Optional: a place on the map, so volunteers know where to go."),
    )
    min_age = forms.IntegerField(
        label=_("Minimum age"),
        min_value=1,
        max_value=99,
        required=False,
        help_text=_("Leave empty if anyone can help."),
    )
    cancellation_hours = forms.IntegerField(
        label=_("Volunteers can cancel up to (hours before a shift)"),
        min_value=0,
        max_value=14 * 24,
        initial=24,
    )
    vog = forms.ChoiceField(
        label=_("Certificate of conduct (VOG)"),
        choices=VOG_CHOICES,
        required=False,
        initial=VOG_NONE,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Task
        fields = [
            "title",
            "description",
            "kind",
            "skills",
            "theme",
            "neighbourhood",
            "vog",
            "min_age",
            "cancellation_hours",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = TaskKind.objects.order_by("name")
        self.fields["skills"].queryset = Skill.objects.order_by("name")
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.select_related(
            "wijk"
        ).order_by("level", "name")
        themes = list(self.fields["theme"].choices)[1:]
        self.fields["theme"].choices = [("", _("Choose a theme")), *themes]
        if self.instance.pk and self.instance.has_location:
            self.fields["location"].initial = (self.instance.latitude, self.instance.longitude)
        if self.instance.requires_seen_vog:
            self.fields["vog"].initial = VOG_SEEN
        elif self.instance.requires_vog:
            self.fields["vog"].initial = VOG_OWN

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if kind is not None and kind.professional_only:
            raise forms.ValidationError(guarded_line_message(kind), code="professional_only")
        return kind

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["skills"] = list(data["skills"] or [])
        vog = data.pop("vog") or VOG_NONE
        data["requires_vog"] = vog != VOG_NONE
        data["requires_seen_vog"] = vog == VOG_SEEN
        data["latitude"], data["longitude"] = self.cleaned_data.get("location") or (None, None)
        return data


def _time_field(label):
    return forms.TimeField(
        label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


def _places_field():
    return forms.IntegerField(label=_("Places"), min_value=1, max_value=MAX_PLACES, initial=4)


class _TimesMixin:
    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end time must be after the start time."))
        return data


class ShiftForm(_TimesMixin, forms.Form):
    prefix = "shift"

    date = PlannedDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = _time_field(_("From"))
    end = _time_field(_("Until"))
    places = _places_field()


class ShiftSeriesForm(_TimesMixin, forms.Form):
    prefix = "series"

    every_weeks = forms.TypedChoiceField(
        label=_("How often"),
        choices=[(1, _("Every week")), (2, _("Every two weeks"))],
        coerce=int,
        widget=forms.RadioSelect,
        initial=1,
    )
    weekday = forms.TypedChoiceField(label=_("Day"), choices=Availability.DAYS, coerce=int)
    first_date = PlannedDateField(
        label=_("Starting from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first shift is on the chosen day on or after this date."),
    )
    start = _time_field(_("From"))
    end = _time_field(_("Until"))
    places = _places_field()
    occurrences = forms.IntegerField(
        label=_("Number of shifts"),
        min_value=2,
        max_value=MAX_OCCURRENCES,
        initial=8,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurrences"].help_text = _("At most %(max)s.") % {"max": MAX_OCCURRENCES}


class PlacesForm(forms.Form):
    places = _places_field()
