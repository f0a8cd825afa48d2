"""Initiatives as users build them: through the services, never by setting a status."""

from datetime import date
from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from initiatives.lifecycle import ORGANISER, TRANSITIONS
from initiatives.models import BudgetLine, GrantRequest, Initiative, Status, Theme
from initiatives.services import grant_request, initiative_create, initiative_transition
from tests.accounts.factories import UserFactory, staff_member
from tests.neighbourhoods.factories import BuurtFactory

PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.IN_REVIEW: [Status.SUBMITTED, Status.IN_REVIEW],
    Status.CHANGES_REQUESTED: [Status.SUBMITTED, Status.CHANGES_REQUESTED],
    Status.PUBLISHED: [Status.SUBMITTED, Status.PUBLISHED],
    Status.COMPLETED: [Status.SUBMITTED, Status.PUBLISHED, Status.COMPLETED],
    Status.DECLINED: [Status.SUBMITTED, Status.DECLINED],
    Status.STOPPED: [Status.SUBMITTED, Status.PUBLISHED, Status.STOPPED],
}


def image_upload(
    name: str = "foto.jpg", *, size=(800, 600), image_format="JPEG", exif=None
) -> SimpleUploadedFile:
    out = BytesIO()
    image = Image.new("RGB", size, (60, 140, 90))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=image_format, **kwargs)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[image_format]
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


def edit_form_data(initiative: Initiative, *, photos: list) -> dict:
    """The initiative's edit form as its organiser sends it back unchanged, with photos."""
    return {
        "title": initiative.title,
        "summary": initiative.summary,
        "description": initiative.description,
        "theme": initiative.theme,
        "neighbourhood": initiative.neighbourhood_id,
        "start_date": "2026-04-01",
        "photos": photos,
    }


def reviewer_for_tests():
    return staff_member()


def make_initiative(
    *,
    by=None,
    neighbourhood=None,
    status: str = Status.DRAFT,
    reviewer=None,
    **fields,
) -> Initiative:
    """An initiative started by ``by`` and moved to ``status`` the way people would."""
    by = by or UserFactory()
    neighbourhood = neighbourhood or BuurtFactory()
    data = {
        "title": "Moestuin in de buurt",
        "summary": "Samen groente kweken.",
        "description": "We beginnen in het voorjaar met zes bakken.",
        "theme": Theme.GREEN,
        "start_date": date(2026, 4, 1),
        "end_date": date(2026, 10, 1),
        "latitude": 52.99,
        "longitude": 6.56,
        **fields,
    }
    initiative = initiative_create(by=by, neighbourhood=neighbourhood, **data)
    steps = PATHS[status]
    if steps:
        reviewer = reviewer or reviewer_for_tests()
    for to_status in steps:
        move = TRANSITIONS[(initiative.status, to_status)]
        actor = by if ORGANISER in move.who else reviewer
        initiative_transition(initiative=initiative, to_status=to_status, by=actor, note="Omdat.")
    return initiative


GRANT_ITEMS = [("Plantenbakken", Decimal("400.00")), ("Zaden", Decimal("100.00"))]


def make_budget_line(amount="1000.00", code="stimuleringsbudget-welzijn", year=None) -> BudgetLine:
    """A budget line of this year, like the municipality's stimuleringsbudget welzijn."""
    return BudgetLine.objects.create(
        year=year or timezone.localdate().year,
        code=code,
        name="Stimuleringsbudget welzijn",
        amount=Decimal(amount),
    )


def make_grant(initiative, organiser, items=GRANT_ITEMS) -> GrantRequest:
    """A grant request by ``organiser``, made through the service."""
    return grant_request(initiative=initiative, by=organiser, items=items)
