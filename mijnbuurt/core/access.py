"""Per-object access: fetch an object and check a django-rules permission on it.

Private objects answer 404 to everyone who may not see them, so that their
existence is not revealed; every view, export and API of an object type uses the
same permission name. The rules alone decide: ``rules.has_perm`` is asked, not
``user.has_perm``, which Django answers True for any superuser.

An account whose role would grant access once two-factor authentication is set up
(a professional of the covering team without TOTP) is sent to set it up instead.
"""

from typing import TypeVar

import rules
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .mfa import MFASetupRequired, mfa_setup_required, role_checks_ignoring_mfa

M = TypeVar("M", bound=Model)


def get_object_for_user_or_404(queryset: QuerySet[M], *, user, perm: str, **lookup) -> M:
    obj = get_object_or_404(queryset, **lookup)
    check_object_for_user_or_404(obj, user=user, perm=perm)
    return obj


def check_object_for_user_or_404(obj, *, user, perm: str) -> None:
    """The same decision for an object already fetched (a sign-up's task)."""
    if rules.has_perm(perm, user, obj):
        return
    if mfa_setup_required(user):
        with role_checks_ignoring_mfa():
            if rules.has_perm(perm, user, obj):
                raise MFASetupRequired
    raise Http404
