"""Reads of the neighbourhoods app; every query shape (joins, prefetches) lives here."""

from collections import defaultdict

from django.db.models import F, Prefetch, Q, QuerySet

from mijnbuurt.core.mfa import request_memo

from .models import AreaTeam, Neighbourhood, Organisation, TeamMembership

BUURT = Neighbourhood.Level.BUURT
WIJK = Neighbourhood.Level.WIJK


def wijken_with_buurten() -> list[Neighbourhood]:
    """All wijken with their buurten (``wijk.buurten.all()``) and figures.

    Each wijk gets ``buurt_count`` and ``organisation_count`` (approved organisations
    serving the wijk or one of its buurten). Three queries whatever the size.
    """
    wijken = list(
        Neighbourhood.objects.filter(level=WIJK)
        .only("pk", "code", "name", "slug", "level")
        .prefetch_related(
            Prefetch(
                "buurten",
                queryset=Neighbourhood.objects.only("pk", "code", "name", "slug", "wijk_id"),
            )
        )
    )
    served = Organisation.neighbourhoods.through.objects.filter(
        organisation__is_approved=True
    ).values_list("organisation_id", "neighbourhood_id", "neighbourhood__wijk_id")
    per_wijk: dict[int, set[int]] = defaultdict(set)
    for organisation_id, neighbourhood_id, wijk_id in served:
        per_wijk[wijk_id or neighbourhood_id].add(organisation_id)
    for wijk in wijken:
        wijk.buurt_count = len(wijk.buurten.all())
        wijk.organisation_count = len(per_wijk[wijk.pk])
    return wijken


def neighbourhood_for_page(*, slug: str) -> Neighbourhood | None:
    return (
        Neighbourhood.objects.select_related("wijk")
        .prefetch_related(
            Prefetch(
                "buurten", queryset=Neighbourhood.objects.only("pk", "name", "slug", "wijk_id")
            )
        )
        .filter(slug=slug)
        .first()
    )


def area_team_for(neighbourhood: Neighbourhood) -> AreaTeam | None:
    """The area team of a neighbourhood: registered on the buurt itself, else on its wijk."""
    ids = [neighbourhood.pk]
    if neighbourhood.wijk_id:
        ids.append(neighbourhood.wijk_id)
    teams = list(
        AreaTeam.objects.filter(neighbourhoods__in=ids)
        .annotate(covered_id=F("neighbourhoods__id"))
        .order_by("name", "pk")
    )
    for wanted in ids:
        for team in teams:
            if team.covered_id == wanted:
                return team
    return None


def organisations_approved() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_approved=True)


def organisations_serving(neighbourhood: Neighbourhood) -> list[Organisation]:
    """Approved organisations serving the neighbourhood, its wijk, or (for a wijk) its buurten."""
    if neighbourhood.level == WIJK:
        where = Q(neighbourhoods=neighbourhood) | Q(neighbourhoods__wijk=neighbourhood)
    else:
        where = Q(neighbourhoods=neighbourhood) | Q(neighbourhoods=neighbourhood.wijk_id)
    ids = organisations_approved().filter(where).values("pk")
    return list(Organisation.objects.filter(pk__in=ids).only("pk", "name", "slug", "kind"))


def organisations_directory() -> QuerySet[Organisation]:
    """Approved organisations for the social map's list; filter with OrganisationFilter."""
    return organisations_approved().prefetch_related(
        Prefetch("neighbourhoods", queryset=Neighbourhood.objects.only("pk", "name", "slug"))
    )


def organisation_for_page() -> QuerySet[Organisation]:
    """Organisations with what their page shows; the access helper picks one."""
    return Organisation.objects.prefetch_related(
        Prefetch("neighbourhoods", queryset=Neighbourhood.objects.only("pk", "name", "slug"))
    )


def organisations_for_map() -> QuerySet[Organisation]:
    return organisations_approved().filter(latitude__isnull=False, longitude__isnull=False)


TEAM_IDS = "neighbourhoods:team_ids"


def buurten_for_choice() -> QuerySet[Neighbourhood]:
    return (
        Neighbourhood.objects.filter(level=BUURT)
        .select_related("wijk")
        .defer("boundary", "wijk__boundary")
        .order_by("name")
    )


def neighbourhoods_for_choice() -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.order_by("level", "name")


def user_team_ids(user) -> list[int]:
    """The area teams ``user`` belongs to; asked once per request (the two-factor check,
    the menus and the team's pages all ask), kept in the request's memo, which a change
    of membership clears (``NeighbourhoodsConfig.ready``)."""
    if not user.is_authenticated:
        return []
    memo = request_memo()
    key = (TEAM_IDS, user.pk)
    if memo is not None and key in memo:
        return memo[key]
    team_ids = list(
        TeamMembership.objects.filter(user_id=user.pk).values_list("team_id", flat=True)
    )
    if memo is not None:
        memo[key] = team_ids
    return team_ids


def team_ids_forget(user_id: int) -> None:
    memo = request_memo()
    if memo is not None:
        memo.pop((TEAM_IDS, user_id), None)


def user_is_professional(user) -> bool:
    return bool(user_team_ids(user))


def user_is_organisation_member(user) -> bool:
    return Organisation.objects.filter(members=user.pk).exists()


def user_home_area(user) -> Neighbourhood | None:
    """The wijk ``user`` lives in (their home buurt's wijk, or the home neighbourhood
    itself when it is a wijk); no query when ``home_neighbourhood__wijk`` is loaded."""
    home = user.home_neighbourhood if user.home_neighbourhood_id else None
    if home is None:
        return None
    return home.wijk if home.wijk_id else home
