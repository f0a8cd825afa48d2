from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhoods.models import Neighbourhood
from neighbourhoods.widgets import LocationField

from .images import photo_validate
from .lifecycle import TRANSITIONS
from .models import BudgetLine, Initiative, Need, Status


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos in one field; each is checked like a single upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class NeighbourhoodField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Neighbourhood) -> str:
        return f"{obj.name} ({obj.wijk.name})" if obj.wijk_id else obj.name


class InitiativeForm(forms.ModelForm):
    neighbourhood = NeighbourhoodField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        empty_label=_("Choose a neighbourhood"),
        help_text=_("A neighbourhood (buurt) with its district in brackets, or a whole district."),
    )
    needs = forms.MultipleChoiceField(
        label=_("What does the initiative need?"),
        choices=Need.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    location = LocationField(
        label=_("Where does it happen?"),
        help_text=_("Optional: a place on the map, so neighbours can find it."),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 8 MB each. You can choose several at once."),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "summary",
            "description",
            "theme",
            "neighbourhood",
            "start_date",
            "end_date",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.select_related(
            "wijk"
        ).order_by("level", "name")
        themes = list(self.fields["theme"].choices)[1:]
        self.fields["theme"].choices = [("", _("Choose a theme")), *themes]
        if self.instance.pk:
            self.initial.setdefault("needs", self.instance.needs)
            if self.instance.has_location:
                self.fields["location"].initial = (self.instance.latitude, self.instance.longitude)

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        for photo in photos:
            photo_validate(photo)
        return photos

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["latitude"], data["longitude"] = self.cleaned_data.get("location") or (None, None)
        data["needs"] = self.cleaned_data.get("needs") or []
        data["photos"] = self.cleaned_data.get("photos") or []
        return data


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=Status.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, initiative=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean(self):
        cleaned = super().clean()
        transition = TRANSITIONS.get((self.initiative.status, cleaned.get("to_status")))
        if transition and transition.note_required and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Please explain why, so the organisers know what to do."))
        return cleaned


class UpdateForm(forms.Form):
    use_required_attribute = False  # an empty box is not an error before anyone typed
    text = forms.CharField(
        label=_("News for your supporters and followers"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, at most 8 MB."),
    )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            photo_validate(photo)
        return photo


class InviteForm(forms.Form):
    use_required_attribute = False
    email = forms.EmailField(
        label=_("E-mail address of your co-organiser"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Once they accept, they can edit the initiative with you."),
    )


# --- Grants ---------------------------------------------------------------------------


class GrantItemForm(forms.Form):
    description = forms.CharField(label=_("What is it for?"), max_length=200)
    amount = forms.DecimalField(
        label=_("Amount in euros"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        localize=True,
    )


class BaseGrantItemFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        filled = [f for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        if not filled:
            raise forms.ValidationError(
                _("Add at least one item: what it is for and what it costs.")
            )

    def items(self) -> list[tuple[str, Decimal]]:
        return [
            (f.cleaned_data["description"], f.cleaned_data["amount"])
            for f in self.forms
            if f.cleaned_data
        ]


GrantItemFormSet = forms.formset_factory(
    GrantItemForm, formset=BaseGrantItemFormSet, extra=3, max_num=20, validate_max=True
)


class GrantAwardForm(forms.Form):
    budget_line = forms.ModelChoiceField(
        label=_("Budget line"), queryset=BudgetLine.objects.none(), empty_label=None
    )
    amount = forms.DecimalField(
        label=_("Amount to award in euros"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
    )

    def __init__(self, *args, lines=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lines is not None:
            self.fields["budget_line"].queryset = lines


class GrantDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Explain why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
