from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import User


class NeighbourhoodChoiceField(forms.ModelChoiceField):
    """Buurten listed with their wijk: "Binnenstad (Centrum)"."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.wijk.name})" if obj.wijk_id else obj.name


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "home_neighbourhood"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}
        field_classes = {"home_neighbourhood": NeighbourhoodChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["home_neighbourhood"]
        # A home is a buurt; a wijk chosen before stays selectable so that saving keeps it.
        field.queryset = (
            field.queryset.filter(
                Q(level="buurt") | Q(pk=self.instance.home_neighbourhood_id or 0)
            )
            .select_related("wijk")
            .order_by("name")
        )
        field.empty_label = _("Not chosen")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Enter your password to confirm that you want to delete your account."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password is not correct. Your account has not been deleted."),
                code="wrong_password",
            )
        return password


class SignupNameForm(forms.Form):
    """The name asked at sign-up (ACCOUNT_SIGNUP_FORM_CLASS): allauth's own sign-up form
    adds its e-mail and password fields; the name becomes the display name."""

    field_order = ["display_name", "email", "password1", "password2"]

    display_name = forms.CharField(
        label=_("Name"),
        max_length=User._meta.get_field("display_name").max_length,
        help_text=_("How other residents see you, for example your first name."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])
