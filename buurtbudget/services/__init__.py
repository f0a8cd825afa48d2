"""Writes of buurtbudget, a module per subject: rounds, proposals, ballots.
(Letter codes and verification: ``buurtbudget.eligibility``.)"""

from .ballots import ballot_add, ballot_remove, vote_cast
from .proposals import proposal_review, proposal_submit
from .rounds import round_check, round_create, round_rules_check, round_update

__all__ = [
    "ballot_add",
    "ballot_remove",
    "proposal_review",
    "proposal_submit",
    "round_check",
    "round_create",
    "round_rules_check",
    "round_update",
    "vote_cast",
]
