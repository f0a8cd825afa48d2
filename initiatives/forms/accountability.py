"""Forms of the accountability report: texts and photos, cost lines, a reviewer's reason."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.images import photo_validate

from ..evidence import ACCEPT as EVIDENCE_ACCEPT
from ..evidence import evidence_validate
from ..money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, MAX_COSTS, MIN_AMOUNT
from .fields import MultipleFileInput, MultiplePhotoField


class ReportForm(forms.Form):
    use_required_attribute = False  # saving a draft may leave texts empty
    what_was_done = forms.CharField(
        label=_("What was done?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, who took part, and what it brought the neighbourhood."),
    )
    how_we_did_it = forms.CharField(
        label=_("How we did it"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Tips for neighbours elsewhere who want to do the same: where you started, "
            "who helped, what you would do differently. Everyone can read this."
        ),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 8 MB each. You can choose several at once."),
    )

    evidence = MultiplePhotoField(  # several files in one field, each checked
        label=_("Receipts and invoices"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": EVIDENCE_ACCEPT}),
        help_text=_(
            "PDF, JPEG or PNG, at most 10 MB each. Only the organisers and the "
            "municipality see them."
        ),
    )

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        for photo in photos:
            photo_validate(photo)
        return photos

    def clean_evidence(self):
        files = self.cleaned_data.get("evidence") or []
        for upload in files:
            evidence_validate(upload)
        return files


class CostForm(forms.Form):
    """One cost line; a row left empty (also an earlier line cleared) is dropped."""

    use_required_attribute = False
    description = forms.CharField(label=_("What was it for?"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Amount in euros"),
        required=False,
        min_value=MIN_AMOUNT,
        max_digits=AMOUNT_MAX_DIGITS,
        decimal_places=AMOUNT_DECIMAL_PLACES,
        localize=True,
        error_messages={"min_value": _("Each amount must be more than € 0.")},
    )

    def clean(self):
        cleaned = super().clean()
        description, amount = cleaned.get("description"), cleaned.get("amount")
        if description and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Enter the amount."))
        if amount is not None and not description:
            self.add_error("description", _("Say what each amount was for."))
        return cleaned


class BaseCostFormSet(forms.BaseFormSet):
    def items(self) -> list[tuple[str, Decimal]]:
        return [
            (f.cleaned_data["description"], f.cleaned_data["amount"])
            for f in self.forms
            if f.cleaned_data.get("description") and f.cleaned_data.get("amount") is not None
        ]


CostFormSet = forms.formset_factory(
    CostForm, formset=BaseCostFormSet, extra=3, max_num=MAX_COSTS, validate_max=True
)


class ChangesForm(forms.Form):
    reason = forms.CharField(
        label=_("Explain why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
