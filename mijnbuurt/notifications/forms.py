from django import forms
from django.utils.translation import gettext_lazy as _

from .registry import Channel, all_kinds


class PreferencesForm(forms.Form):
    """One choice per notification kind: e-mail at once, in the daily digest, or not."""

    def __init__(self, *args, channels: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in all_kinds():
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label,
                choices=Channel.choices,
                initial=channels.get(kind.name, kind.default_channel),
                widget=forms.RadioSelect,
                help_text=_("You always see it under Notifications on this site."),
                error_messages={"invalid_choice": _("Choose one of the options.")},
            )
