"""Reads for the accountability report and the knowledge section ("how we did it")."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery, Sum

from ..models import (
    AccountabilityPhoto,
    AccountabilityReport,
    GrantRequest,
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Status,
    StatusChange,
)

PUBLIC_REPORT = AccountabilityReport.PUBLIC


def report_for_page(initiative: Initiative) -> AccountabilityReport | None:
    """The report with its costs, photos and receipts (four queries; one if there is none)."""
    return (
        AccountabilityReport.objects.filter(initiative=initiative)
        .select_related("decided_by")
        .prefetch_related("costs", "photos", "evidence")
        .first()
    )


def grant_total_granted(initiative: Initiative) -> Decimal | None:
    """What the municipality awarded or paid for ``initiative`` (None: no grant)."""
    return GrantRequest.objects.filter(
        initiative=initiative,
        status__in=(GrantRequest.Status.AWARDED, GrantRequest.Status.PAID),
    ).aggregate(total=Sum("amount_awarded"))["total"]


def report_photos_prefetch() -> Prefetch:
    return Prefetch(
        "accountability_report__photos",
        queryset=AccountabilityPhoto.objects.only("pk", "report_id", "image", "thumbnail"),
    )


# --- Knowledge section ----------------------------------------------------------------


def _completed_at() -> Subquery:
    return Subquery(
        StatusChange.objects.filter(initiative=OuterRef("pk"), to_status=Status.COMPLETED)
        .order_by("-at", "-pk")
        .values("at")[:1]
    )


def _closing_update(field: str) -> Subquery:
    """``field`` of the last visible news posted when or after it was completed."""
    return Subquery(
        InitiativeUpdate.objects.filter(
            initiative=OuterRef("pk"),
            hidden_at__isnull=True,
            created_at__gte=OuterRef("completed_at"),
        )
        .order_by("-created_at", "-pk")
        .values(field)[:1]
    )


def knowledge_initiative_list() -> QuerySet[Initiative]:
    """Completed, not hidden initiatives that share how they did it (a public report,
    or news posted at or after completion), newest completion first; filter with
    KnowledgeFilter. Four queries per page: count, initiatives, photos, report photos."""
    return (
        Initiative.objects.filter(status=Status.COMPLETED, hidden_at__isnull=True)
        .annotate(completed_at=_completed_at())
        .annotate(
            closing_text=_closing_update("text"),
            closing_thumbnail=_closing_update("thumbnail"),
        )
        .filter(Q(accountability_report__status__in=PUBLIC_REPORT) | Q(closing_text__isnull=False))
        .select_related("neighbourhood", "accountability_report")
        .prefetch_related(
            Prefetch(
                "photos",
                queryset=InitiativePhoto.objects.only(
                    "pk", "initiative_id", "image", "thumbnail", "description"
                ),
            ),
            report_photos_prefetch(),
        )
        .order_by("-completed_at", "-pk")
    )


@dataclass(frozen=True)
class Knowledge:
    initiative: Initiative
    text: str
    from_report: bool
    thumbnail_url: str


def knowledge_entries(initiatives) -> list[Knowledge]:
    """What each entry shows, from what the query already fetched (no queries)."""
    entries = []
    for initiative in initiatives:
        report = getattr(initiative, "accountability_report", None)
        if report is not None and report.is_public:
            text, from_report = report.how_we_did_it, True
            photos = list(report.photos.all()) or list(initiative.photos.all())
        else:
            text, from_report = initiative.closing_text or "", False
            photos = list(initiative.photos.all())
        if photos:
            url = photos[0].thumbnail.url
        elif initiative.closing_thumbnail:
            url = default_storage.url(initiative.closing_thumbnail)
        else:
            url = ""
        entries.append(Knowledge(initiative, text, from_report, url))
    return entries
