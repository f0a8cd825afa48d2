"""Hours: a volunteer logs them, an organiser confirms or corrects them, marks attendance."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

HOURS_ERRORS = {
    "min_value": _("Hours must be more than 0 and at most 24."),
    "max_value": _("Hours must be more than 0 and at most 24."),
    "max_digits": _("Hours must be more than 0 and at most 24."),
    "max_decimal_places": _("Use at most two decimals, for example 2.5."),
}


def hours_field(*, required: bool = True, help_text="") -> forms.DecimalField:
    return forms.DecimalField(
        label=_("Hours"),
        max_digits=4,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("24"),
        required=required,
        error_messages=HOURS_ERRORS,
        help_text=help_text,
        # "2,5" as the Dutch write it (a text input: a number input shows and takes "2.5")
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class HoursLogForm(forms.Form):
    hours = hours_field(help_text=_("For example 2.5 for two and a half hours."))


class HoursConfirmForm(forms.Form):
    hours = hours_field(
        required=False,
        help_text=_("Leave as it is to confirm; change it to correct the hours."),
    )


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        label=_("Was the volunteer there?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
    )
