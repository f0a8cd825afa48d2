"""Forms of buurtbudget: a proposal, a letter code, and the staff forms of the admin."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.forms import BuurtChoiceField
from neighbourhoods.models import Neighbourhood

from .eligibility import MAX_CODES
from .models import Round
from .services import round_check, round_rules_check

MONEY = {"max_digits": 10, "decimal_places": 2, "min_value": Decimal("0.01")}


class ProposalForm(forms.Form):
    use_required_attribute = False

    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What do you want to do, for whom, and why is it good for the district?"),
    )
    estimated_cost = forms.DecimalField(
        label=_("Estimated cost (euros)"),
        **MONEY,
        help_text=_("Your best estimate; the municipality checks it."),
    )
    neighbourhood = BuurtChoiceField(
        label=_("Where"), queryset=Neighbourhood.objects.none(), empty_label=None
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = places


class CodeForm(forms.Form):
    use_required_attribute = False

    code = forms.CharField(
        label=_("Your code"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("The code on the letter from the municipality, for example ABCD-EFGH-JKLM."),
    )


class RoundAdminForm(forms.ModelForm):
    """A new round is checked by the service, with the budget line locked (the admin's
    transaction), so the admin shows the line's refusal next to the form."""

    class Meta:
        model = Round
        fields = (
            "name",
            "description",
            "wijken",
            "amount",
            "budget_line",
            "proposals_from",
            "proposals_until",
            "voting_from",
            "voting_until",
            "results_on",
            "minimum_age",
            "rule",
            "max_choices",
            "min_choices",
        )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            if self.instance.pk is None:
                round_check(by=self.user, **data)
            else:
                round_rules_check(data | {"name": data.get("name", self.instance.name)})
        except ServiceError as error:
            raise ValidationError(error.message, code=error.code) from None
        return data


class LetterCodesForm(forms.Form):
    buurt = forms.ModelChoiceField(label=_("Neighbourhood"), queryset=Neighbourhood.objects.none())
    count = forms.IntegerField(
        label=_("Number of codes"),
        min_value=1,
        max_value=MAX_CODES,
        help_text=_("One per household that gets a letter."),
    )

    def __init__(self, *args, buurten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = buurten


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("feasible", _("Feasible")), ("not_feasible", _("Not feasible"))],
        widget=forms.RadioSelect,
    )
    final_cost = forms.DecimalField(
        label=_("Final cost (euros)"),
        required=False,
        **MONEY,
        help_text=_("When feasible; empty keeps the estimate."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("When not feasible: why. It is published with the proposal."),
    )
