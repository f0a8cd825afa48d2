"""A person's buurtbudget data: in "download my data", and gone with the account
(proposals stay without an author, a cast vote stays anonymous)."""

import pytest

from buurtbudget.models import BallotItem, Proposal, Vote, Voter
from mijnbuurt.accounts.services import user_delete, user_export_data

from .factories import BallotItemFactory, ProposalFactory, VoteFactory

pytestmark = pytest.mark.django_db


def test_export_and_erase(voter, zuid_voter, proposals, budget_round):
    mine = ProposalFactory(round=budget_round, author=voter.user, title="Mijn plan")
    VoteFactory(voter=voter, proposals=[proposals["speeltuin"]])
    BallotItemFactory(voter=zuid_voter, proposal=proposals["zuid"])
    data = user_export_data(user=voter.user)["buurtbudget"]
    assert [p["title"] for p in data["proposals"]] == ["Mijn plan"]
    assert data["verifications"][0]["wijk"] == "Noord"
    assert data["verifications"][0]["voted_for"] == ["Speeltuin"]
    other = user_export_data(user=zuid_voter.user)["buurtbudget"]
    assert other["basket"] == [{"round_id": budget_round.pk, "project": "Jeu de boules"}]

    user_delete(user=voter.user)
    mine.refresh_from_db()
    assert mine.author is None
    assert not Voter.objects.filter(pk=voter.pk).exists()
    vote = Vote.objects.get()
    assert vote.voter is None
    assert list(vote.proposals.all()) == [proposals["speeltuin"]]
    user_delete(user=zuid_voter.user)
    assert not BallotItem.objects.exists()
    assert Proposal.objects.count() == 7
