"""The initiatives app in the admin (discovered as ``initiatives.admin``): importing the
modules registers their model admins."""

from . import grants, initiatives, moderation  # noqa: F401
