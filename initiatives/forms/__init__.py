"""Forms of the initiatives app, by subject: initiatives, grants, accountability,
moderation; fields shared between them in ``fields``."""

from .fields import NeighbourhoodField  # the volunteers app asks for a neighbourhood too

__all__ = ["NeighbourhoodField"]
