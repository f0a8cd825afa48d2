"""Synthetic buurtbudget for benchmarks: a round in voting with proposals, voters and
votes, once; the benchmark names its pages; the proposal list stays flat in queries."""

import io

import pytest
from django.urls import reverse

from buurtbudget import bench, scale
from buurtbudget.models import Proposal, Round, Vote, Voter
from neighbourhoods import scale as neighbourhoods_scale

pytestmark = pytest.mark.django_db


def test_scale_seeds_a_round_with_votes_once(client, django_assert_num_queries):
    neighbourhoods_scale.seed(factor=0.02, out=io.StringIO())
    scale.seed(factor=0.1, out=io.StringIO())
    assert Proposal.objects.count() == 20
    assert Voter.objects.count() == 20
    assert Vote.objects.count() == 10
    scale.seed(factor=0.1, out=io.StringIO())
    assert Round.objects.count() == 1
    budget_round = Round.objects.get()
    with django_assert_num_queries(3):
        client.get(reverse("buurtbudget:proposals", kwargs={"pk": budget_round.pk}))
    paths = [page.path for page in bench.pages()]
    assert f"/buurtbudget/{budget_round.pk}/plannen/" in paths
    scale.reset(out=io.StringIO())
    assert not Round.objects.exists()
