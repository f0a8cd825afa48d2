"""Forms of venues: the fields and their messages; the rules are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.dates import PlannedDateField
from mijnbuurt.core.phones import PhoneFormField

from .models import Booking, OpeningHours, Room, Venue
from .schedule import MAX_OCCURRENCES

REPEAT_CHOICES = [
    ("none", _("Once")),
    ("weekly", _("Every week")),
    ("fortnightly", _("Every two weeks")),
]


class BookingForm(forms.Form):
    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none(), empty_label=None)
    date = PlannedDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    purpose = forms.CharField(
        label=_("What is the room for?"),
        max_length=200,
        help_text=_("Shown only to you and the venue's managers."),
    )
    attendees = forms.IntegerField(
        label=_("Expected number of people"), min_value=1, max_value=10000
    )
    booker_phone = PhoneFormField(
        label=_("Your phone number (optional)"),
        required=False,
        help_text=_("Only the venue's managers see it, to call you about this booking."),
    )
    booker_kind = forms.ChoiceField(
        label=_("Kind of use"),
        choices=Booking.BookerKind.choices,
        widget=forms.RadioSelect,
        help_text=_("The tariff depends on it. Commercial use is marked as such."),
    )
    organisation = forms.ModelChoiceField(
        label=_("On behalf of an organisation (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No, for myself or our initiative"),
    )
    initiative = forms.ModelChoiceField(
        label=_("For an initiative (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No"),
        help_text=_("The initiative's page then shows where and when you meet."),
    )
    repeat = forms.ChoiceField(label=_("Repeat"), choices=REPEAT_CHOICES, initial="none")
    occurrences = forms.IntegerField(
        label=_("Number of dates (when repeating)"),
        min_value=1,
        max_value=MAX_OCCURRENCES,
        initial=1,
        required=False,
    )

    def __init__(self, *args, venue: Venue, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(venue=venue, is_bookable=True).order_by(
            "name"
        )
        self.fields["organisation"].queryset = user.organisations.order_by("name")
        if not self.fields["organisation"].queryset.exists():
            del self.fields["organisation"]
        # Running initiatives the user organises (a URL-free link: no import of initiatives).
        self.fields["initiative"].queryset = user.organised_initiatives.filter(
            status="published"
        ).order_by("title")
        if not self.fields["initiative"].queryset.exists():
            del self.fields["initiative"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be after the start time."))
        if data.get("repeat", "none") == "none":
            data["occurrences"] = 1
        elif (data.get("occurrences") or 0) < 2:
            self.add_error("occurrences", _("A repeating booking has at least 2 dates."))
        return data

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.setdefault("organisation", None)
        data.setdefault("initiative", None)
        data["booker_phone"] = data.get("booker_phone") or ""
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=300,
        help_text=_("The resident sees this reason."),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)


class VenueSettingsForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            "description",
            "contact_email",
            "contact_phone",
            "house_rules",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "auto_approve",
            "commercial_hours_cap",
        ]


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = [
            "name",
            "capacity",
            "description",
            "kitchen",
            "projector",
            "sound_system",
            "sports_floor",
            "garden",
            "wifi",
            "rate_initiative",
            "rate_non_profit",
            "rate_commercial",
            "is_bookable",
        ]

    capacity = forms.IntegerField(label=_("capacity (people)"), min_value=1, max_value=10000)

    def validate_unique(self):
        pass  # the service reports a duplicate name (the venue is not a form field)


class OpeningHoursForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=OpeningHours.Weekday.choices, coerce=int
    )
    opens = forms.TimeField(
        label=_("Opens"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    closes = forms.TimeField(
        label=_("Closes"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] <= data["opens"]:
            self.add_error("closes", _("The closing time must be after the opening time."))
        return data


class ClosureForm(forms.Form):
    first_day = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("first_day") and data.get("last_day") and data["last_day"] < data["first_day"]:
            self.add_error("last_day", _("The last day cannot be before the first day."))
        return data


class ManagerForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the new manager"),
        help_text=_("They need an account on Mijn buurt Assen with this address."),
    )
