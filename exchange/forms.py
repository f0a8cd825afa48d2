"""Forms of the exchange: a listing, a message (with its contact-details check), the
preference, and the filters of the list."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.widgets import CachedSelect
from neighbourhoods.forms import BuurtChoiceField
from neighbourhoods.models import Neighbourhood, Organisation
from neighbourhoods.selectors import buurten_for_choice

from .contact import contains_contact_details
from .images import photo_validate
from .matches import Feedback
from .models import Category, Listing
from .photos import MAX_ALT
from .reports import MAX_REPORT_CHARS, Report
from .selectors import (
    DISTANCES_KM,
    categories_active,
    listing_search,
    listings_in_neighbourhood,
    listings_nearest_first,
    listings_with_distance,
    listings_within,
)
from .services import MAX_MESSAGE, default_expiry


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Category) -> str:
        if obj.is_care:
            return str(_("%(name)s (the area team helps)")) % {"name": obj.name}
        return obj.name


class ListingForm(forms.Form):
    use_required_attribute = False

    direction = forms.ChoiceField(
        label=_("Do you offer something or ask for something?"),
        choices=Listing.Direction.choices,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Listing.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("In a few words, for example: “I fix bikes” or “Who lends me a ladder?”"),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("No phone number or address: people reply through the site."),
    )
    category = CategoryChoiceField(label=_("Category"), queryset=categories_active())
    neighbourhood = BuurtChoiceField(label=_("Neighbourhood"), queryset=buurten_for_choice())
    audience = forms.ChoiceField(
        label=_("Who may reply?"),
        choices=Listing.Audience.choices,
        initial=Listing.Audience.EVERYONE,
        widget=forms.RadioSelect,
    )
    expires_on = forms.DateField(
        label=_("Show until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty: 8 weeks from today. You can extend it later."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    price_info = forms.CharField(
        label=_("Price information"),
        max_length=200,
        required=False,
        help_text=_("What it costs, for example “€ 15 an hour, first visit free”."),
    )

    def __init__(self, *args, organisations=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                pk__in=[o.pk for o in organisations]
            )
            self.fields["organisation"].help_text = _("Paid services only: who offers it.")
        else:
            del self.fields["organisation"], self.fields["price_info"]
            self.fields["kind"].choices = [
                c for c in Listing.Kind.choices if c[0] != Listing.Kind.PAID
            ]
        if editing:
            del self.fields["direction"], self.fields["expires_on"]
        for field in self.fields.values():
            if field.required and not isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["aria-required"] = "true"

    def service_kwargs(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v is not None or k == "expires_on"}

    @staticmethod
    def initial_for(user) -> dict:
        return {
            "neighbourhood": user.home_neighbourhood_id,
            "expires_on": default_expiry(),
        }


class MessageForm(forms.Form):
    """A message; with a phone number or e-mail address in it, the writer confirms first."""

    use_required_attribute = False

    body = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 4, "aria-required": "true"}),
    )
    share_contact = forms.BooleanField(
        label=_("Yes, send my contact details to this person"),
        required=False,
        widget=forms.HiddenInput,
    )

    def clean(self):
        data = super().clean()
        body = data.get("body", "")
        if body and contains_contact_details(body) and not data.get("share_contact"):
            self.fields["share_contact"].widget = forms.CheckboxInput()
            self.add_error(
                None,
                _(
                    "Your message contains a phone number or e-mail address. Only share "
                    "them with someone you trust. Tick the box to send it anyway."
                ),
            )
        return data


class PreferenceForm(forms.Form):
    neighbourhood_only = forms.BooleanField(
        label=_("Only people from my neighbourhood (wijk) may message me"),
        required=False,
        help_text=_("Your neighbourhood is the one in your profile."),
    )


class ListingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=forms.TextInput(attrs={"type": "search"})
    )
    direction = django_filters.ChoiceFilter(
        label=_("Offer or request"),
        choices=Listing.Direction.choices,
        empty_label=_("Offers and requests"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Listing.Kind.choices, empty_label=_("All kinds")
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.filter(is_active=True, is_care=False),
        to_field_name="slug",
        empty_label=_("All categories"),
    )
    neighbourhood = django_filters.ModelChoiceFilter(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("level", "name").only(
            "pk", "name", "slug", "level", "wijk_id"
        ),
        method="in_neighbourhood",
        empty_label=_("All neighbourhoods"),
        to_field_name="slug",
        widget=CachedSelect(key="exchange-neighbourhood"),
    )

    distance = django_filters.ChoiceFilter(
        label=_("Distance"),
        choices=[(str(km), _("Within %(km)d km of my home") % {"km": km}) for km in DISTANCES_KM],
        method="within",
        empty_label=_("Any distance"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"),
        choices=[("nearest", _("Nearest"))],
        method="sort_by",
        empty_label=_("Newest"),
    )

    class Meta:
        model = Listing
        fields = ["q", "direction", "kind", "category", "neighbourhood", "distance", "sort"]

    def __init__(self, *args, point=None, **kwargs):
        """``point``: the place of the person's home neighbourhood; without it there is
        no distance to filter or sort by, so those two fields are left out."""
        super().__init__(*args, **kwargs)
        self.point = point
        if point is None:
            del self.filters["distance"], self.filters["sort"]
        else:
            self.queryset = listings_with_distance(self.queryset, point)

    def within(self, queryset, name, value):
        km = int(value) if value in {str(km) for km in DISTANCES_KM} else None
        return listings_within(queryset, km) if km else queryset

    def sort_by(self, queryset, name, value):
        return listings_nearest_first(queryset) if value == "nearest" else queryset

    def search(self, queryset, name, value):
        return listing_search(queryset, value)

    def in_neighbourhood(self, queryset, name, value):
        return listings_in_neighbourhood(queryset, value)


class CreditForm(forms.Form):
    """Hours given in a matched conversation (confirmed by the other side)."""

    use_required_attribute = False

    hours = forms.CharField(
        label=_("Hours"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("For example 1,5 for an hour and a half."),
    )
    gave = forms.TypedChoiceField(
        label=_("Who gave the time?"),
        choices=[("1", _("I did")), ("0", _("The other person"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class FeedbackForm(forms.Form):
    """ "Is het gelukt?" after the listing closed."""

    use_required_attribute = False

    outcome = forms.ChoiceField(
        label=_("Did it work out?"), choices=Feedback.Outcome.choices, widget=forms.RadioSelect
    )
    thanks = forms.CharField(
        label=_("A thank-you message (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("It is shown on the other person's profile only if they agree."),
    )


class ReportForm(forms.Form):
    """Report a listing or a message to the moderators (the service checks the rest)."""

    use_required_attribute = False
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=Report.Reason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=MAX_REPORT_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required if you choose “Something else”. The author does not see this."),
    )


class PhotoForm(forms.Form):
    """A photo of the owner's listing, with what it shows (the service checks the rest)."""

    use_required_attribute = False

    photo = forms.FileField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp", "aria-required": "true"}
        ),
        help_text=_("JPEG, PNG or WebP, at most 8 MB. Location data is removed."),
    )
    alt_text = forms.CharField(
        label=_("What does the photo show?"),
        max_length=MAX_ALT,
        widget=forms.TextInput(attrs={"aria-required": "true"}),
        help_text=_(
            "For people who cannot see the photo, for example “A red ladder of 3 metres”."
        ),
    )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            photo_validate(photo)
        return photo
