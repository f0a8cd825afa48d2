"""Results: votes per project and the winners. Knapsack: by votes, every project that
still fits wins; approval: by votes until the money runs out."""

from decimal import Decimal

import pytest

from buurtbudget.selectors import round_results

from .factories import ProposalFactory, RoundFactory, VoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(places):
    budget_round = RoundFactory(phase="results", wijken=[places["noord"]], amount=Decimal(10000))

    def make(title, cost):
        return ProposalFactory(
            round=budget_round,
            title=title,
            estimated_cost=Decimal(cost),
            neighbourhood=places["pittelo"],
        )

    a, b, c, _d = make("A", 6000), make("B", 5000), make("C", 3000), make("D", 1000)
    ProposalFactory(
        round=budget_round, title="Nee", status="not_feasible", neighbourhood=places["pittelo"]
    )
    # A 5 votes, B 4, C 3, D 0
    for choice in [[a, b, c]] * 3 + [[a, b]] + [[a]]:
        VoteFactory(
            voter__round=budget_round, voter__code__buurt=places["pittelo"], proposals=choice
        )
    return budget_round


def _won(results) -> list[str]:
    return [row.proposal.title for row in results.rows if row.won]


def test_knapsack_passes_over_what_does_not_fit_and_goes_on(counted):
    results = round_results(counted)
    assert [(r.proposal.title, r.votes) for r in results.rows] == [
        ("A", 5),
        ("B", 4),
        ("C", 3),
        ("D", 0),
    ]
    assert _won(results) == ["A", "C"]
    assert results.votes == 5
    assert (results.spent, results.left) == (Decimal("9000.00"), Decimal("1000.00"))


def test_approval_stops_when_the_money_runs_out(counted):
    counted.rule, counted.max_choices = "approval", 3
    counted.save()
    results = round_results(counted)
    assert _won(results) == ["A"]
    assert results.spent == Decimal("6000.00")


def test_the_count_survives_a_deleted_account(counted):
    from mijnbuurt.accounts.services import user_delete

    voter = counted.voters.first()
    user_delete(user=voter.user)
    assert round_results(counted).votes == 5
