"""Fixtures of the buurtbudget tests: two wijken (Noord with the buurt Pittelo, Zuid
with Kloosterveen), a round over both in its voting phase (knapsack, € 10.000), three
feasible projects in Noord and one in Zuid, one waiting for review and one not
feasible, a voter verified in Noord and one verified in Zuid."""

from decimal import Decimal

import pytest

from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

from .factories import LetterCodeFactory, ProposalFactory, RoundFactory, VoterFactory

NOORD_CODE = "NRDA-2345-6789"
ZUID_CODE = "ZUDA-2345-6789"


@pytest.fixture
def places(db):
    noord = WijkFactory(name="Noord", slug="noord")
    zuid = WijkFactory(name="Zuid", slug="zuid")
    return {
        "noord": noord,
        "zuid": zuid,
        "pittelo": BuurtFactory(name="Pittelo", slug="pittelo", wijk=noord),
        "kloosterveen": BuurtFactory(name="Kloosterveen", slug="kloosterveen", wijk=zuid),
    }


@pytest.fixture
def budget_round(places):
    return RoundFactory(
        name="Buurtbudget Noord en Zuid",
        wijken=[places["noord"], places["zuid"]],
        amount=Decimal("10000.00"),
    )


@pytest.fixture
def proposals(budget_round, places):
    def make(title, cost, where="pittelo", **fields):
        return ProposalFactory(
            round=budget_round,
            title=title,
            estimated_cost=Decimal(cost),
            neighbourhood=places[where],
            **fields,
        )

    return {
        "speeltuin": make("Speeltuin", "4000.00"),
        "bankjes": make("Bankjes", "5000.00"),
        "moestuin": make("Moestuin", "3000.00"),
        "zuid": make("Jeu de boules", "2000.00", where="kloosterveen"),
        "submitted": make("Skatebaan", "6000.00", status="submitted"),
        "not_feasible": make(
            "Zwembad", "9000.00", status="not_feasible", review_reason="Te duur."
        ),
    }


@pytest.fixture
def noord_code(budget_round, places):
    """An unused letter code of Pittelo (Noord)."""
    LetterCodeFactory(round=budget_round, buurt=places["pittelo"], code="NRDA23456789")
    return NOORD_CODE


@pytest.fixture
def zuid_code(budget_round, places):
    LetterCodeFactory(round=budget_round, buurt=places["kloosterveen"], code="ZUDA23456789")
    return ZUID_CODE


@pytest.fixture
def voter(budget_round, places, resident):
    """The resident, verified in Noord."""
    return VoterFactory(round=budget_round, user=resident, code__buurt=places["pittelo"])


@pytest.fixture
def zuid_voter(budget_round, places):
    return VoterFactory(
        round=budget_round,
        user=UserFactory(email="zuid@example.org", display_name="Zara"),
        code__buurt=places["kloosterveen"],
    )
