"""Roles on the platform. A person can hold several at once.

Most roles follow from what someone does (a volunteer profile, organising an
initiative, membership of an area team), so each app registers a resolver for the
roles it knows in its ``AppConfig.ready()``. The core never imports the apps.
"""

from collections.abc import Callable

import rules
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    VOLUNTEER = "volunteer", _("Volunteer")
    ORGANISER = "organiser", _("Initiative organiser")
    ORGANISATION_MEMBER = "organisation_member", _("Organisation member")
    PROFESSIONAL = "professional", _("Area-team professional")
    VENUE_MANAGER = "venue_manager", _("Venue manager")
    STAFF = "staff", _("Municipal staff")


_resolvers: dict[str, Callable] = {
    Role.RESIDENT: lambda user: user.is_active,
    Role.STAFF: lambda user: user.is_active and user.is_staff,
}


def register_role(role: Role, resolver: Callable) -> None:
    """Tell the platform how to decide whether a user holds ``role``."""
    _resolvers[role] = resolver


def user_has_role(user, role: Role | str) -> bool:
    if not user.is_authenticated:
        return False
    resolver = _resolvers.get(role)
    return bool(resolver and resolver(user))


def user_roles(user) -> list[str]:
    """The roles ``user`` holds, in the order of :class:`Role`."""
    return [role for role in Role if user_has_role(user, role)]


def user_requires_mfa(user) -> bool:
    """Whether ``user`` must set up two-factor authentication before using their tools."""
    return any(user_has_role(user, role) for role in settings.MFA_REQUIRED_ROLES)


def has_role(role: Role) -> rules.Predicate:
    """A django-rules predicate: the user holds ``role``."""
    return rules.predicate(lambda user: user_has_role(user, role), name=f"has_role:{role}")
