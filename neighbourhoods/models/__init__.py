"""The neighbourhoods app's models: geography, area teams and the social map
(``places``). Help requests live in the ``helprequests`` app."""

from .places import AreaTeam, Neighbourhood, Organisation, TeamMembership

__all__ = [
    "AreaTeam",
    "Neighbourhood",
    "Organisation",
    "TeamMembership",
]
