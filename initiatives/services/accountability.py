"""The accountability report: organisers tell what was done, what it cost and how they
did it; reviewers accept it or ask for changes.

Organisers may write it once the initiative is completed, or once a grant was paid.
Every write checks everything first, so bad input changes nothing (also no files).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mijnbuurt.accounts.models import User
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.images import photo_clean, photo_validate
from mijnbuurt.notifications.services import notify

from ..evidence import evidence_clean, evidence_validate
from ..kinds import INITIATIVE_ACCOUNTABILITY
from ..lifecycle import ACCOUNTABILITY
from ..models import (
    AccountabilityCost,
    AccountabilityEvidence,
    AccountabilityPhoto,
    AccountabilityReport,
    GrantRequest,
    Initiative,
    Organiser,
    Status,
)
from ..money import MAX_COSTS, money_parse
from .initiatives import require_organiser

MAX_REPORT_PHOTOS = 6
MAX_REPORT_EVIDENCE = 10
MAX_TEXT_CHARS = 5000
ReportStatus = AccountabilityReport.Status


def accountability_report_allowed(initiative: Initiative) -> bool:
    """Completed, or money was paid out: then the organisers owe a report."""
    if initiative.status == Status.COMPLETED:
        return True
    return GrantRequest.objects.filter(
        initiative=initiative, status=GrantRequest.Status.PAID
    ).exists()


def _clean_costs(costs) -> list[tuple[str, Decimal]]:
    if len(costs) > MAX_COSTS:
        raise ServiceError(
            _("A report has at most %(count)d cost lines.") % {"count": MAX_COSTS},
            code="too_many",
        )
    clean = []
    for description, value in costs:
        description = (description or "").strip()
        if not description:
            raise ServiceError(_("Say what each amount was for."), code="no_description")
        amount = money_parse(value)
        if amount <= 0:
            raise ServiceError(_("Each amount must be more than € 0."), code="not_positive")
        clean.append((description[:200], amount))
    return clean


def _check_photos(photos, *, existing: int) -> None:
    if existing + len(photos) > MAX_REPORT_PHOTOS:
        raise ServiceError(
            _("A report can have at most %(count)d photos.") % {"count": MAX_REPORT_PHOTOS},
            code="too_many_photos",
        )
    for photo in photos:
        try:
            photo_validate(photo)
        except ValidationError as error:
            raise ServiceError(error.messages[0], code=error.code or "bad_image") from None


def _check_evidence(files, *, existing: int) -> None:
    if existing + len(files) > MAX_REPORT_EVIDENCE:
        raise ServiceError(
            _("A report can have at most %(count)d receipts and invoices.")
            % {"count": MAX_REPORT_EVIDENCE},
            code="too_many_evidence",
        )
    for upload in files:
        try:
            evidence_validate(upload)
        except ValidationError as error:
            raise ServiceError(error.messages[0], code=error.code or "bad_file") from None


def _check_complete(*, what_was_done: str, how_we_did_it: str) -> None:
    if not what_was_done or not how_we_did_it:
        raise ServiceError(
            _("Describe what was done and how you did it before you submit the report."),
            code="incomplete",
        )


@transaction.atomic
def accountability_report_save(
    *,
    initiative: Initiative,
    by,
    what_was_done: str,
    how_we_did_it: str,
    costs: list[tuple[str, Decimal]],
    photos=(),
    evidence=(),
    submit: bool = False,
) -> AccountabilityReport:
    """Organisers write (or change) the report; with ``submit`` it goes to the reviewers.

    The cost lines replace the earlier ones; new photos and receipts (``evidence``, kept
    in the private storage) are added to those already there.
    """
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    require_organiser(initiative, by)
    if not accountability_report_allowed(initiative):
        raise ServiceError(
            _(
                "You can write the accountability report once the initiative is completed "
                "or a grant has been paid."
            ),
            code="not_allowed",
        )
    report = AccountabilityReport.objects.filter(initiative=initiative).first()
    if report is not None and not report.is_editable:
        raise ServiceError(
            _("The report has been submitted; it can only be changed if changes are requested."),
            code="not_editable",
        )
    what_was_done = (what_was_done or "").strip()[:MAX_TEXT_CHARS]
    how_we_did_it = (how_we_did_it or "").strip()[:MAX_TEXT_CHARS]
    clean_costs = _clean_costs(list(costs))
    photos = list(photos)
    _check_photos(photos, existing=report.photos.count() if report else 0)
    evidence = list(evidence)
    _check_evidence(evidence, existing=report.evidence.count() if report else 0)
    if submit:
        _check_complete(what_was_done=what_was_done, how_we_did_it=how_we_did_it)
    if report is None:
        report = AccountabilityReport(initiative=initiative, created_by=by)
    step = ACCOUNTABILITY.check(report, ReportStatus.SUBMITTED, by=by) if submit else None
    report.what_was_done = what_was_done
    report.how_we_did_it = how_we_did_it
    report.save()
    report.costs.all().delete()
    AccountabilityCost.objects.bulk_create(
        AccountabilityCost(report=report, description=description, amount=amount)
        for description, amount in clean_costs
    )
    for upload in photos:
        clean = photo_clean(upload)
        photo = AccountabilityPhoto(report=report, uploaded_by=by)
        photo.image.save(clean.large.name, clean.large, save=False)
        photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
        photo.save()
    for upload in evidence:
        clean = evidence_clean(upload)
        item = AccountabilityEvidence(
            report=report,
            uploaded_by=by,
            original_name=(getattr(upload, "name", "") or clean.name)[-100:],
        )
        item.file.save(clean.name, clean, save=False)
        item.save()
    if step is not None:
        step.apply(changes={"submitted_at": step.at})
    return report


@transaction.atomic
def accountability_photo_remove(*, photo: AccountabilityPhoto, by) -> None:
    report = AccountabilityReport.objects.select_for_update().get(pk=photo.report_id)
    require_organiser(report.initiative, by)
    if not report.is_editable:
        raise ServiceError(
            _("The report has been submitted; it can only be changed if changes are requested."),
            code="not_editable",
        )
    image, thumbnail = photo.image, photo.thumbnail
    photo.delete()
    transaction.on_commit(lambda: (image.delete(save=False), thumbnail.delete(save=False)))


@transaction.atomic
def accountability_evidence_remove(*, evidence: AccountabilityEvidence, by) -> None:
    report = AccountabilityReport.objects.select_for_update().get(pk=evidence.report_id)
    require_organiser(report.initiative, by)
    if not report.is_editable:
        raise ServiceError(
            _("The report has been submitted; it can only be changed if changes are requested."),
            code="not_editable",
        )
    file = evidence.file
    evidence.delete()
    transaction.on_commit(lambda: file.delete(save=False))


def _decide(
    report: AccountabilityReport, *, to: str, by, reason: str = ""
) -> AccountabilityReport:
    """A reviewer accepts the report or asks for changes; the organisers hear of it."""
    locked = (
        AccountabilityReport.objects.select_for_update()
        .select_related("initiative__neighbourhood")
        .get(pk=report.pk)
    )
    step = ACCOUNTABILITY.check(locked, to, by=by, note=reason)
    step.apply(changes={"decided_by": by, "decided_at": step.at, "changes_reason": step.note})
    for field in ("status", "decided_by_id", "decided_at", "changes_reason"):
        setattr(report, field, getattr(locked, field))
    initiative = locked.initiative
    ids = Organiser.objects.filter(initiative=initiative).values_list("user_id", flat=True)
    context = {
        "initiative_id": initiative.pk,
        "title": initiative.title,
        "status": locked.status,
        "reason": step.note,
    }
    for recipient in (
        User.objects.filter(pk__in=ids, is_active=True).exclude(pk=by.pk).order_by("pk")
    ):
        notify(
            recipient=recipient,
            kind=INITIATIVE_ACCOUNTABILITY.name,
            context=context,
            url_name="initiatives:accountability",
            url_kwargs={"pk": initiative.pk},
        )
    return locked


@transaction.atomic
def accountability_report_accept(*, report: AccountabilityReport, by) -> AccountabilityReport:
    return _decide(report, to=ReportStatus.ACCEPTED, by=by)


@transaction.atomic
def accountability_report_request_changes(
    *, report: AccountabilityReport, by, reason: str
) -> AccountabilityReport:
    return _decide(report, to=ReportStatus.CHANGES_REQUESTED, by=by, reason=reason)
