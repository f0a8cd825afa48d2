"""seed_demo opens a round in its voting phase with feasible projects and verifies the
demo resident with a letter code; twice gives the same."""

import io

import pytest

from buurtbudget import demo
from buurtbudget.models import Phase, Proposal, Round, Voter
from mijnbuurt.core.demo import seeders
from neighbourhoods.services import neighbourhood_import
from tests.neighbourhoods.conftest import BOUNDARY_FILES

pytestmark = pytest.mark.django_db


def test_seed_opens_a_round_in_voting_with_a_verified_demo_voter_once():
    assert demo.seed in seeders()
    neighbourhood_import(paths=BOUNDARY_FILES)
    out = io.StringIO()
    demo.seed(out=out)
    demo.seed(out=io.StringIO())
    budget_round = Round.objects.get()
    assert budget_round.phase == Phase.VOTING
    assert budget_round.allocation is not None
    feasible = Proposal.objects.filter(status="feasible")
    assert feasible.count() == 4
    assert Proposal.objects.filter(status="not_feasible").exclude(review_reason="").count() == 1
    voter = Voter.objects.get()
    assert voter.user.email == demo.RESIDENT_EMAIL
    assert feasible.filter(wijk=voter.wijk).count() == 4
    assert "letter codes to try" in out.getvalue()
