from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Experiment
from .choices import INDICATOR_CHOICES
from .services import NOTE_MAX


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("New note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX,
        error_messages={"required": _("Write a note first.")},
    )


class ExperimentAdminForm(forms.ModelForm):
    """The admin's form: the indicators as checkboxes from the fixed list."""

    indicators = forms.MultipleChoiceField(
        label=_("indicators"),
        choices=INDICATOR_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one indicator.")},
    )

    class Meta:
        model = Experiment
        fields = [
            "name",
            "slug",
            "question",
            "wijken",
            "buurten",
            "start_date",
            "end_date",
            "indicators",
            "comparison",
            "comparison_wijken",
            "comparison_buurten",
            "published",
            "public_summary",
        ]

    def clean(self):
        data = super().clean()
        comparison = data.get("comparison")
        if comparison == Experiment.Comparison.AREAS and not (
            data.get("comparison_wijken") or data.get("comparison_buurten")
        ):
            self.add_error("comparison_wijken", _("Choose the wijken or buurten to compare with."))
        if not (data.get("wijken") or data.get("buurten")):
            self.add_error("wijken", _("Choose the wijken or buurten of the pilot."))
        return data
