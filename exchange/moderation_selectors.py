"""Reads of the exchange's moderation: the open reports grouped per listing or message,
their count for the moderation queue's panel, and a report with its conversation."""

from dataclasses import dataclass, field

from django.db.models import Count, Min, Q, QuerySet

from .models import Listing, Message
from .reports import Report


@dataclass
class ModerationItem:
    """A reported listing or message with its open reports."""

    kind: str  # "listing" or "message"
    item: Listing | Message
    reports: list = field(default_factory=list)
    first_reported: object = None

    @property
    def reasons(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for report in self.reports:
            label = str(report.get_reason_display())
            counts[label] = counts.get(label, 0) + 1
        return sorted(counts.items())

    @property
    def first_report(self) -> Report | None:
        return self.reports[0] if self.reports else None


def reports_open_count() -> int:
    """How many open reports there are (one query)."""
    return Report.objects.filter(handled_at__isnull=True).count()


def report_groups_open() -> QuerySet:
    """One row per reported item with open reports, the longest waiting first."""
    return (
        Report.objects.filter(handled_at__isnull=True)
        .values("listing_id", "message_id")
        .annotate(first_reported=Min("created_at"), report_count=Count("pk"))
        .order_by("first_reported", "listing_id", "message_id")
    )


def moderation_items(groups) -> list[ModerationItem]:
    """The page of ``report_groups_open()`` rows as items with their open reports
    (four queries with the listings' photos, none for an empty page)."""
    groups = list(groups)
    listing_ids = {g["listing_id"] for g in groups if g["listing_id"]}
    message_ids = {g["message_id"] for g in groups if g["message_id"]}
    found: dict[tuple[str, int], ModerationItem] = {}
    if listing_ids:
        listings = Listing.objects.select_related("owner").prefetch_related("photos")
        for listing in listings.filter(pk__in=listing_ids):
            found["listing", listing.pk] = ModerationItem("listing", listing)
    if message_ids:
        for message in Message.objects.select_related("sender", "conversation__listing").filter(
            pk__in=message_ids
        ):
            found["message", message.pk] = ModerationItem("message", message)
    if found:
        reports = Report.objects.filter(
            Q(listing_id__in=listing_ids) | Q(message_id__in=message_ids),
            handled_at__isnull=True,
        ).order_by("created_at", "pk")
        for report in reports:
            key = (
                ("listing", report.listing_id)
                if report.listing_id
                else ("message", report.message_id)
            )
            if key in found:
                found[key].reports.append(report)
    items = []
    for group in groups:
        key = (
            ("listing", group["listing_id"])
            if group["listing_id"]
            else ("message", group["message_id"])
        )
        if key in found:
            found[key].first_reported = group["first_reported"]
            items.append(found[key])
    return items


def report_for_reading() -> QuerySet[Report]:
    """A report with the message and the conversation it was written in."""
    return Report.objects.select_related(
        "message__conversation__listing__owner", "message__conversation__replier"
    )
