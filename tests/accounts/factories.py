import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from mijnbuurt.accounts.models import User

PASSWORD = "Een-goed-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A resident who signed up and verified their e-mail address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bewoner{n}@example.org")
    display_name = factory.Faker("first_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def enable_totp(user: User) -> str:
    """Set up TOTP for ``user`` and return the secret (to compute codes in tests)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, *, ahead: int = 0) -> str:
    """The code an authenticator app shows right now for ``secret`` (or ``ahead``
    periods later: the tests accept one period either side, MFA_TOTP_TOLERANCE)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + ahead
    return format_hotp_value(hotp_value(secret, counter))


def staff_member(**fields) -> User:
    """Municipal staff as the platform makes them: staff flag, the "gemeente" group,
    TOTP set up, no superuser."""
    from mijnbuurt.accounts.groups import staff_group_sync

    user = UserFactory(is_staff=True, **fields)
    user.groups.add(staff_group_sync())
    enable_totp(user)
    return user
