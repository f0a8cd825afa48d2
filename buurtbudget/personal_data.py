"""A person's part in buurtbudget: "download my data" and account deletion
(mijnbuurt.accounts.personal_data).

Proposals stay (they are on a ballot or in the results) without their author; the
verification and the basket go; a cast vote stays, anonymous, so deleting an account
never changes a count (``Vote.voter`` becomes empty)."""

from .models import BallotItem, Proposal, Vote, Voter


def buurtbudget_personal_data_export(user) -> dict:
    voters = list(
        Voter.objects.filter(user=user).select_related("round", "buurt", "wijk").order_by("pk")
    )
    votes = {
        vote.voter_id: vote
        for vote in Vote.objects.filter(voter__in=voters).prefetch_related("proposals")
    }
    items = BallotItem.objects.filter(voter__in=voters).select_related("proposal")
    return {
        "proposals": [
            {
                "round": proposal.round.name,
                "title": proposal.title,
                "description": proposal.description,
                "estimated_cost": str(proposal.estimated_cost),
                "status": proposal.status,
                "submitted_at": proposal.created_at.isoformat(),
            }
            for proposal in Proposal.objects.filter(author=user)
            .select_related("round")
            .order_by("pk")
        ],
        "verifications": [
            {
                "round": voter.round.name,
                "buurt": voter.buurt.name,
                "wijk": voter.wijk.name,
                "verified_at": voter.verified_at.isoformat(),
                "voted_at": votes[voter.pk].cast_at.isoformat() if voter.pk in votes else None,
                "voted_for": sorted(p.title for p in votes[voter.pk].proposals.all())
                if voter.pk in votes
                else [],
            }
            for voter in voters
        ],
        "basket": [
            {"round_id": item.proposal.round_id, "project": item.proposal.title}
            for item in items.order_by("pk")
        ],
    }


def buurtbudget_personal_data_erase(user) -> None:
    Proposal.objects.filter(author=user).update(author=None)
    # The basket goes with the verification (CASCADE); a cast vote stays, anonymous.
    Voter.objects.filter(user=user).delete()
