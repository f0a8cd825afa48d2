"""Organisation logos load by their URL for everyone once the organisation is
approved; before that only for its members and staff (as its page)."""

from mijnbuurt.core.media import Guard, register_media

from .models import Organisation


def _logo(name: str) -> Guard | None:
    organisation = Organisation.objects.filter(logo=name).first()
    return Guard("neighbourhoods.view_organisation", organisation) if organisation else None


def register_media_files() -> None:
    register_media("organisations/logos/", _logo)
