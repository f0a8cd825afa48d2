"""The neighbourhoods app's models: geography, area teams and the social map
(``places``), and help requests with their triage (``help``)."""

from .help import (
    CLOSED_STATUSES,
    CLOSED_STATUSES_LIST,
    OPEN_STATUSES,
    OPEN_STATUSES_LIST,
    VOLUNTEER_SUITABLE_KINDS,
    AccessLog,
    ContactWay,
    HelpKind,
    HelpMessage,
    HelpRequest,
    HelpRequestEvent,
    HelpStatus,
    ReplyTemplate,
    Satisfaction,
    Urgency,
)
from .places import AreaTeam, Neighbourhood, Organisation, TeamMembership

__all__ = [
    "CLOSED_STATUSES",
    "CLOSED_STATUSES_LIST",
    "OPEN_STATUSES",
    "OPEN_STATUSES_LIST",
    "VOLUNTEER_SUITABLE_KINDS",
    "AccessLog",
    "AreaTeam",
    "ContactWay",
    "HelpKind",
    "HelpMessage",
    "HelpRequest",
    "HelpRequestEvent",
    "HelpStatus",
    "Neighbourhood",
    "Organisation",
    "ReplyTemplate",
    "Satisfaction",
    "TeamMembership",
    "Urgency",
]
