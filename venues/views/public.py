"""The public side: the list of venues and one venue's page with its week view."""

import datetime as dt

import rules
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from mijnbuurt.core.access import get_object_for_user_or_404
from neighbourhoods.layers import BUURTEN_ATTRIBUTION, WIJKEN_ATTRIBUTION, layer_config, outline

from .. import selectors
from ..filters import VenueFilter
from ..layers import LAYER_NAME
from ..schedule import parse_week


@require_GET
def venue_list(request):
    filterset = VenueFilter(request.GET or None, queryset=selectors.venues_for_list())
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "venues/list.html",
        {
            "filter": filterset,
            "page": page,
            "querystring": query.urlencode(),
            "map_layers": layer_config(LAYER_NAME, "wijken", shown=(LAYER_NAME,)),
            "attributions": [],
        },
    )


@require_GET
def venue_detail(request, slug: str):
    venue = get_object_for_user_or_404(
        selectors.venue_for_page(), user=request.user, perm="venues.view_venue", slug=slug
    )
    today = timezone.localdate()
    monday = parse_week(request.GET.get("week"), today=today)
    weekdays = {}
    for oh in venue.opening_hours.all():
        weekdays.setdefault(oh.get_weekday_display(), []).append(oh)
    return render(
        request,
        "venues/detail.html",
        {
            "venue": venue,
            "rooms": list(venue.rooms.all()),
            "managers": list(venue.managers.all()),
            "opening_hours": weekdays,
            "monday": monday,
            "sunday": monday + dt.timedelta(days=6),
            "previous_week": monday - dt.timedelta(days=7),
            "next_week": monday + dt.timedelta(days=7),
            "weeks": selectors.venue_week_availability(venue=venue, monday=monday, today=today),
            "may_manage": rules.has_perm("venues.manage_venue", request.user, venue),
            # The neighbourhood's outline with every venue on it (this one among them).
            "outline": outline(venue.neighbourhood),
            "map_layers": layer_config(LAYER_NAME),
            "attributions": [
                WIJKEN_ATTRIBUTION
                if venue.neighbourhood.level == venue.neighbourhood.Level.WIJK
                else BUURTEN_ATTRIBUTION
            ],
        },
    )
