"""The proposal list and the ballot read a fixed number of queries, whatever their size."""

import pytest
from django.urls import reverse

from buurtbudget.models import BallotItem

from .factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [3, 30])
def test_proposal_list_queries_stay_flat(
    client, django_assert_num_queries, budget_round, places, size
):
    for _n in range(size):
        ProposalFactory(round=budget_round, neighbourhood=places["pittelo"])
    url = reverse("buurtbudget:proposals", kwargs={"pk": budget_round.pk})
    with django_assert_num_queries(3):
        client.get(url)


@pytest.mark.parametrize("size", [3, 30])
def test_ballot_queries_stay_flat(
    client, django_assert_num_queries, budget_round, places, voter, size
):
    for _n in range(size):
        proposal = ProposalFactory(round=budget_round, neighbourhood=places["pittelo"])
        if _n % 2:
            BallotItem.objects.create(voter=voter, proposal=proposal)
    client.force_login(voter.user)
    url = reverse("buurtbudget:ballot", kwargs={"pk": budget_round.pk})
    with django_assert_num_queries(7):
        client.get(url)


@pytest.mark.parametrize("size", [3, 30])
def test_round_list_and_results_queries_stay_flat(client, django_assert_num_queries, places, size):
    from .factories import RoundFactory, VoteFactory

    for _n in range(size):
        budget_round = RoundFactory(phase="results", wijken=[places["noord"]])
    proposals = [ProposalFactory(round=budget_round) for _n in range(size)]
    VoteFactory(voter__round=budget_round, proposals=proposals[:2])
    with django_assert_num_queries(2):
        client.get(reverse("buurtbudget:list"))
    with django_assert_num_queries(3):
        client.get(reverse("buurtbudget:results", kwargs={"pk": budget_round.pk}))
