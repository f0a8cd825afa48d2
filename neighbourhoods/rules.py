"""Who may see and change an organisation on the social map (django-rules)."""

import rules

from mijnbuurt.core.mfa import role_predicate


@rules.predicate
def is_member(user, organisation) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.members.filter(pk=user.pk).exists()


@rules.predicate
def is_approved(user, organisation) -> bool:
    return organisation is not None and organisation.is_approved


@role_predicate
@rules.predicate
def is_staff(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


rules.add_perm("neighbourhoods.view_organisation", is_approved | is_member | is_staff)
rules.add_perm("neighbourhoods.change_organisation", is_member)
