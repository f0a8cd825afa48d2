"""Forms of grants: an organiser's request (its items), a reviewer's award or decline."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import BudgetLine
from ..money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS, MAX_GRANT_ITEMS, MIN_AMOUNT


class GrantItemForm(forms.Form):
    description = forms.CharField(label=_("What is it for?"), max_length=200)
    amount = forms.DecimalField(
        label=_("Amount in euros"),
        min_value=MIN_AMOUNT,
        max_digits=AMOUNT_MAX_DIGITS,
        decimal_places=AMOUNT_DECIMAL_PLACES,
        localize=True,
    )


class BaseGrantItemFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        filled = [f for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        if not filled:
            raise forms.ValidationError(
                _("Add at least one item: what it is for and what it costs.")
            )

    def items(self) -> list[tuple[str, Decimal]]:
        return [
            (f.cleaned_data["description"], f.cleaned_data["amount"])
            for f in self.forms
            if f.cleaned_data
        ]


GrantItemFormSet = forms.formset_factory(
    GrantItemForm,
    formset=BaseGrantItemFormSet,
    extra=3,
    max_num=MAX_GRANT_ITEMS,
    validate_max=True,
)


class GrantAwardForm(forms.Form):
    budget_line = forms.ModelChoiceField(
        label=_("Budget line"),
        queryset=BudgetLine.objects.none(),
        empty_label=_("Choose a budget line"),
    )
    amount = forms.DecimalField(
        label=_("Amount to award in euros"),
        min_value=MIN_AMOUNT,
        max_digits=AMOUNT_MAX_DIGITS,
        decimal_places=AMOUNT_DECIMAL_PLACES,
    )
    confirm = forms.BooleanField(
        label=_("I have checked the amount and the budget line"), required=True
    )

    def __init__(self, *args, lines=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lines is not None:
            self.fields["budget_line"].queryset = lines


class GrantDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Explain why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
