"""Residents propose projects in the proposal phase; staff review them (feasible at a
final cost, or not feasible with a published reason); the ballot holds the feasible."""

from decimal import Decimal

import pytest

from buurtbudget.models import Proposal
from buurtbudget.services import proposal_review, proposal_submit
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.models import StatusChange
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory

from .factories import ProposalFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_round(places):
    return RoundFactory(phase="proposals", wijken=[places["noord"]], amount=Decimal("5000"))


def _submit(budget_round, author, places, **changes):
    data = {
        "title": "Bankjes",
        "description": "Bankjes langs het pad.",
        "estimated_cost": "1200,50",
        "neighbourhood": places["pittelo"],
    } | changes
    return proposal_submit(round=budget_round, author=author, **data)


def test_resident_proposes_a_project_in_a_buurt_of_the_round(open_round, resident, places):
    proposal = _submit(open_round, resident, places)
    assert proposal.status == Proposal.Status.SUBMITTED
    assert proposal.estimated_cost == Decimal("1200.50")
    assert proposal.wijk == places["noord"]
    assert proposal.author == resident


def test_a_wijk_itself_is_a_place_too(open_round, resident, places):
    assert _submit(open_round, resident, places, neighbourhood=places["noord"]).wijk_id == (
        places["noord"].pk
    )


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": " "}, "title"),
        ({"description": ""}, "description"),
        ({"estimated_cost": "0"}, "not_positive"),
        ({"estimated_cost": "-5"}, "not_positive"),
        ({"estimated_cost": "5000.01"}, "above_budget"),
        ({"estimated_cost": "twee"}, "bad_amount"),
        ({"neighbourhood": None}, "neighbourhood"),
    ],
)
def test_bad_proposals_are_refused_and_nothing_is_saved(
    open_round, resident, places, changes, code
):
    with pytest.raises(ServiceError) as refused:
        _submit(open_round, resident, places, **changes)
    assert refused.value.code == code
    assert not Proposal.objects.exists()


def test_a_place_outside_the_round_is_refused(open_round, resident, places):
    with pytest.raises(ServiceError) as refused:
        _submit(open_round, resident, places, neighbourhood=places["kloosterveen"])
    assert refused.value.code == "neighbourhood"
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(("phase", "code"), [("upcoming", "not_open"), ("voting", "closed")])
def test_proposals_only_in_the_proposal_phase(places, resident, phase, code):
    budget_round = RoundFactory(phase=phase, wijken=[places["noord"]])
    with pytest.raises(ServiceError) as refused:
        _submit(budget_round, resident, places)
    assert refused.value.code == code


def test_staff_find_a_proposal_feasible_at_a_final_cost(open_round, staff, places):
    proposal = ProposalFactory(round=open_round, status="submitted")
    proposal_review(proposal=proposal, by=staff, feasible=True, final_cost=Decimal("1500"))
    proposal.refresh_from_db()
    assert (proposal.status, proposal.final_cost) == ("feasible", Decimal("1500.00"))
    assert proposal.reviewed_at is not None
    change = StatusChange.objects.get()
    assert (change.from_state, change.to_state, change.by) == ("submitted", "feasible", staff)


def test_feasible_without_a_cost_keeps_the_estimate(open_round, staff):
    proposal = ProposalFactory(round=open_round, status="submitted", estimated_cost=800)
    proposal_review(proposal=proposal, by=staff, feasible=True)
    proposal.refresh_from_db()
    assert proposal.final_cost == Decimal("800.00")


def test_not_feasible_needs_a_reason_which_is_published(open_round, staff):
    proposal = ProposalFactory(round=open_round, status="submitted")
    with pytest.raises(ServiceError) as refused:
        proposal_review(proposal=proposal, by=staff, feasible=False, reason="  ")
    assert refused.value.code == "note_required"
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    proposal_review(proposal=proposal, by=staff, feasible=False, reason="Geen grond.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.review_reason) == ("not_feasible", "Geen grond.")


def test_a_final_cost_above_the_budget_is_refused(open_round, staff):
    proposal = ProposalFactory(round=open_round, status="submitted")
    with pytest.raises(ServiceError) as refused:
        proposal_review(proposal=proposal, by=staff, feasible=True, final_cost=Decimal("9999"))
    assert refused.value.code == "above_budget"
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


@pytest.mark.parametrize("who", ["resident", "superuser_without_staff", "staff_without_mfa"])
def test_only_staff_with_two_factor_review(open_round, request, who, resident):
    people = {
        "resident": resident,
        "superuser_without_staff": UserFactory(is_superuser=True),
        "staff_without_mfa": UserFactory(is_staff=True),
    }
    proposal = ProposalFactory(round=open_round, status="submitted")
    with pytest.raises(ServiceError) as refused:
        proposal_review(proposal=proposal, by=people[who], feasible=True)
    assert refused.value.code == "forbidden"
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_a_reviewed_proposal_is_not_reviewed_again(open_round, staff):
    proposal = ProposalFactory(round=open_round, status="feasible")
    with pytest.raises(ServiceError) as refused:
        proposal_review(proposal=proposal, by=staff, feasible=False, reason="Toch niet.")
    assert refused.value.code == "reviewed"


def test_once_voting_started_the_ballot_does_not_change(places, staff):
    budget_round = RoundFactory(phase="voting", wijken=[places["noord"]])
    proposal = ProposalFactory(
        round=budget_round, status="submitted", neighbourhood=BuurtFactory(wijk=places["noord"])
    )
    with pytest.raises(ServiceError) as refused:
        proposal_review(proposal=proposal, by=staff, feasible=True)
    assert refused.value.code == "voting"
