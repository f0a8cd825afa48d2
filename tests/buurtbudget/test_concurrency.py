"""Races on PostgreSQL: one letter code entered twice at the same moment verifies one
person; one person casting twice at the same moment casts one vote; two people using
one code, and one person using two codes, end with one verification each way."""

import pytest

from buurtbudget.eligibility import verify
from buurtbudget.models import LetterCode, Vote, Voter
from buurtbudget.services import ballot_add, vote_cast
from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory
from tests.races import postgres_only, run_concurrently

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def test_the_same_code_used_twice_at_once_verifies_one(budget_round, noord_code):
    people = UserFactory.create_batch(2)
    results = run_concurrently(lambda person: verify(budget_round, person, noord_code), people)
    assert sorted(type(r).__name__ for r in results) == ["ServiceError", "Voter"]
    assert Voter.objects.count() == 1
    assert LetterCode.objects.get().used_at is not None


def test_the_same_person_with_the_same_code_twice_at_once(budget_round, resident, noord_code):
    results = run_concurrently(lambda _n: verify(budget_round, resident, noord_code), [1, 2])
    assert sorted(type(r).__name__ for r in results) == ["ServiceError", "Voter"]
    assert Voter.objects.count() == 1


def test_one_person_with_two_codes_at_once_uses_one(budget_round, resident, noord_code, zuid_code):
    results = run_concurrently(
        lambda code: verify(budget_round, resident, code), [noord_code, zuid_code]
    )
    assert sorted(type(r).__name__ for r in results) == ["ServiceError", "Voter"]
    assert Voter.objects.count() == 1
    assert LetterCode.objects.filter(used_at__isnull=False).count() == 1


def test_two_votes_of_one_person_at_once_count_once(voter, proposals):
    ballot_add(voter=voter, proposal=proposals["speeltuin"])
    results = run_concurrently(lambda _n: vote_cast(voter=voter), [1, 2, 3])
    assert sum(isinstance(r, Vote) for r in results) == 1
    assert sum(isinstance(r, ServiceError) for r in results) == 2
    assert Vote.objects.count() == 1


def test_the_basket_never_goes_over_the_budget(voter, proposals):
    # 4000 + 5000 + 3000 > 10000: whatever the order, no basket holds all three.
    chosen = [proposals[name] for name in ("speeltuin", "bankjes", "moestuin")]
    for _attempt in range(3):
        voter.items.all().delete()
        run_concurrently(lambda p: ballot_add(voter=voter, proposal=p), chosen)
        total = sum(item.proposal.cost for item in voter.items.select_related("proposal"))
        assert 0 < total <= 10000
