"""Forms of an initiative: start and edit it, move it on, post news, invite an organiser."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.images import photo_validate
from neighbourhoods.models import Neighbourhood
from neighbourhoods.widgets import LocationField

from ..lifecycle import TRANSITIONS
from ..models import Initiative, Need, Status
from .fields import MultiplePhotoField, NeighbourhoodField


class InitiativeForm(forms.ModelForm):
    # No "required" attributes: the browser would paint empty fields red before anyone
    # typed. The server checks, and marks the fields with errors (aria-invalid).
    use_required_attribute = False
    # Set by clean() when the address could not be looked up: saved without a place.
    location_unreachable = False
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
        if self.has_error("location", code="unreachable"):
            # The place is optional: an address service that is down must not block saving.
            # An edit keeps the place it had.
            del self.errors["location"]
            has_place = self.instance.pk and self.instance.has_location
            cleaned["location"] = (
                (self.instance.latitude, self.instance.longitude) if has_place else None
            )
            self.location_unreachable = True
        return cleaned

    def full_clean(self):
        super().full_clean()
        chosen = self.files.getlist("photos") if hasattr(self.files, "getlist") else []
        if self.errors and any(chosen) and not self.has_error("photos"):
            # A browser cannot keep a chosen file when the page comes back with errors.
            self.add_error(
                "photos",
                forms.ValidationError(
                    _(
                        "Your photos were not saved yet, because something else on the form "
                        "needs fixing. Please choose them again before you save."
                    ),
                    code="choose_again",
                ),
            )

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
    # Approving publishes the initiative for everyone: the reviewer confirms it first.
    confirm = forms.BooleanField(required=False)

    def __init__(self, *args, initiative=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean(self):
        cleaned = super().clean()
        transition = TRANSITIONS.get((self.initiative.status, cleaned.get("to_status")))
        if transition and transition.note_required and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Please explain why, so the organisers know what to do."))
        if cleaned.get("to_status") == Status.PUBLISHED and not cleaned.get("confirm"):
            self.add_error(
                "confirm",
                _("Tick “I am sure” to approve and publish the initiative."),
            )
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
