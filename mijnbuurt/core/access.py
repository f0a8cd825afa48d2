"""Per-object access: fetch an object and check a django-rules permission on it.

Private objects answer 404 to everyone who may not see them, so that their
existence is not revealed; every view, export and API of an object type uses the
same permission name.
"""

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def get_object_for_user_or_404(queryset: QuerySet[M], *, user, perm: str, **lookup) -> M:
    obj = get_object_or_404(queryset, **lookup)
    if not user.has_perm(perm, obj):
        raise Http404
    return obj
