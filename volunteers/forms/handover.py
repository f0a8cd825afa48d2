"""The professional's form: an anonymised task for a help request, with one moment."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.dates import PlannedDateField

from ..models import TaskKind
from ..services.handover import MAX_DESCRIPTION, MAX_TITLE


class HandOverForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("Kind of task"),
        queryset=TaskKind.objects.none(),
        empty_label=_("Choose a kind of task"),
        help_text=_("Kinds for professionals only are not listed: they are never handed over."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=MAX_TITLE,
        help_text=_("For example: “Weekly shopping with someone in this neighbourhood”."),
    )
    description = forms.CharField(
        label=_("What would the volunteer do?"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Anonymised: no names, addresses, phone numbers or e-mail addresses, and nothing "
            "about health or money the volunteer does not need. The volunteer sees the "
            "contact details only after you confirm the match."
        ),
    )
    date = PlannedDateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(
        label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end = forms.TimeField(
        label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = TaskKind.objects.filter(professional_only=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end time must be after the start time."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        return {
            "kind": data["kind"],
            "title": data["title"],
            "description": data["description"],
            "starts_at": dt.datetime.combine(data["date"], data["start"], tzinfo=zone),
            "ends_at": dt.datetime.combine(data["date"], data["end"], tzinfo=zone),
        }
