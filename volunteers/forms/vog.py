"""VOG gezien: the small form next to a signed-up volunteer on the manage page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhoods.models import Organisation


class VogCheckForm(forms.Form):
    """``organisations``: the approved organisations the organiser is a member of."""

    issued_on = forms.DateField(
        label=_("VOG issued on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the date of issue of the VOG."),
            "invalid": _("Enter the date of issue of the VOG, for example 2025-03-01."),
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("Seen for"),
        queryset=Organisation.objects.none(),
        error_messages={
            "required": _("Choose the organisation you saw the VOG for."),
            "invalid_choice": _("Choose an approved organisation you are a member of."),
        },
    )

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def first_error(self) -> str:
        return next(iter(self.errors.values()))[0]
