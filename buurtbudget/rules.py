"""Who may see and do what in buurtbudget (django-rules, per object).

Rounds, proposals and results are public. Proposing needs an account; voting needs an
account verified for the round with a letter code (the ballot is found among the
user's own, ``selectors.voter_of``). Reviewing proposals and generating letter codes
is for municipal staff with two-factor authentication, in the admin.
"""

import rules

from mijnbuurt.core.mfa import role_predicate


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_logged_in(user, obj=None) -> bool:
    return _active(user)


@role_predicate
@rules.predicate
def is_municipal_staff(user, obj=None) -> bool:
    return _active(user) and user.is_staff


rules.add_perm("buurtbudget.view_round", rules.always_allow)
rules.add_perm("buurtbudget.view_proposal", rules.always_allow)
rules.add_perm("buurtbudget.propose", is_logged_in)
rules.add_perm("buurtbudget.verify", is_logged_in)
rules.add_perm("buurtbudget.review_proposal", is_municipal_staff)
