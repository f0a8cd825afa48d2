from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.widgets import CachedSelect

from .images import logo_validate
from .models import Neighbourhood, Organisation
from .place_picker import NeighbourhoodCheckboxes
from .selectors import buurten_for_choice
from .widgets import LocationField


class BuurtChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Neighbourhood) -> str:
        return f"{obj.name} ({obj.wijk.name})" if obj.wijk else obj.name


class PostcodeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
        help_text=_("For example 9401 GA."),
    )
    house_number = forms.CharField(
        label=_("House number"),
        max_length=10,
        widget=forms.TextInput(attrs={"size": 6}),
        help_text=_("With an addition if you have one, for example 12a."),
    )


class AddressForm(forms.Form):
    address = forms.CharField(
        label=_("Address"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        help_text=_("Street and house number, for example Noordersingel 33."),
    )


class NeighbourhoodChoiceForm(forms.Form):
    neighbourhood = BuurtChoiceField(
        label=_("Your neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        empty_label=_("Choose your neighbourhood"),
        widget=CachedSelect(key="buurt-choice"),
        help_text=_("Neighbourhoods are listed with their district in brackets."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = buurten_for_choice()


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"), required=False, assume_scheme="https", max_length=200
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    location = LocationField(
        label=_("Location on the map"),
        help_text=_("Where residents can find you. Leave empty if you have no address."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "description",
            "neighbourhoods",
            "address",
            "location",
            "phone",
            "email",
            "website",
            "opening_hours",
            "logo",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "neighbourhoods": NeighbourhoodCheckboxes,
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {
            "neighbourhoods": _("Open a district to choose its neighbourhoods."),
            "logo": _("A JPEG, PNG or WebP image of at most 2 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhoods"].queryset = Neighbourhood.objects.select_related(
            "wijk"
        ).order_by("name")
        self.fields["logo"].widget = forms.FileInput(attrs=self.fields["logo"].widget.attrs)
        if not (self.instance.pk and self.instance.logo):
            del self.fields["remove_logo"]
        if self.instance.latitude is not None and self.instance.longitude is not None:
            self.fields["location"].initial = (self.instance.latitude, self.instance.longitude)
        if self.instance.pk and self.instance.is_approved:
            self.fields["name"].help_text = _(
                "If you change the name, the municipality checks the entry again. "
                "Until then it is not on the social map."
            )

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the stored file
            logo_validate(logo)
            return logo
        return None

    def service_kwargs(self) -> dict:
        """The cleaned data as keyword arguments for the organisation services."""
        data = dict(self.cleaned_data)
        data["latitude"], data["longitude"] = data.pop("location", None) or (None, None)
        remove = data.pop("remove_logo", False)
        if remove and not data.get("logo"):
            data["logo"] = False
        return data
