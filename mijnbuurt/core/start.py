"""The start page "Mijn buurt" (/mijn-buurt/): what concerns the person who is logged in.

Every app adds its panels (``mijnbuurt.core.panels``) from its ``AppConfig.ready()`` to
one of three slots, each a section of the page: ``start.work`` (the work waiting for
a professional, reviewer, moderator, venue manager or staff member, with counts),
``start.neighbourhood`` (news, initiatives and tasks of this week in the person's
wijk) and ``start.mine`` (their own initiatives, shifts, bookings and help requests).
A panel's context function gets the user and the request and returns ``None`` when the
person's roles do not warrant it (``session_roles(request)``: the roles registry's
answer, computed once per visit of the start page) or it has nothing to show; it runs
a fixed number of queries, so the page's query count does not grow with the data.

The main navigation shows the person's work by label (team queue, review queue, venue
management, admin). It reads the person's roles from the session, stored at login and
again on every visit to the start page, so no page pays a query for the menu; a role
gained in between shows in the menu after the next visit to "Mijn buurt" or login.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mijnbuurt.accounts.roles import Role, user_roles

from .panels import Panel, register_panel

WORK = "start.work"
NEIGHBOURHOOD = "start.neighbourhood"
MINE = "start.mine"
SLOTS = (WORK, NEIGHBOURHOOD, MINE)

ROLES_SESSION_KEY = "mijnbuurt_roles"


def remember_roles(request, user) -> list[str]:
    """Store ``user``'s roles in the session (for the menu); returns them."""
    roles = [str(role) for role in user_roles(user)]
    if request.session.get(ROLES_SESSION_KEY) != roles:
        request.session[ROLES_SESSION_KEY] = roles
    return roles


def session_roles(request) -> set[str]:
    """The roles stored at login (computed once if the session predates them)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return set()
    roles = request.session.get(ROLES_SESSION_KEY)
    if roles is None:
        roles = remember_roles(request, user)
    return set(roles)


def work_links(request) -> list[tuple[str, str, str]]:
    """(label, href, view name) of the person's work, for the main navigation."""
    roles = session_roles(request)
    links = []
    if Role.PROFESSIONAL in roles:
        links.append((_("Team queue"), reverse("help:queue"), "help:queue"))
    if Role.PROFESSIONAL in roles or Role.STAFF in roles:
        links.append(
            (_("Review queue"), reverse("initiatives:review_queue"), "initiatives:review_queue")
        )
    if Role.VENUE_MANAGER in roles:
        links.append((_("Venue management"), reverse("start") + "#venue-management", ""))
    if Role.STAFF in roles:
        links.append((_("Admin"), reverse("admin:index"), ""))
    return links


def staff_tools(user, request) -> dict | None:
    """Municipal staff: the admin and the reports (no query)."""
    if Role.STAFF not in session_roles(request):
        return None
    return {}


def on_login(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        remember_roles(request, user)


def register_panels() -> None:
    register_panel(
        Panel(
            slot=WORK,
            name="staff_tools",
            template_name="start/staff_tools.html",
            context=staff_tools,
        )
    )
