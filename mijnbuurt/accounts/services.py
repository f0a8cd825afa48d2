"""Account services: profile changes, data export and account deletion."""

import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .groups import STAFF_GROUP, staff_group_sync
from .models import User
from .personal_data import sections


def user_update_profile(
    *, user: User, display_name: str, preferred_language: str, home_neighbourhood=None
) -> User:
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.home_neighbourhood = home_neighbourhood
    user.save(update_fields=["display_name", "preferred_language", "home_neighbourhood"])
    return user


def user_export_data(*, user: User) -> dict:
    """Everything the platform holds about ``user``, by section, ready for JSON."""
    return {
        "exported_at": timezone.now().isoformat(),
        **{section.name: section.export(user) for section in sections()},
    }


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account: personal data goes, public contributions stay anonymised.

    The user row stays as an anonymous tombstone so that initiatives, comments and
    hours keep their history; it can no longer log in and holds no personal data.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    for section in sections():
        if section.erase:
            section.erase(user)
    user.email = f"deleted-{uuid.uuid4().hex}@invalid"
    user.display_name = ""
    user.home_neighbourhood = None
    user.preferred_language = "nl"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def account_personal_data_export(user: User) -> dict:
    """The account section of "download my data"."""
    return {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "home_neighbourhood": str(user.home_neighbourhood or "") or None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "identity_provider_accounts": [
            {"provider": account.provider, "uid": account.uid, "claims": account.extra_data}
            for account in SocialAccount.objects.filter(user=user).order_by("pk")
        ],
    }


def account_personal_data_erase(user: User) -> None:
    """Remove login addresses, two-factor devices and IdP links of a deleted account."""
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()


@transaction.atomic
def staff_member_create(*, email: str, display_name: str = "", password: str | None) -> User:
    """A municipal staff account: staff flag, member of the staff group, no superuser.

    An existing account becomes staff (its password is kept unless one is given).
    The e-mail address counts as verified: the person is known to the municipality.
    Two-factor authentication is asked at the first visit of the admin.
    """
    email = User.objects.normalize_email(email).strip().lower()
    user, created = User.objects.get_or_create(email=email)
    user.is_staff = True
    user.is_superuser = False
    user.is_active = True
    if display_name:
        user.display_name = display_name.strip()
    if password:
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.save()
    user.groups.add(staff_group_sync())
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def staff_membership_set(*, user: User, member: bool) -> User:
    """Staff or not, as the identity provider's groups say (``mijnbuurt.accounts.oidc``).

    The staff flag and the group "gemeente" go together; the superuser flag is never
    touched, so no group of the IdP makes anyone a superuser.
    """
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    if user.is_staff != member:
        user.is_staff = member
        user.save(update_fields=["is_staff"])
    if member:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    return user
