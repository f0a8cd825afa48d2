"""Forms of comments and abuse reports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import MAX_COMMENT_CHARS, MAX_REPORT_CHARS, AbuseReport


class CommentForm(forms.Form):
    use_required_attribute = False  # the service explains an empty comment
    body = forms.CharField(
        label=_("Your comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT_CHARS}),
        help_text=_("At most 2000 characters. Be kind: everyone can read this."),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=AbuseReport.Reason.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=MAX_REPORT_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required if you choose “Something else”. The author does not see this."),
    )
