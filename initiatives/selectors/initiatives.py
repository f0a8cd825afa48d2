"""Reads of initiatives: lists, one initiative's page, organisers, reviewers, invitations."""

from django.contrib.postgres.search import CombinedSearchVector, SearchQuery, SearchVector
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from neighbourhoods.models import Neighbourhood, TeamMembership
from neighbourhoods.sections import count_per_wijk

from ..models import (
    PUBLIC_STATUSES,
    REVIEW_STATUSES,
    AccountabilityReport,
    Comment,
    Follow,
    GrantRequest,
    Initiative,
    InitiativePhoto,
    InitiativeUpdate,
    Organiser,
    OrganiserInvitation,
    PostingBlock,
    StatusChange,
    Support,
)
from .grants import grant_open_total

SEARCH_CONFIG = "dutch"
MAX_SEARCH_WORDS = 8


def _supporter_count() -> Coalesce:
    counted = (
        Support.objects.filter(initiative=OuterRef("pk"))
        .order_by()
        .values("initiative")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _photos() -> Prefetch:
    return Prefetch(
        "photos",
        queryset=InitiativePhoto.objects.only(
            "pk", "initiative_id", "image", "thumbnail", "description", "created_at"
        ),
    )


def _organisers() -> Prefetch:
    return Prefetch("memberships", queryset=Organiser.objects.select_related("user"))


def _with_cards(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """What a card in a list shows: neighbourhood, photos, supporter count."""
    return (
        queryset.select_related("neighbourhood")
        .annotate(supporter_count=_supporter_count())
        .prefetch_related(_photos())
    )


# --- Lists ----------------------------------------------------------------------------


def initiatives_public() -> QuerySet[Initiative]:
    """Published (running) and completed initiatives; filter with InitiativeFilter."""
    return _with_cards(_listed())


def _listed() -> QuerySet[Initiative]:
    """Running and completed, and not hidden by the moderators."""
    return Initiative.objects.filter(status__in=PUBLIC_STATUSES, hidden_at__isnull=True)


def search_vector() -> CombinedSearchVector:
    """The Dutch search vector of an initiative: the title weighs most.

    PostgreSQL has a GIN index on exactly this expression (migration
    ``0009_initiative_search_index``): change both together.
    """
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "summary", "description", weight="B", config=SEARCH_CONFIG
    )


def initiative_search(queryset: QuerySet[Initiative], text: str) -> QuerySet[Initiative]:
    """Full-text search in Dutch on PostgreSQL (from its GIN index); every word as a
    substring on SQLite."""
    text = " ".join(text.split()[:MAX_SEARCH_WORDS])
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.annotate(search=search_vector()).filter(search=query)
    for word in text.split():
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        )
    return queryset


def initiatives_in_neighbourhood(
    queryset: QuerySet[Initiative], neighbourhood
) -> QuerySet[Initiative]:
    """Initiatives in ``neighbourhood``; for a wijk also those in its buurten."""
    return queryset.filter(Q(neighbourhood=neighbourhood) | Q(neighbourhood__wijk=neighbourhood))


def initiatives_latest_published_in(neighbourhood, *, limit: int = 3) -> list[Initiative]:
    """For a neighbourhood's page: its newest running initiatives (2 queries)."""
    queryset = initiatives_in_neighbourhood(initiatives_public(), neighbourhood)
    return list(queryset.order_by("-published_at", "-pk")[:limit])


def initiatives_of(user) -> QuerySet[Initiative]:
    """Everything ``user`` organises, in any state, newest first."""
    return _with_cards(Initiative.objects.filter(memberships__user=user)).order_by(
        "-updated_at", "-pk"
    )


def initiatives_to_review(user) -> QuerySet[Initiative]:
    """Submitted and in-review initiatives ``user`` may review, oldest submission first."""
    queryset = _reviewed_by(Initiative.objects.filter(status__in=REVIEW_STATUSES), user)
    return (
        queryset.select_related("neighbourhood")
        .annotate(open_grant_total=grant_open_total())
        .prefetch_related(_organisers())
        .order_by("submitted_at", "pk")
    )


def _reviewed_by(queryset: QuerySet, user, *, via: str = "") -> QuerySet:
    """``queryset`` narrowed to what ``user`` reviews: all for staff, else their teams' area."""
    if user.is_staff:
        return queryset
    return queryset.filter(
        **{f"{via}neighbourhood_id__in": user_reviewed_neighbourhood_ids(user=user)}
    )


def grants_to_decide(user) -> list[GrantRequest]:
    """Grant requests waiting for a decision on initiatives ``user`` reviews, oldest first
    (whatever the initiative's state: a running initiative may ask for money too)."""
    queryset = GrantRequest.objects.filter(status=GrantRequest.Status.REQUESTED)
    return list(
        _reviewed_by(queryset, user, via="initiative__")
        .select_related("initiative__neighbourhood")
        .order_by("created_at", "pk")
    )


def initiative_review_counts(user) -> dict[str, int]:
    """How much waits for ``user`` as a reviewer: initiatives, grant requests and
    accountability reports (three queries)."""
    return {
        "initiatives": _reviewed_by(
            Initiative.objects.filter(status__in=REVIEW_STATUSES), user
        ).count(),
        "grants": _reviewed_by(
            GrantRequest.objects.filter(status=GrantRequest.Status.REQUESTED),
            user,
            via="initiative__",
        ).count(),
        "reports": _reviewed_by(
            AccountabilityReport.objects.filter(status=AccountabilityReport.Status.SUBMITTED),
            user,
            via="initiative__",
        ).count(),
    }


def updates_in(neighbourhood, *, since, limit: int = 5) -> list[InitiativeUpdate]:
    """Organisers' news since ``since`` of public initiatives in ``neighbourhood`` (and
    its buurten), newest first; nothing hidden by the moderators. One query."""
    area = Q(initiative__neighbourhood=neighbourhood) | Q(
        initiative__neighbourhood__wijk=neighbourhood
    )
    return list(
        InitiativeUpdate.objects.filter(
            area,
            created_at__gte=since,
            hidden_at__isnull=True,
            initiative__status__in=PUBLIC_STATUSES,
            initiative__hidden_at__isnull=True,
        )
        .select_related("initiative")
        .order_by("-created_at", "-pk")[:limit]
    )


def initiatives_organised_by(user, *, limit: int = 5) -> list[Initiative]:
    """What ``user`` organises, recently changed first (one query)."""
    return list(
        Initiative.objects.filter(memberships__user_id=user.pk)
        .only("pk", "title", "status", "updated_at")
        .order_by("-updated_at", "-pk")[:limit]
    )


def accountability_reports_to_review(user) -> list:
    """Submitted accountability reports of initiatives ``user`` reviews, oldest first."""
    queryset = _reviewed_by(
        AccountabilityReport.objects.filter(status=AccountabilityReport.Status.SUBMITTED),
        user,
        via="initiative__",
    )
    return list(
        queryset.select_related("initiative__neighbourhood").order_by("submitted_at", "pk")
    )


def initiatives_for_map() -> QuerySet[Initiative]:
    return (
        _listed()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .only("pk", "title", "theme", "status", "latitude", "longitude")
        .order_by("pk")
    )


# --- One initiative -------------------------------------------------------------------


def initiative_for_page() -> QuerySet[Initiative]:
    """Initiatives with all their page shows; the access helper picks one."""
    return (
        Initiative.objects.select_related(
            "neighbourhood__wijk", "copied_from", "accountability_report"
        )
        .annotate(supporter_count=_supporter_count())
        .prefetch_related(
            _photos(),
            # Only when there is a report: its photos (the public part shows on the page).
            Prefetch("accountability_report__photos"),
            _organisers(),
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("by")),
            Prefetch("updates", queryset=InitiativeUpdate.objects.select_related("author")),
            # All comments, hidden ones too: the template shows those only to their author.
            Prefetch("comments", queryset=Comment.objects.select_related("author")),
        )
    )


def initiative_for_edit() -> QuerySet[Initiative]:
    return Initiative.objects.select_related("neighbourhood").prefetch_related(_photos())


def user_initiative_relation(*, user, initiative: Initiative) -> dict[str, bool]:
    """Whether ``user`` supports and follows ``initiative``, and is blocked from posting
    (one query)."""
    if not user.is_authenticated:
        return {"supports": False, "follows": False, "blocked": False}
    found = (
        Initiative.objects.filter(pk=initiative.pk)
        .annotate(
            user_supports=Exists(Support.objects.filter(initiative=OuterRef("pk"), user=user)),
            user_follows=Exists(Follow.objects.filter(initiative=OuterRef("pk"), user=user)),
            user_blocked=Exists(PostingBlock.objects.filter(user=user)),
        )
        .values("user_supports", "user_follows", "user_blocked")
        .first()
    ) or {"user_supports": False, "user_follows": False, "user_blocked": False}
    return {
        "supports": bool(found["user_supports"]),
        "follows": bool(found["user_follows"]),
        "blocked": bool(found["user_blocked"]),
    }


# --- People ---------------------------------------------------------------------------


def user_is_organiser(*, user, initiative: Initiative) -> bool:
    """Uses the prefetched organisers when the page already has them."""
    cache = getattr(initiative, "_prefetched_objects_cache", {})
    if "memberships" in cache:
        return any(m.user_id == user.pk for m in cache["memberships"])
    return Organiser.objects.filter(initiative=initiative, user_id=user.pk).exists()


def user_reviewed_neighbourhood_ids(*, user) -> QuerySet:
    """Ids of the neighbourhoods ``user``'s area teams cover, with the buurten of a wijk."""
    covered = TeamMembership.objects.filter(user_id=user.pk).values("team__neighbourhoods")
    return Neighbourhood.objects.filter(Q(pk__in=covered) | Q(wijk__in=covered)).values("pk")


def user_reviews_neighbourhood(*, user, neighbourhood: Neighbourhood) -> bool:
    """Whether one of ``user``'s area teams covers ``neighbourhood`` or its wijk."""
    ids = [neighbourhood.pk]
    if neighbourhood.wijk_id:
        ids.append(neighbourhood.wijk_id)
    return TeamMembership.objects.filter(user_id=user.pk, team__neighbourhoods__in=ids).exists()


def user_organises_any(user) -> bool:
    return Organiser.objects.filter(user_id=user.pk).exists()


def invitations_for(user) -> list[OrganiserInvitation]:
    """Open invitations to organise, addressed to ``user``'s e-mail address."""
    return list(
        OrganiserInvitation.objects.filter(email__iexact=user.email)
        .select_related("initiative", "invited_by")
        .order_by("created_at", "pk")
    )


def invitations_open(initiative: Initiative) -> list[OrganiserInvitation]:
    return list(OrganiserInvitation.objects.filter(initiative=initiative).order_by("created_at"))


def initiative_count_per_wijk() -> dict[int, int]:
    """Public initiatives per wijk id (those in a buurt count for its wijk); one query."""
    return count_per_wijk(_listed())
