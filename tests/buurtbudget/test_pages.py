"""The pages: proposing, entering a code, filling the basket, casting the vote, the
results; and the staff pages in the admin (open a round, make codes, review)."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from buurtbudget.eligibility import verify
from buurtbudget.models import LetterCode, Proposal, Round, Vote, Voter
from initiatives.models import BudgetAllocation
from tests.initiatives.factories import make_budget_line

from .factories import ProposalFactory, RoundFactory, VoteFactory, phase_dates

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_resident_proposes_a_project(client, resident, places):
    budget_round = RoundFactory(phase="proposals", wijken=[places["noord"]])
    client.force_login(resident)
    url = reverse("buurtbudget:propose", kwargs={"pk": budget_round.pk})
    page = client.get(url).content.decode()
    assert "Pittelo" in page
    assert "Kloosterveen" not in page
    response = client.post(
        url,
        {
            "title": "Bankjes",
            "description": "Langs het pad.",
            "estimated_cost": "1200.50",
            "neighbourhood": places["pittelo"].pk,
        },
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("buurtbudget:proposal", kwargs={"pk": proposal.pk})
    detail = client.get(response["Location"]).content.decode()
    assert "Bankjes" in detail
    assert "1.200,50" in detail


def test_a_proposal_above_the_budget_gets_the_message_and_nothing_is_saved(
    client, resident, places
):
    budget_round = RoundFactory(phase="proposals", wijken=[places["noord"]], amount=1000)
    client.force_login(resident)
    response = client.post(
        reverse("buurtbudget:propose", kwargs={"pk": budget_round.pk}),
        {
            "title": "Zwembad",
            "description": "Groot.",
            "estimated_cost": "5000",
            "neighbourhood": places["pittelo"].pk,
        },
    )
    assert response.status_code == 200
    assert "budget" in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_form_is_closed_outside_the_proposal_phase(client, resident, budget_round):
    client.force_login(resident)
    page = client.get(reverse("buurtbudget:propose", kwargs={"pk": budget_round.pk}))
    assert "<form" not in page.content.decode().split("<main", 1)[-1]


def test_not_feasible_reason_is_published(client, proposals):
    page = client.get(reverse("buurtbudget:proposal", kwargs={"pk": proposals["not_feasible"].pk}))
    assert "Te duur." in page.content.decode()


def test_resident_enters_a_code_fills_the_basket_and_votes(
    client, resident, budget_round, proposals, noord_code
):
    client.force_login(resident)
    code_url = reverse("buurtbudget:code", kwargs={"pk": budget_round.pk})
    ballot_url = reverse("buurtbudget:ballot", kwargs={"pk": budget_round.pk})
    response = client.post(code_url, {"code": noord_code.lower()})
    assert response["Location"] == ballot_url
    assert Voter.objects.get().wijk.name == "Noord"

    page = client.get(ballot_url).content.decode()
    assert "Speeltuin" in page
    assert "Jeu de boules" not in page  # Zuid's project
    assert "Skatebaan" not in page  # not reviewed
    client.post(ballot_url, {"action": "add", "proposal": proposals["speeltuin"].pk})
    response = client.post(ballot_url, {"action": "add", "proposal": proposals["bankjes"].pk})
    client.post(ballot_url, {"action": "add", "proposal": proposals["moestuin"].pk})
    page = client.get(ballot_url).content.decode()
    assert "1.000,00" in page  # left to spend
    assert "Je stem is definitief zodra je hem uitbrengt" in page

    response = client.post(reverse("buurtbudget:cast", kwargs={"pk": budget_round.pk}))
    assert response["Location"] == ballot_url
    vote = Vote.objects.get()
    assert {p.title for p in vote.proposals.all()} == {"Speeltuin", "Bankjes"}
    page = client.get(ballot_url).content.decode()
    assert 'id="my-vote"' in page
    assert "Cast my vote" not in page


def test_a_wrong_code_shows_the_message_and_changes_nothing(
    client, resident, budget_round, noord_code
):
    client.force_login(resident)
    response = client.post(
        reverse("buurtbudget:code", kwargs={"pk": budget_round.pk}), {"code": "AAAA-AAAA-AAAA"}
    )
    assert response.status_code == 200
    assert "Deze code kennen we niet" in response.content.decode()
    assert not Voter.objects.exists()


def test_code_entry_is_rate_limited(client, resident, budget_round, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signups": "2/h/user"}
    client.force_login(resident)
    url = reverse("buurtbudget:code", kwargs={"pk": budget_round.pk})
    statuses = [client.post(url, {"code": "AAAA-AAAA-AAAA"}).status_code for _n in range(3)]
    assert statuses == [200, 200, 429]


def test_a_second_vote_through_the_page_is_refused(client, voter, proposals, budget_round):
    VoteFactory(voter=voter, proposals=[proposals["speeltuin"]])
    client.force_login(voter.user)
    response = client.post(reverse("buurtbudget:cast", kwargs={"pk": budget_round.pk}))
    assert "Je hebt in deze ronde al gestemd." in _messages(response)
    assert Vote.objects.count() == 1


def test_results_are_shown_only_from_the_results_date(client, places):
    budget_round = RoundFactory(phase="counting", wijken=[places["noord"]])
    proposal = ProposalFactory(round=budget_round, title="Speeltuin")
    VoteFactory(voter__round=budget_round, proposals=[proposal])
    url = reverse("buurtbudget:results", kwargs={"pk": budget_round.pk})
    assert "Speeltuin" not in client.get(url).content.decode()
    Round.objects.filter(pk=budget_round.pk).update(**phase_dates("results"))
    page = client.get(url).content.decode()
    assert "Speeltuin" in page
    assert "Gekozen" in page


# --- Staff, in the admin ----------------------------------------------------------------


def _round_form(places, line, **changes) -> dict:
    dates = {k: v.isoformat() for k, v in phase_dates("proposals").items()}
    return {
        "name": "Buurtbudget Noord",
        "description": "",
        "wijken": [places["noord"].pk],
        "amount": "600.00",
        "budget_line": line.pk,
        **dates,
        "minimum_age": "",
        "rule": "knapsack",
        "max_choices": "",
        "min_choices": "",
    } | changes


def test_staff_open_a_round_in_the_admin_and_the_line_is_committed(client, staff, places):
    line = make_budget_line(amount="1000.00")
    client.force_login(staff)
    url = reverse("admin:buurtbudget_round_add")
    response = client.post(url, _round_form(places, line))
    assert response.status_code == 302, response.content.decode()[:3000]
    budget_round = Round.objects.get()
    assert budget_round.allocation.amount == Decimal("600.00")
    assert budget_round.created_by == staff
    assert list(budget_round.wijken.all()) == [places["noord"]]
    response = client.post(url, _round_form(places, line, name="Te veel"))
    assert response.status_code == 200
    assert "400,00" in response.content.decode()
    assert Round.objects.count() == 1
    assert BudgetAllocation.objects.count() == 1


def test_staff_change_a_round_but_not_its_amount(client, staff, places):
    line = make_budget_line(amount="1000.00")
    client.force_login(staff)
    client.post(reverse("admin:buurtbudget_round_add"), _round_form(places, line))
    budget_round = Round.objects.get()
    url = reverse("admin:buurtbudget_round_change", args=[budget_round.pk])
    response = client.post(url, _round_form(places, line, name="Nieuwe naam", amount="1"))
    assert response.status_code == 302
    budget_round.refresh_from_db()
    assert (budget_round.name, budget_round.amount) == ("Nieuwe naam", Decimal("600.00"))


def test_staff_download_letter_codes_once_and_they_work(client, staff, budget_round, places):
    client.force_login(staff)
    url = reverse("admin:buurtbudget_round_codes", args=[budget_round.pk])
    response = client.post(url, {"buurt": places["pittelo"].pk, "count": 3})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["code", "buurt"]
    assert [row[1] for row in rows[1:]] == ["Pittelo"] * 3
    assert LetterCode.objects.count() == 3
    assert not any(rows[1][0].replace("-", "") in c.digest for c in LetterCode.objects.all())
    from tests.accounts.factories import UserFactory

    assert verify(budget_round, UserFactory(), rows[1][0]).wijk == places["noord"]


def test_a_buurt_outside_the_round_gets_no_codes_in_the_admin(client, staff, places):
    budget_round = RoundFactory(wijken=[places["noord"]])
    client.force_login(staff)
    url = reverse("admin:buurtbudget_round_codes", args=[budget_round.pk])
    response = client.post(url, {"buurt": places["kloosterveen"].pk, "count": 3})
    assert response.status_code == 200
    assert not LetterCode.objects.exists()


def test_staff_review_a_proposal_in_the_admin(client, staff, places):
    budget_round = RoundFactory(phase="review", wijken=[places["noord"]])
    proposal = ProposalFactory(round=budget_round, status="submitted")
    client.force_login(staff)
    url = reverse("admin:buurtbudget_proposal_review", args=[proposal.pk])
    response = client.post(url, {"decision": "not_feasible", "reason": ""})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    response = client.post(url, {"decision": "feasible", "final_cost": "750"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.final_cost) == ("feasible", Decimal("750.00"))
