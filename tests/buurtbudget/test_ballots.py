"""The ballot: a basket kept in the database, the round's rule checked as projects are
chosen and again at casting; one final vote per verified resident."""

from decimal import Decimal

import pytest

from buurtbudget.models import BallotItem, Vote
from buurtbudget.selectors import ballot_of
from buurtbudget.services import ballot_add, ballot_remove, vote_cast
from mijnbuurt.core.exceptions import ServiceError

from .factories import PHASE_DAYS, phase_dates

pytestmark = pytest.mark.django_db


def _basket(voter) -> set[str]:
    return set(BallotItem.objects.filter(voter=voter).values_list("proposal__title", flat=True))


def test_knapsack_basket_shows_what_is_left_and_refuses_what_does_not_fit(voter, proposals):
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    ballot_add(voter=voter, proposal=proposals["bankjes"])
    ballot = ballot_of(voter)
    assert ballot.total == Decimal("9000.00")
    assert ballot.left == Decimal("1000.00")
    assert [p.title for p in ballot.options] == ["Moestuin", "Speeltuin", "Bankjes"]
    with pytest.raises(ServiceError) as refused:
        ballot_add(voter=voter, proposal=proposals["moestuin"])
    assert refused.value.code == "does_not_fit"
    assert "1.000,00" in refused.value.message
    assert _basket(voter) == {"Speeltuin", "Bankjes"}
    ballot_remove(voter=voter, proposal=proposals["bankjes"])
    ballot_add(voter=voter, proposal=proposals["moestuin"])
    assert _basket(voter) == {"Speeltuin", "Moestuin"}


def test_approval_allows_up_to_n_projects(voter, proposals, budget_round):
    budget_round.rule, budget_round.max_choices = "approval", 2
    budget_round.save()
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    ballot_add(voter=voter, proposal=proposals["bankjes"])
    assert ballot_of(voter).choices_left == 0
    with pytest.raises(ServiceError) as refused:
        ballot_add(voter=voter, proposal=proposals["moestuin"])
    assert refused.value.code == "too_many"
    assert len(_basket(voter)) == 2


@pytest.mark.parametrize("name", ["zuid", "submitted", "not_feasible"])
def test_only_feasible_projects_of_the_voters_wijk_are_on_the_ballot(voter, proposals, name):
    with pytest.raises(ServiceError) as refused:
        ballot_add(voter=voter, proposal=proposals[name])
    assert refused.value.code == "not_on_ballot"
    assert not _basket(voter)


def test_a_project_is_chosen_once_and_removing_what_is_not_there_is_refused(voter, proposals):
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    with pytest.raises(ServiceError) as refused:
        ballot_add(voter=voter, proposal=proposals["speeltuin"])
    assert refused.value.code == "already"
    with pytest.raises(ServiceError) as refused:
        ballot_remove(voter=voter, proposal=proposals["bankjes"])
    assert refused.value.code == "not_chosen"


def test_the_vote_is_cast_once_and_is_final(voter, proposals):
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    ballot_add(voter=voter, proposal=proposals["moestuin"])
    vote = vote_cast(voter=voter)
    assert {p.title for p in vote.proposals.all()} == {"Speeltuin", "Moestuin"}
    assert vote.wijk_id == voter.wijk_id
    assert not _basket(voter)
    for attempt in (
        lambda: vote_cast(voter=voter),
        lambda: ballot_add(voter=voter, proposal=proposals["bankjes"]),
        lambda: ballot_remove(voter=voter, proposal=proposals["speeltuin"]),
    ):
        with pytest.raises(ServiceError) as refused:
            attempt()
        assert refused.value.code == "voted"
    assert Vote.objects.count() == 1


def test_an_empty_basket_is_no_vote(voter):
    with pytest.raises(ServiceError) as refused:
        vote_cast(voter=voter)
    assert refused.value.code == "empty"
    assert not Vote.objects.exists()


def test_the_fewest_projects_of_the_round_are_asked(voter, proposals, budget_round):
    budget_round.min_choices = 2
    budget_round.save()
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    with pytest.raises(ServiceError) as refused:
        vote_cast(voter=voter)
    assert refused.value.code == "too_few"
    assert not Vote.objects.exists()
    ballot_add(voter=voter, proposal=proposals["moestuin"])
    assert vote_cast(voter=voter).proposals.count() == 2


@pytest.mark.parametrize("phase", [p for p in PHASE_DAYS if p != "voting"])
def test_the_ballot_only_changes_while_voting_runs(voter, proposals, budget_round, phase):
    BallotItem.objects.create(voter=voter, proposal=proposals["speeltuin"])
    for name, value in phase_dates(phase).items():
        setattr(budget_round, name, value)
    budget_round.save()
    voter.refresh_from_db()
    for attempt in (
        lambda: ballot_add(voter=voter, proposal=proposals["bankjes"]),
        lambda: ballot_remove(voter=voter, proposal=proposals["speeltuin"]),
        lambda: vote_cast(voter=voter),
    ):
        with pytest.raises(ServiceError) as refused:
            attempt()
        assert refused.value.code == "not_voting"
    assert _basket(voter) == {"Speeltuin"}
    assert not Vote.objects.exists()


def test_a_basket_that_no_longer_fits_is_not_cast(voter, proposals, budget_round):
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    ballot_add(voter=voter, proposal=proposals["bankjes"])
    budget_round.amount = Decimal("8000.00")
    budget_round.save()
    with pytest.raises(ServiceError) as refused:
        vote_cast(voter=voter)
    assert refused.value.code == "does_not_fit"
    assert not Vote.objects.exists()
