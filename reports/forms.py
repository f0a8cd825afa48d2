from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2015


class YearForm(forms.Form):
    jaar = forms.IntegerField(
        label=_("Year"), min_value=FIRST_YEAR, max_value=2100, required=False
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["jaar"].initial = timezone.localdate().year

    def chosen_year(self) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("jaar"):
            return self.cleaned_data["jaar"]
        return timezone.localdate().year


class ReportFilterForm(YearForm):
    wijk = forms.TypedChoiceField(label=_("Wijk"), required=False, coerce=int, empty_value=None)

    def __init__(self, data=None, *, wijken: list[tuple[int, str]], **kwargs):
        super().__init__(data, **kwargs)
        self.fields["wijk"].choices = [("", _("All of Assen")), *wijken]

    def chosen_wijk(self) -> int | None:
        if self.is_bound and self.is_valid():
            return self.cleaned_data.get("wijk")
        return None
