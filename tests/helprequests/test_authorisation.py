"""Who may see and act on a help request: a matrix of every page and action x persona.

A request is visible to the resident who asked, the members of the covering area
team, and (for requests no team covers) municipal staff. Everyone else gets 404 -
anonymous visitors are sent to log in, for any number, so nothing is revealed either.
A superuser is no exception (as staff, they see the fallback queue only), and a
professional of the covering team without two-factor authentication is sent to set
it up. Every open and action by a professional or staff member writes an AccessLog row.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from django.utils import timezone

from helprequests.models import AccessLog, HelpMessage, HelpRequest, HelpStatus, Satisfaction

from .factories import DESCRIPTION

pytestmark = pytest.mark.django_db

D = HelpMessage.Direction


@dataclass(frozen=True)
class Endpoint:
    name: str
    side: str  # "resident" or "team"
    method: str = "post"
    data: dict = field(default_factory=dict)
    status: str = HelpStatus.NEW  # the state the request is put in first

    def url(self, pk: int) -> str:
        return reverse(f"help:{self.name}", kwargs={"pk": pk})


ENDPOINTS = [
    Endpoint("detail", "resident", method="get"),
    Endpoint("reply", "resident", data={"body": "Dinsdag kan ik niet."}),
    Endpoint("withdraw", "resident"),
    Endpoint("reopen", "resident", status=HelpStatus.RESOLVED),
    Endpoint("satisfaction", "resident", data={"score": "4"}, status=HelpStatus.RESOLVED),
    Endpoint("delete", "resident", status=HelpStatus.RESOLVED),
    Endpoint("team_detail", "team", method="get"),
    Endpoint("assign", "team", data={"to_me": "1"}),
    Endpoint("transition", "team", data={"to_status": HelpStatus.IN_TRIAGE}),
    Endpoint("message", "team", data={"body": "Ik bel je morgen."}),
    Endpoint("note", "team", data={"body": "Buurvrouw helpt soms al."}),
    Endpoint("contact", "team"),
]

PERSONAS = [
    "anonymous",
    "resident",
    "outsider",
    "volunteer",
    "professional_b",
    "professional_a",
    "professional_a_without_mfa",
    "staff",
    "superuser",
]


def allowed(persona: str, endpoint: Endpoint, which: str) -> bool:
    """The expected outcome: the single source of truth of this matrix."""
    if endpoint.side == "resident":
        return persona == "resident"
    if which == "covered":  # team A covers it
        return persona == "professional_a"
    return persona in ("staff", "superuser")  # fallback queue: staff, whatever else they are


def sent_to_set_up_mfa(persona: str, endpoint: Endpoint, which: str) -> bool:
    """The team's pages ask a professional without a second factor to set one up first."""
    return persona == "professional_a_without_mfa" and endpoint.side == "team"


def effect(endpoint: Endpoint, pk: int, user) -> bool:
    """Whether the action took effect (for a denied request: it must not have)."""
    request = HelpRequest.objects.filter(pk=pk).first()
    checks = {
        "reply": lambda: HelpMessage.objects.filter(request_id=pk, direction=D.FROM_RESIDENT),
        "withdraw": lambda: request.status == HelpStatus.WITHDRAWN,
        "reopen": lambda: request.status == HelpStatus.IN_TRIAGE,
        "satisfaction": lambda: Satisfaction.objects.filter(request_id=pk).exists(),
        "delete": lambda: request is None,
        "assign": lambda: request.assignee_id is not None,
        "transition": lambda: request.status == HelpStatus.IN_TRIAGE,
        "message": lambda: HelpMessage.objects.filter(request_id=pk, direction=D.TO_RESIDENT),
        "note": lambda: HelpMessage.objects.filter(request_id=pk, direction=D.INTERNAL),
        "contact": lambda: request.first_contact_at is not None,
    }
    return bool(checks[endpoint.name]())


@pytest.mark.parametrize("which", ["covered", "fallback"])
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
def test_help_request_access_matrix(request, client, endpoint, persona, which):
    help_request = request.getfixturevalue(f"{which}_request")
    if endpoint.status != HelpStatus.NEW:
        HelpRequest.objects.filter(pk=help_request.pk).update(
            status=endpoint.status, closed_at=timezone.now()
        )
    user = None
    if persona != "anonymous":
        user = request.getfixturevalue(persona)
        client.force_login(user)
    logs_before = AccessLog.objects.count()

    url = endpoint.url(help_request.pk)
    response = getattr(client, endpoint.method)(url, endpoint.data)

    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert not (endpoint.method == "post" and effect(endpoint, help_request.pk, user))
        assert AccessLog.objects.count() == logs_before
    elif sent_to_set_up_mfa(persona, endpoint, which):
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
        assert not (endpoint.method == "post" and effect(endpoint, help_request.pk, user))
        assert AccessLog.objects.count() == logs_before
    elif not allowed(persona, endpoint, which):
        assert response.status_code == 404
        if endpoint.method == "post":
            assert not effect(endpoint, help_request.pk, user)
        assert AccessLog.objects.count() == logs_before
        assert DESCRIPTION not in response.content.decode()
    elif endpoint.method == "get":
        assert response.status_code == 200
        assert DESCRIPTION in response.content.decode()
    else:
        assert response.status_code == 302
        assert effect(endpoint, help_request.pk, user), endpoint.name

    if allowed(persona, endpoint, which) and endpoint.side == "team":
        # Every open and every action of a professional or staff member is logged.
        log = AccessLog.objects.order_by("-pk").first()
        assert AccessLog.objects.count() == logs_before + 1
        assert (log.user, log.request_number) == (user, help_request.pk)
    if endpoint.side == "resident":
        # The resident's own pages and actions are not professional access.
        assert AccessLog.objects.count() == logs_before


MATRIX_SIZE = len(ENDPOINTS) * len(PERSONAS) * 2


def test_matrix_covers_every_help_url():
    """Every URL of a single request is in the matrix, so a new one cannot slip by."""
    from helprequests.urls import urlpatterns

    per_request = {p.name for p in urlpatterns if "<int:pk>" in str(p.pattern)}
    assert per_request == {e.name for e in ENDPOINTS}
    assert MATRIX_SIZE == 216


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("resident", 404),
        ("outsider", 404),
        ("volunteer", 404),
        ("professional_a", 200),
        ("professional_b", 200),
        ("staff", 200),
        ("superuser", 200),
        ("professional_a_without_mfa", 302),
    ],
)
def test_team_pages_are_for_team_members_and_staff_only(request, client, area, persona, status):
    client.force_login(request.getfixturevalue(persona))
    for name in ("help:queue", "help:dashboard", "help:intake"):
        assert client.get(reverse(name)).status_code == status, name


def test_anonymous_visitors_are_sent_to_log_in_for_team_and_resident_lists(client, db):
    for name in ("help:queue", "help:dashboard", "help:intake", "help:mine", "help:create"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_queue_shows_each_team_only_its_own_requests_and_staff_the_fallback(
    client, covered_request, fallback_request, professional_a, professional_b, staff
):
    def numbers(user):
        client.force_login(user)
        return {r.pk for r in client.get(reverse("help:queue")).context["page"].object_list}

    assert numbers(professional_a) == {covered_request.pk}
    assert numbers(professional_b) == set()
    assert numbers(staff) == {fallback_request.pk}


def test_my_requests_lists_only_my_own(client, covered_request, outsider, resident):
    client.force_login(outsider)
    assert list(client.get(reverse("help:mine")).context["page"].object_list) == []
    client.force_login(resident)
    assert list(client.get(reverse("help:mine")).context["page"].object_list) == [covered_request]


def test_resident_sees_who_looked_at_their_request(
    client, covered_request, professional_a, resident
):
    client.force_login(professional_a)
    client.get(reverse("help:team_detail", args=[covered_request.pk]))
    client.force_login(resident)
    html = client.get(reverse("help:detail", args=[covered_request.pk])).content.decode()
    assert "Petra" in html
    assert str(AccessLog.Action.VIEW.label) in html


def test_internal_notes_never_reach_the_resident(
    client, covered_request, professional_a, resident
):
    client.force_login(professional_a)
    client.post(
        reverse("help:note", args=[covered_request.pk]), {"body": "Vermoedelijk schulden."}
    )
    client.force_login(resident)
    html = client.get(reverse("help:detail", args=[covered_request.pk])).content.decode()
    assert "Vermoedelijk schulden." not in html
