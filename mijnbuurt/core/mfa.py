"""Two-factor authentication follows the role, not the path.

Whoever holds a role that needs a second factor (``settings.MFA_REQUIRED_ROLES``:
area-team professionals, who also review and moderate, and municipal staff) uses
the tools of that role only once TOTP is set up. Two things carry the rule, so that
it travels with the code that grants the role's powers:

- ``mfa_required`` on every view that exists for such a role (the team queue, the
  review and moderation queues, the hand-over pages, the admin). Such a person
  without TOTP is sent to the set-up page; anyone else goes on to the view's own
  checks (and a resident still gets the usual 404).
- ``role_predicate`` around every django-rules predicate that grants access through
  such a role (handling a help request, reviewing an initiative, seeing an
  unapproved organisation as staff). Without TOTP it grants nothing, and
  ``get_object_for_user_or_404`` then sends the person to set it up instead of
  answering 404, so pages shared with residents (a task's manage page, which for a
  hand-over belongs to the area team) follow the same rule.

The redirect itself is one exception, ``MFASetupRequired``, turned into a response
by ``MFASetupRequiredMiddleware``.

A session that signed in through the municipality's identity provider with a method
the settings name as strong (``OIDC_MFA_ACR_VALUES``, ``OIDC_MFA_AMR_VALUES``;
``mijnbuurt.accounts.oidc``) counts as two-factor authenticated: the session holds the
user's id under ``SECOND_FACTOR_BY_IDP_SESSION_KEY`` and the checks above accept it.
"""

import contextlib
import contextvars
import functools
from collections.abc import Callable, Iterator

import rules
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from mijnbuurt.accounts.roles import user_requires_mfa

_role_checks_ignore_mfa = contextvars.ContextVar("role_checks_ignore_mfa", default=False)
# The session of the request being handled (set by the middleware), read only when a
# role's check gets that far, so asking costs no query of its own.
_request_session = contextvars.ContextVar("request_session", default=None)
# Facts about people asked several times while one request is handled (a user's teams:
# the role check, the menu and the page each ask); empty at each request, absent outside.
_request_memo = contextvars.ContextVar("request_memo", default=None)
SECOND_FACTOR_BY_IDP_SESSION_KEY = "mijnbuurt_second_factor_by_idp"


class MFASetupRequired(Exception):
    """The user's role needs two-factor authentication, which is not set up yet."""


def _cached(user, attribute: str, compute: Callable[[], bool]) -> bool:
    """One query per user object (one request) for facts asked by many checks."""
    value = getattr(user, attribute, None)
    if value is None:
        value = compute()
        setattr(user, attribute, value)
    return value


def mfa_setup_required(user) -> bool:
    """A user whose roles need two-factor authentication and who has not set it up."""
    if not user.is_authenticated:
        return False
    if not _cached(user, "_mfa_requires", lambda: user_requires_mfa(user)):
        return False
    if second_factor_by_idp(user):
        return False
    return not _cached(user, "_mfa_enabled", lambda: is_mfa_enabled(user))


def second_factor_by_idp(user) -> bool:
    """The current session signed ``user`` in through the IdP with a strong method."""
    session = _request_session.get()
    return session is not None and session.get(SECOND_FACTOR_BY_IDP_SESSION_KEY) == user.pk


def request_memo() -> dict | None:
    """A dict that lives as long as the request being handled (``None`` outside one)."""
    return _request_memo.get()


def mfa_required(view):
    """Views that exist for a role needing two-factor authentication.

    The marker ``mfa_required`` on the view lets a test list every such view.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if mfa_setup_required(request.user):
            raise MFASetupRequired
        return view(request, *args, **kwargs)

    wrapped.mfa_required = True
    return wrapped


def role_predicate(predicate: rules.Predicate | Callable) -> rules.Predicate:
    """``predicate`` that grants nothing to an account lacking its second factor.

    Use it as a decorator above ``@rules.predicate`` on the predicates that grant a
    role's powers.
    """
    if not isinstance(predicate, rules.Predicate):
        predicate = rules.predicate(predicate)

    def second_factor_ok(user) -> bool:
        return _role_checks_ignore_mfa.get() or not mfa_setup_required(user)

    if predicate.num_args < 2:

        def check(user) -> bool:
            return predicate.test(user) and second_factor_ok(user)

    else:

        def check(user, obj) -> bool:
            return predicate.test(user, obj) and second_factor_ok(user)

    return rules.predicate(check, name=f"{predicate.name} (two-factor)")


@contextlib.contextmanager
def role_checks_ignoring_mfa() -> Iterator[None]:
    """Ask what a role would allow once two-factor authentication is set up."""
    token = _role_checks_ignore_mfa.set(True)
    try:
        yield
    finally:
        _role_checks_ignore_mfa.reset(token)


class MFASetupRequiredMiddleware:
    """Turns ``MFASetupRequired`` into a message and the TOTP set-up page.

    It also lends the checks the request's session, for ``second_factor_by_idp``, and
    a fresh ``request_memo()``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_session.set(getattr(request, "session", None))
        memo_token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(memo_token)
            _request_session.reset(token)

    def process_exception(self, request, exception):
        if not isinstance(exception, MFASetupRequired):
            return None
        messages.warning(
            request, _("Set up two-factor authentication first: your role requires it.")
        )
        return redirect("mfa_activate_totp")
