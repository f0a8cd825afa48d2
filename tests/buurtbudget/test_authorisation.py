"""Who may see and do what in buurtbudget: every page and action x persona.

Rounds, proposals and results are public. Proposing and entering a code need an
account; the ballot needs a code (without one: to the code page); a voter changes only
their own ballot, and a voter of another wijk cannot choose this wijk's projects.
Staff tools live in the admin: staff with two-factor authentication use them, staff
without it are sent to set it up, everyone else to the admin's login.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from buurtbudget.models import BallotItem, Vote
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "resident",
    "other_wijk_voter",
    "voter",
    "staff_without_mfa",
    "staff",
    "superuser",
]
SET_UP = "/accounts/2fa/totp/activate/"


@dataclass(frozen=True)
class Page:
    name: str
    method: str = "get"
    kind: str = "login"  # public, login or admin
    data: tuple = ()


PAGES = [
    Page("list", kind="public"),
    Page("detail", kind="public"),
    Page("proposals", kind="public"),
    Page("proposal", kind="public"),
    Page("results", kind="public"),
    Page("propose"),
    Page("propose", method="post", data=(("title", "Bankjes"),)),
    Page("code"),
    Page("code", method="post", data=(("code", "AAAA-BBBB-CCCC"),)),
    Page("ballot"),
    Page("ballot", method="post", data=(("action", "add"),)),
    Page("cast", method="post"),
    Page("admin:buurtbudget_round_add", kind="admin"),
    Page("admin:buurtbudget_round_codes", kind="admin"),
    Page("admin:buurtbudget_proposal_review", kind="admin"),
    Page("admin:buurtbudget_proposal_changelist", kind="admin"),
]


@pytest.fixture
def people(resident, voter, zuid_voter, staff, superuser):
    return {
        "anonymous": None,
        "resident": UserFactory(email="niet-geverifieerd@example.org"),
        "other_wijk_voter": zuid_voter.user,
        "voter": voter.user,
        "staff_without_mfa": UserFactory(email="nieuw@gemeente.example.org", is_staff=True),
        "staff": staff,
        "superuser": superuser,
    }


def _url(page: Page, budget_round, proposals) -> str:
    if page.name == "list" or page.name.endswith(("_add", "_changelist")):
        return reverse(page.name if ":" in page.name else f"buurtbudget:{page.name}")
    if page.name == "proposal":
        return reverse("buurtbudget:proposal", kwargs={"pk": proposals["speeltuin"].pk})
    if page.name == "admin:buurtbudget_proposal_review":
        return reverse(page.name, args=[proposals["submitted"].pk])
    if page.name.startswith("admin:"):
        return reverse(page.name, args=[budget_round.pk])
    return reverse(f"buurtbudget:{page.name}", kwargs={"pk": budget_round.pk})


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.method}-{p.name}")
@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix(client, page, persona, people, budget_round, proposals):
    if people[persona] is not None:
        client.force_login(people[persona])
    data = dict(page.data)
    if page.name == "ballot" and page.method == "post":
        data["proposal"] = proposals["speeltuin"].pk
    response = getattr(client, page.method)(_url(page, budget_round, proposals), data)
    location = response.get("Location", "")
    if page.kind == "public":
        assert response.status_code == 200
    elif page.kind == "admin":
        if persona in ("staff", "superuser"):
            assert response.status_code == 200
        elif persona == "staff_without_mfa":
            assert (response.status_code, location) == (302, SET_UP)
        else:
            assert response.status_code == 302
            assert location.startswith("/admin/login/")
    elif persona == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in location
    else:
        assert response.status_code in (200, 302), response.status_code
        assert "/accounts/" not in location
    # Only the voter of Noord chooses Noord's project; nobody else casts anything.
    chosen = BallotItem.objects.filter(proposal=proposals["speeltuin"])
    if page.name == "ballot" and page.method == "post" and persona == "voter":
        assert list(chosen.values_list("voter__user", flat=True)) == [people["voter"].pk]
    else:
        assert not chosen.exists()
    assert not Vote.objects.exists()


def test_matrix_size():
    assert len(PAGES) * len(PERSONAS) == 112


@pytest.mark.parametrize("persona", ["resident", "staff", "superuser"])
def test_without_a_code_the_ballot_sends_to_the_code_page(client, people, budget_round, persona):
    client.force_login(people[persona])
    response = client.get(reverse("buurtbudget:ballot", kwargs={"pk": budget_round.pk}))
    assert response["Location"] == reverse("buurtbudget:code", kwargs={"pk": budget_round.pk})


def test_a_verified_voter_is_sent_from_the_code_page_to_the_ballot(client, voter, budget_round):
    client.force_login(voter.user)
    response = client.get(reverse("buurtbudget:code", kwargs={"pk": budget_round.pk}))
    assert response["Location"] == reverse("buurtbudget:ballot", kwargs={"pk": budget_round.pk})


def test_a_project_of_another_round_is_404_on_the_ballot(client, voter, budget_round):
    from .factories import ProposalFactory

    other = ProposalFactory()
    client.force_login(voter.user)
    url = reverse("buurtbudget:ballot", kwargs={"pk": budget_round.pk})
    for proposal in (other.pk, "x", 2**70):
        assert client.post(url, {"action": "add", "proposal": proposal}).status_code == 404
    assert not BallotItem.objects.exists()


def test_unknown_round_and_proposal_are_404(client, resident):
    client.force_login(resident)
    assert client.get(reverse("buurtbudget:detail", kwargs={"pk": 999999})).status_code == 404
    assert client.get(reverse("buurtbudget:proposal", kwargs={"pk": 999999})).status_code == 404
    assert client.get(reverse("buurtbudget:ballot", kwargs={"pk": 999999})).status_code == 404
