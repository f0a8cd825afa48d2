"""Reads of the moderation queue: reported items grouped per item, recently hidden items.

Every function runs a fixed number of queries whatever the number of reports.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Min, Prefetch, Q, QuerySet

from ..models import (
    AbuseReport,
    Comment,
    Initiative,
    InitiativeUpdate,
    Organiser,
    PostingBlock,
)

KINDS = ("comment", "update", "initiative")
RECENTLY_HIDDEN = 20
BLOCKS_SHOWN = 50


@dataclass
class ModerationItem:
    """One comment, news update or initiative, as the queue shows it."""

    kind: str
    item: Comment | InitiativeUpdate | Initiative
    initiative: Initiative
    author: object | None  # who is blocked with "block the author"
    first_reported: datetime | None = None
    reports: list[AbuseReport] = field(default_factory=list)
    author_blocked: bool = False

    @property
    def text(self) -> str:
        if self.kind == "comment":
            return self.item.body
        if self.kind == "update":
            return self.item.text
        return self.item.summary

    @property
    def reasons(self) -> list[tuple[str, int]]:
        """Each reason given, with how many people gave it, most frequent first."""
        counts = Counter(report.get_reason_display() for report in self.reports)
        return counts.most_common()


def abuse_report_groups_open() -> QuerySet:
    """One row per reported item with open reports: its ids, first report and count."""
    return (
        AbuseReport.objects.filter(handled_at__isnull=True)
        .values("comment_id", "update_id", "initiative_id")
        .annotate(first_reported=Min("created_at"), report_count=Count("pk"))
        .order_by("first_reported", "comment_id", "update_id", "initiative_id")
    )


def _organisers() -> Prefetch:
    return Prefetch("memberships", queryset=Organiser.objects.select_related("user"))


def _load(ids: dict[str, set[int]]) -> dict[tuple[str, int], ModerationItem]:
    """The items behind ``ids`` (per kind), with initiative and author; no query for none."""
    found = {}
    if ids["comment"]:
        for comment in Comment.objects.select_related("initiative", "author").filter(
            pk__in=ids["comment"]
        ):
            found["comment", comment.pk] = ModerationItem(
                "comment", comment, comment.initiative, comment.author
            )
    if ids["update"]:
        for update in InitiativeUpdate.objects.select_related("initiative", "author").filter(
            pk__in=ids["update"]
        ):
            found["update", update.pk] = ModerationItem(
                "update", update, update.initiative, update.author
            )
    if ids["initiative"]:
        for initiative in Initiative.objects.prefetch_related(_organisers()).filter(
            pk__in=ids["initiative"]
        ):
            owner = next((m.user for m in initiative.memberships.all()), None)
            found["initiative", initiative.pk] = ModerationItem(
                "initiative", initiative, initiative, owner
            )
    return found


def _mark_blocked(items) -> None:
    author_ids = {item.author.pk for item in items if item.author is not None}
    if not author_ids:
        return
    blocked = set(
        PostingBlock.objects.filter(user_id__in=author_ids).values_list("user_id", flat=True)
    )
    for item in items:
        item.author_blocked = item.author is not None and item.author.pk in blocked


def moderation_queue_items(groups) -> list[ModerationItem]:
    """The page of ``abuse_report_groups_open()`` rows as items with their open reports."""
    groups = list(groups)
    ids = {kind: {g[f"{kind}_id"] for g in groups if g[f"{kind}_id"]} for kind in KINDS}
    found = _load(ids)
    if found:
        reports = AbuseReport.objects.filter(
            Q(comment_id__in=ids["comment"])
            | Q(update_id__in=ids["update"])
            | Q(initiative_id__in=ids["initiative"]),
            handled_at__isnull=True,
        ).order_by("created_at", "pk")
        for report in reports:
            kind = next(k for k in KINDS if getattr(report, f"{k}_id"))
            item = found.get((kind, getattr(report, f"{kind}_id")))
            if item is not None:
                item.reports.append(report)
    items = []
    for group in groups:
        kind = next(k for k in KINDS if group[f"{k}_id"])
        item = found.get((kind, group[f"{kind}_id"]))
        if item is not None:
            item.first_reported = group["first_reported"]
            items.append(item)
    _mark_blocked(items)
    return items


def moderation_recently_hidden(limit: int = RECENTLY_HIDDEN) -> list[ModerationItem]:
    """The most recently hidden comments, news and initiatives together (three queries)."""
    hidden = Q(hidden_at__isnull=False)
    items = [
        ModerationItem("comment", c, c.initiative, c.author)
        for c in Comment.objects.filter(hidden)
        .select_related("initiative", "author", "hidden_by")
        .order_by("-hidden_at", "-pk")[:limit]
    ]
    items += [
        ModerationItem("update", u, u.initiative, u.author)
        for u in InitiativeUpdate.objects.filter(hidden)
        .select_related("initiative", "author", "hidden_by")
        .order_by("-hidden_at", "-pk")[:limit]
    ]
    items += [
        ModerationItem("initiative", i, i, None)
        for i in Initiative.objects.filter(hidden)
        .select_related("hidden_by")
        .order_by("-hidden_at", "-pk")[:limit]
    ]
    items.sort(key=lambda entry: entry.item.hidden_at, reverse=True)
    return items[:limit]


def posting_blocks(limit: int = BLOCKS_SHOWN) -> list[PostingBlock]:
    return list(
        PostingBlock.objects.select_related("user", "blocked_by").order_by("-created_at", "-pk")[
            :limit
        ]
    )
