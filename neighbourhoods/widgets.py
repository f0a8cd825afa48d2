"""A location picker of our own: an address, or a point clicked on a map.

Without JavaScript it is an address input (looked up with the geocoder when the form
is sent). The latitude/longitude are hidden inputs: nobody types coordinates. With
JavaScript a map appears under the address; clicking it fills in the hidden
coordinates, and typing a new address clears them. The field cleans to
``(latitude, longitude)`` or ``None``.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.exceptions import ServiceError

from .geocoding import geocode_address

# Assen's outer bounds (from the CBS buurten) with a margin of about a kilometre.
ASSEN_BOUNDS = {"south": 52.92, "west": 6.47, "north": 53.08, "east": 6.65}


def in_assen(latitude: float, longitude: float) -> bool:
    return (
        ASSEN_BOUNDS["south"] <= latitude <= ASSEN_BOUNDS["north"]
        and ASSEN_BOUNDS["west"] <= longitude <= ASSEN_BOUNDS["east"]
    )


def asks_geocoder(request, *, name: str = "location") -> bool:
    """Whether this POST makes the LocationField ``name`` look its address up (an address
    and no coordinates): what the "geocoder" rate limit counts."""
    address = request.POST.get(f"{name}_address", "").strip()
    return bool(address) and not request.POST.get(f"{name}_latitude", "").strip()


class LocationWidget(forms.MultiWidget):
    template_name = "neighbourhoods/widgets/location.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        widgets = {
            "address": forms.TextInput(attrs={"autocomplete": "street-address", "size": 40}),
            "latitude": forms.HiddenInput(attrs={"data-location-latitude": True}),
            "longitude": forms.HiddenInput(attrs={"data-location-longitude": True}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value:
            return ["", value[0], value[1]]
        return ["", None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["tiles"] = settings.MAP_TILE_URL
        context["widget"]["center"] = settings.LEAFLET_CONFIG["DEFAULT_CENTER"]
        return context


class LocationField(forms.MultiValueField):
    widget = LocationWidget
    default_error_messages = {
        "half": _("Enter both latitude and longitude, or neither."),
        "outside": _("That point is not in Assen. Click on the map or check the address."),
        "not_found": _("We could not find that address. Check it, or click on the map."),
        "unreachable": _(
            "The address service cannot be reached right now. Click on the map instead, "
            "or try again later."
        ),
    }

    def __init__(self, **kwargs):
        fields = (
            forms.CharField(required=False, max_length=200),
            forms.FloatField(required=False, min_value=-90, max_value=90),
            forms.FloatField(required=False, min_value=-180, max_value=180),
        )
        kwargs.setdefault("required", False)
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        address, latitude, longitude = [*data_list, "", None, None][:3]
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(self.error_messages["half"], code="half")
        if latitude is None and address:
            try:
                result = geocode_address(query=f"{address} Assen")
            except ServiceError as error:
                code = "unreachable" if error.code == "unreachable" else "not_found"
                raise forms.ValidationError(self.error_messages[code], code=code) from error
            latitude, longitude = result.latitude, result.longitude
        if latitude is None:
            return None
        if not in_assen(latitude, longitude):
            raise forms.ValidationError(self.error_messages["outside"], code="outside")
        return (round(latitude, 6), round(longitude, 6))
