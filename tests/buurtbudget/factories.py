"""Budget rounds, proposals, letter codes, voters, ballot items and votes.

A round made here skips the service (no commitment on its budget line); the tests of
``round_create`` use the service. ``phase=`` places today in that phase.
"""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from buurtbudget.eligibility import code_digest
from buurtbudget.models import BallotItem, LetterCode, Proposal, Round, Vote, Voter
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_budget_line
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory

# Days from today of each date, per phase of today.
PHASE_DAYS = {
    "upcoming": (5, 10, 20, 30, 40),
    "proposals": (-5, 5, 10, 20, 25),
    "review": (-20, -5, 5, 20, 25),
    "voting": (-30, -20, -2, 10, 15),
    "counting": (-40, -30, -20, -2, 5),
    "results": (-50, -40, -30, -20, -5),
}
DATES = ("proposals_from", "proposals_until", "voting_from", "voting_until", "results_on")


def phase_dates(phase: str) -> dict[str, dt.date]:
    today = timezone.localdate()
    return {
        name: today + dt.timedelta(days=days)
        for name, days in zip(DATES, PHASE_DAYS[phase], strict=True)
    }


def _date(name: str):
    return factory.LazyAttribute(lambda o: phase_dates(o.phase)[name])


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round
        skip_postgeneration_save = True

    class Params:
        phase = "voting"

    name = factory.Sequence(lambda n: f"Buurtbudget {n}")
    amount = Decimal("10000.00")
    budget_line = factory.Sequence(
        lambda n: make_budget_line(amount="1000000.00", code=f"buurtbudget-{n}")
    )
    proposals_from = _date("proposals_from")
    proposals_until = _date("proposals_until")
    voting_from = _date("voting_from")
    voting_until = _date("voting_until")
    results_on = _date("results_on")
    rule = Round.Rule.KNAPSACK

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create:
            self.wijken.set(extracted if extracted is not None else [WijkFactory()])


class ProposalFactory(factory.django.DjangoModelFactory):
    """A feasible proposal at its estimate, in a buurt of the round's first wijk."""

    class Meta:
        model = Proposal

    round = factory.SubFactory(RoundFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Plan {n}")
    description = "Bankjes en bloembakken voor de buurt."
    estimated_cost = Decimal("1000.00")
    neighbourhood = factory.LazyAttribute(
        lambda o: BuurtFactory(wijk=o.round.wijken.order_by("pk").first())
    )
    wijk = factory.LazyAttribute(lambda o: o.neighbourhood.wijk)
    status = Proposal.Status.FEASIBLE
    final_cost = factory.LazyAttribute(
        lambda o: o.estimated_cost if o.status == Proposal.Status.FEASIBLE else None
    )


class LetterCodeFactory(factory.django.DjangoModelFactory):
    """A letter code; ``code=`` gives its plain text (stored as its hash)."""

    class Meta:
        model = LetterCode
        exclude = ("code",)

    round = factory.SubFactory(RoundFactory)
    code = factory.Sequence(lambda n: f"ABCD{n:08d}".replace("0", "A").replace("1", "B"))
    buurt = factory.LazyAttribute(
        lambda o: BuurtFactory(wijk=o.round.wijken.order_by("pk").first())
    )
    digest = factory.LazyAttribute(lambda o: code_digest(o.round, o.code))


class VoterFactory(factory.django.DjangoModelFactory):
    """A resident verified for a round with a used letter code."""

    class Meta:
        model = Voter

    round = factory.SubFactory(RoundFactory)
    user = factory.SubFactory(UserFactory)
    code = factory.SubFactory(
        LetterCodeFactory,
        round=factory.SelfAttribute("..round"),
        used_at=factory.LazyFunction(timezone.now),
    )
    buurt = factory.LazyAttribute(lambda o: o.code.buurt)
    wijk = factory.LazyAttribute(lambda o: o.buurt.wijk)


class BallotItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BallotItem

    voter = factory.SubFactory(VoterFactory)
    proposal = factory.SubFactory(
        ProposalFactory,
        round=factory.SelfAttribute("..voter.round"),
        neighbourhood=factory.SelfAttribute("..voter.buurt"),
    )


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote
        skip_postgeneration_save = True

    voter = factory.SubFactory(VoterFactory)
    round = factory.SelfAttribute("voter.round")
    wijk = factory.SelfAttribute("voter.wijk")

    @factory.post_generation
    def proposals(self, create, extracted, **kwargs):
        if create and extracted:
            self.proposals.set(extracted)
