"""Who may see and act on a help request (django-rules).

A request is seen by the resident who asked, the members of the covering area team and,
for requests no team covers (the fallback queue), municipal staff. Nobody else: no flag
of the account (superuser) counts. The team's and staff's powers need two-factor
authentication (``role_predicate``).
"""

import rules

from mijnbuurt.core.mfa import role_predicate
from neighbourhoods.selectors import user_team_ids


@rules.predicate
def is_requester(user, help_request) -> bool:
    if help_request is None:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    return help_request.requester_id == user.pk


@role_predicate
@rules.predicate
def handles_help_request(user, help_request) -> bool:
    """A member of the covering team, or staff for a request in the fallback queue."""
    if help_request is None:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    if help_request.team_id is None:
        return user.is_staff
    return user.team_memberships.filter(team_id=help_request.team_id).exists()


@rules.predicate
def uses_help_queue(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    return bool(user_team_ids(user))


rules.add_perm("helprequests.view_own_helprequest", is_requester)
rules.add_perm("helprequests.handle_helprequest", handles_help_request)
rules.add_perm("helprequests.use_help_queue", role_predicate(uses_help_queue))
# The same test without Django's permission backends (one query at most), for menus.
rules.add_rule("helprequests.uses_help_queue", uses_help_queue)
