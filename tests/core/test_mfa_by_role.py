"""Two-factor authentication follows the role, not the path.

Every view that exists for a professional, reviewer, moderator or staff member
carries ``mfa_required``; pages shared with residents (a task's manage page, an
initiative's page) ask the role's rules, which grant nothing without a second
factor. Either way, such an account with only a password is sent to TOTP set-up.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from initiatives.models import Status
from tests.accounts.factories import UserFactory, enable_totp
from tests.helprequests.conftest import area, covered_request, volunteer  # noqa: F401
from tests.initiatives.factories import make_initiative
from tests.volunteers.conftest import handover  # noqa: F401
from volunteers.models import HandOver, TrustedVolunteer

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/2fa/totp/activate/"

# The views of the roles, by URL name (the admin's own pages are checked apart).
ROLE_VIEWS = {
    "help:queue",
    "help:dashboard",
    "help:intake",
    "help:team_detail",
    "help:assign",
    "help:transition",
    "help:message",
    "help:note",
    "help:contact",
    "initiatives:review_queue",
    "initiatives:grant_award",
    "initiatives:grant_decline",
    "initiatives:grant_paid",
    "initiatives:accountability_accept",
    "initiatives:accountability_changes",
    "initiatives:moderation_queue",
    "initiatives:moderation_hide",
    "initiatives:moderation_restore",
    "initiatives:moderation_dismiss",
    "initiatives:user_block",
    "exchange:moderation",
    "exchange:moderation_conversation",
    "exchange:moderation_hide",
    "exchange:moderation_dismiss",
    "volunteers:handover_new",
    "volunteers:handover",
    "volunteers:handover_invite",
    "volunteers:handover_confirm",
    "volunteers:handover_end",
    "volunteers:trusted_manage",
    "volunteers:trusted_remove",
    "reports:dashboard",
    "reports:budget",
    "reports:export",
    "reports:pilots",
    "reports:pilot",
    "reports:pilot_note",
    "reports:pilot_export",
}


def routes():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield namespace + pattern.name, pattern.callback

    return list(walk(get_resolver().url_patterns))


def test_every_view_of_a_role_asks_for_two_factor_and_no_other_does():
    marked = {name for name, view in routes() if getattr(view, "mfa_required", False)}
    assert {name for name in marked if not name.startswith("admin:")} == ROLE_VIEWS


def test_the_admin_asks_staff_for_two_factor_on_every_page(client, db):
    client.force_login(UserFactory(is_staff=True))
    for url in (
        "/admin/",
        "/admin/initiatives/initiative/",
        "/admin/accounts/user/",
        "/admin/helprequests/helprequest/",
        "/admin/jsi18n/",
        "/admin/rapportages/",
    ):
        response = client.get(url)
        assert (response.status_code, response.get("Location")) == (302, SET_UP), url


@pytest.fixture
def staff_without_mfa(db):
    return UserFactory(email="nieuw@gemeente.example.org", is_staff=True)


@pytest.fixture
def objects(area, covered_request, handover, organiser, volunteer):  # noqa: F811
    submitted = make_initiative(by=organiser, neighbourhood=area["a"], status=Status.SUBMITTED)
    trusted = TrustedVolunteer.objects.create(team=covered_request.team, volunteer=volunteer)
    return {
        "pk": {
            "help": covered_request.pk,
            "initiatives": submitted.pk,
            "volunteers:handover": handover.pk,
            "volunteers:trusted": trusted.pk,
            "exchange": 1,  # a report: the second factor is asked before any lookup
        },
        "request_pk": covered_request.pk,
        "grant_pk": 1,
        "item_pk": submitted.pk,
        "kind": "initiative",
        "user_pk": organiser.pk,
        "report": "dashboard",
        "fmt": "csv",
        "slug": "een-proef",  # a pilot: the second factor is asked before any lookup
    }


def url_for(name: str, objects: dict) -> str:
    from django.urls import NoReverseMatch

    try:
        return reverse(name)
    except NoReverseMatch:
        pass
    resolver_kwargs = {}
    names = ("pk", "request_pk", "grant_pk", "item_pk", "kind", "user_pk", "report", "fmt", "slug")
    for key in names:
        value = objects[key]
        if isinstance(value, dict):
            value = next((v for prefix, v in value.items() if name.startswith(prefix)), None)
        if value is not None:
            resolver_kwargs[key] = value
    # Keep only the keywords this route takes.
    for size in range(len(resolver_kwargs), 0, -1):
        from itertools import combinations

        for keys in combinations(resolver_kwargs, size):
            try:
                return reverse(name, kwargs={k: resolver_kwargs[k] for k in keys})
            except NoReverseMatch:
                continue
    raise AssertionError(name)


@pytest.mark.parametrize("persona", ["professional_a_without_mfa", "staff_without_mfa"])
def test_a_password_only_session_of_a_role_is_sent_to_set_up_two_factor(
    request, client, objects, persona
):
    client.force_login(request.getfixturevalue(persona))
    for name in sorted(ROLE_VIEWS):
        if name.startswith("reports:") and persona != "staff_without_mfa":
            continue  # the admin's own check comes first: not staff, no admin
        url = url_for(name, objects)
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        assert (response.status_code, response.get("Location")) == (302, SET_UP), name


def test_residents_are_not_asked_for_two_factor_they_get_the_usual_404(client, outsider, objects):
    client.force_login(outsider)
    for name in ("help:team_detail", "volunteers:handover", "initiatives:moderation_queue"):
        assert client.get(url_for(name, objects)).status_code == 404, name


SHARED_PAGES = [
    "volunteers:task",
    "volunteers:manage_task",
    "volunteers:task_edit",
    "volunteers:task_shifts",
    "volunteers:task_suggestions",
]


@pytest.mark.parametrize("name", SHARED_PAGES)
def test_a_hand_over_task_is_the_teams_and_asks_for_two_factor(
    client, objects, professional_a_without_mfa, name
):
    client.force_login(professional_a_without_mfa)
    handed_over = HandOver.objects.get(pk=objects["pk"]["volunteers:handover"])
    url = reverse(name, kwargs={"pk": handed_over.task_id})
    response = client.get(url)
    assert (response.status_code, response.get("Location")) == (302, SET_UP)

    enable_totp(professional_a_without_mfa)
    assert client.get(url).status_code == 200


def test_closing_a_hand_over_task_without_two_factor_changes_nothing(
    client, objects, professional_a_without_mfa
):
    client.force_login(professional_a_without_mfa)
    handed_over = HandOver.objects.get(pk=objects["pk"]["volunteers:handover"])
    url = reverse("volunteers:task_status", kwargs={"pk": handed_over.task_id})
    response = client.post(url, {"status": "closed"})
    assert (response.status_code, response.get("Location")) == (302, SET_UP)
    handed_over.task.refresh_from_db()
    assert handed_over.task.status != "closed"


def test_an_initiative_under_review_asks_its_reviewer_for_two_factor(
    client, objects, professional_a_without_mfa
):
    submitted = objects["item_pk"]
    client.force_login(professional_a_without_mfa)
    url = reverse("initiatives:detail", kwargs={"pk": submitted})
    response = client.get(url)
    assert (response.status_code, response.get("Location")) == (302, SET_UP)

    enable_totp(professional_a_without_mfa)
    assert client.get(url).status_code == 200
