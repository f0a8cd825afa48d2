"""Models of the initiatives app: the initiatives themselves, and the money (grants)."""

from .grants import BudgetLine, GrantLineItem, GrantRequest
from .initiatives import (
    EDITABLE_STATUSES,
    PUBLIC_STATUSES,
    REVIEW_STATUSES,
    VISIBLE_STATUSES,
    Follow,
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Need,
    Organiser,
    OrganiserInvitation,
    Status,
    StatusChange,
    Support,
    Theme,
)

__all__ = [
    "EDITABLE_STATUSES",
    "PUBLIC_STATUSES",
    "REVIEW_STATUSES",
    "VISIBLE_STATUSES",
    "BudgetLine",
    "Follow",
    "GrantLineItem",
    "GrantRequest",
    "Initiative",
    "InitiativePhoto",
    "InitiativeUpdate",
    "Need",
    "Organiser",
    "OrganiserInvitation",
    "Status",
    "StatusChange",
    "Support",
    "Theme",
]
