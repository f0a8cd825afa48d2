"""Forms of help requests: short, plain, and every field labelled."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.phones import PhoneFormField
from neighbourhoods.forms import BuurtChoiceField
from neighbourhoods.selectors import buurten_for_choice

from .lifecycle import transitions_from
from .models import ContactWay, HelpKind, HelpRequest, HelpStatus, Urgency
from .selectors import organisations_for_referral

TEXTAREA = {"rows": 5}


class PlainRequired:
    """Required fields say so with aria-required (and the star in a legend) instead of
    the HTML ``required`` attribute, so that empty fields are not painted as errors
    before anyone typed; the server checks and explains what is missing."""

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required and getattr(field.widget, "input_type", "") not in CHOICE_INPUTS:
                field.widget.attrs["aria-required"] = "true"


CHOICE_INPUTS = {"radio", "checkbox"}


class _HelpFields(PlainRequired, forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you need help with?"), choices=HelpKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Tell us in a few words what is going on"),
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Only what is needed for us to help. You can tell more later."),
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
        help_text=_("In an emergency, call 112."),
    )
    contact_way = forms.ChoiceField(
        label=_("How would you like to be contacted?"),
        choices=ContactWay.choices,
        initial=ContactWay.PHONE,
        widget=forms.RadioSelect,
    )
    contact_phone = PhoneFormField(label=_("Phone number"), required=False)
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_address = forms.CharField(
        label=_("Address for a visit"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    neighbourhood = BuurtChoiceField(
        label=_("Neighbourhood"),
        queryset=None,
        required=False,
        empty_label=_("Choose the neighbourhood"),
        help_text=_("Or fill in the postcode and house number below."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
    )
    house_number = forms.CharField(
        label=_("House number"), max_length=10, required=False, widget=forms.TextInput({"size": 6})
    )
    consent_share_anonymised = forms.TypedChoiceField(
        label=_("May the area team ask a volunteer from your neighbourhood to help?"),
        choices=[
            (True, _("Yes, they may share my question without my name and address")),
            (False, _("No, only the area team")),
        ],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        help_text=_("Your name and contact details are only shared after you agree to a match."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = buurten_for_choice()

    def clean(self):
        data = super().clean()
        if not data.get("neighbourhood") and not (data.get("postcode") or "").strip():
            raise forms.ValidationError(
                _("Choose your neighbourhood, or fill in your postcode and house number.")
            )
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "kind",
                "description",
                "urgency",
                "contact_way",
                "contact_phone",
                "contact_email",
                "contact_address",
                "consent_share_anonymised",
            )
        }


class HelpRequestForm(_HelpFields):
    """A resident asks for help."""

    field_order = [
        "kind",
        "description",
        "urgency",
        "neighbourhood",
        "postcode",
        "house_number",
        "contact_way",
        "contact_phone",
        "contact_email",
        "contact_address",
        "consent_share_anonymised",
    ]


class IntakeForm(_HelpFields):
    """A professional files a request for someone without an account."""

    contact_name = forms.CharField(label=_("Name of the resident"), max_length=120)
    consent_confirmed = forms.BooleanField(
        label=_("I told the resident what we store and why, and they agreed."),
        help_text=_("Required: the resident's consent to store their request."),
    )
    field_order = ["contact_name", *HelpRequestForm.field_order, "consent_confirmed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = _("Kind of help")
        self.fields["description"].label = _("The question, in the resident's words")
        self.fields["contact_way"].label = _("How does the resident want to be contacted?")
        self.fields["consent_share_anonymised"].label = _(
            "May an anonymised version be shared with volunteers?"
        )

    def service_kwargs(self) -> dict:
        return {**super().service_kwargs(), "contact_name": self.cleaned_data["contact_name"]}


class MessageForm(PlainRequired, forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=4000, widget=forms.Textarea(attrs=TEXTAREA)
    )


class TeamMessageForm(MessageForm):
    # Set by the "send and ask for more information" button.
    asks_for_information = forms.BooleanField(required=False, widget=forms.HiddenInput)


class NoteForm(PlainRequired, forms.Form):
    body = forms.CharField(
        label=_("Internal note (only the team sees it)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = colleagues
        self.fields["assignee"].label_from_instance = lambda user: user.public_name


class TransitionForm(PlainRequired, forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=HelpStatus.choices)
    note = forms.CharField(
        label=_("Note for the resident, in plain words"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Referred to (social map)"),
        queryset=None,
        required=False,
        empty_label=_("Only when referring"),
    )

    def __init__(self, *args, help_request: HelpRequest, roles: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        allowed = transitions_from(help_request.status, roles=roles)
        self.fields["to_status"].choices = [(t.to_status, t.label) for t in allowed]
        self.fields["organisation"].queryset = organisations_for_referral()


class SatisfactionForm(PlainRequired, forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the help you got?"),
        coerce=int,
        choices=[
            (1, _("1 - very dissatisfied")),
            (2, _("2 - dissatisfied")),
            (3, _("3 - neutral")),
            (4, _("4 - satisfied")),
            (5, _("5 - very satisfied")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything you want to tell us? (optional)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
