"""Who may see, change and review an initiative (django-rules).

Drafts and everything under review (and declined) are visible only to the
organisers and the reviewers; running, completed and stopped initiatives to
everyone, unless the moderators hid them. Views fetch through
``get_object_for_user_or_404``, so outsiders get a 404.
"""

import rules

from mijnbuurt.core.mfa import role_predicate

from .models import VISIBLE_STATUSES
from .selectors.initiatives import user_is_organiser, user_reviews_neighbourhood


@rules.predicate
def is_public(user, initiative) -> bool:
    if initiative is None:
        return False
    if initiative.hidden_at is not None:  # hidden by the moderators
        return False
    return initiative.status in VISIBLE_STATUSES


@rules.predicate
def is_organiser(user, initiative) -> bool:
    if initiative is None:
        return False
    if not user.is_authenticated:
        return False
    return user_is_organiser(user=user, initiative=initiative)


@role_predicate
@rules.predicate
def is_reviewer(user, initiative) -> bool:
    if initiative is None:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    return user_reviews_neighbourhood(user=user, neighbourhood=initiative.neighbourhood)


@role_predicate
@rules.predicate
def is_any_reviewer(user) -> bool:
    """Staff, or a member of an area team (who reviews their team's neighbourhoods)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    return user.team_memberships.exists()


rules.add_perm("initiatives.view_initiative", is_public | is_organiser | is_reviewer)
rules.add_perm("initiatives.change_initiative", is_organiser)
rules.add_perm("initiatives.review_initiative", is_reviewer)
rules.add_perm("initiatives.use_review_queue", is_any_reviewer)

# The accountability report's costs and review: organisers and reviewers only (the
# public part shows on the initiative's page once submitted).
rules.add_perm("initiatives.view_accountability", is_organiser | is_reviewer)
