"""Hours: a volunteer logs them, an organiser confirms or corrects them, marks attendance."""

from decimal import Decimal

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.exceptions import ServiceError

from ..selectors.hours import tasks_for_off_shift_hours
from ..services.off_shift import DESCRIPTION_MAX, MAX_HOURS_PER_DAY, off_shift_date_check

HOURS_ERRORS = {
    "min_value": _("Hours must be more than 0 and at most 24."),
    "max_value": _("Hours must be more than 0 and at most 24."),
    "max_digits": _("Hours must be more than 0 and at most 24."),
    "max_decimal_places": _("Use at most two decimals, for example 2.5."),
}

_OFF_SHIFT_RANGE = lazy(
    lambda: _("Hours must be more than 0 and at most %(max)s.") % {"max": MAX_HOURS_PER_DAY},
    str,
)()
OFF_SHIFT_HOURS_ERRORS = {
    "min_value": _OFF_SHIFT_RANGE,
    "max_value": _OFF_SHIFT_RANGE,
    "max_digits": _OFF_SHIFT_RANGE,
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


class OffShiftTaskField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        owner = obj.initiative.title if obj.initiative_id else obj.organisation.name
        return f"{obj.title} ({owner})"


class OffShiftDateField(forms.DateField):
    """Today or a day of the last ``MAX_DAYS_BACK`` days."""

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            off_shift_date_check(value)
        except ServiceError as error:
            raise forms.ValidationError(error.message, code=error.code) from None


class OffShiftHoursForm(forms.Form):
    """Hours outside a scheduled shift, for one of the volunteer's own tasks."""

    task = OffShiftTaskField(
        label=_("Task"),
        queryset=None,
        empty_label=_("Choose a task"),
        error_messages={"invalid_choice": _("Choose one of your own tasks.")},
    )
    date = OffShiftDateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 14-3-2026.")},
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        max_digits=4,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=MAX_HOURS_PER_DAY,
        error_messages={
            **OFF_SHIFT_HOURS_ERRORS,
            "max_decimal_places": _("Use at most two decimals, for example 2.5."),
        },
        help_text=_("For example 2.5 for two and a half hours."),
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    description = forms.CharField(
        label=_("What did you do?"),
        max_length=DESCRIPTION_MAX,
        help_text=_("A few words, for example: flyers delivered in the Lariks."),
        error_messages={"max_length": _("Use at most 200 characters.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = tasks_for_off_shift_hours(user)


class OffShiftDecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        choices=[("confirm", _("Confirm")), ("reject", _("Reject"))],
        coerce=lambda value: value == "confirm",
    )
