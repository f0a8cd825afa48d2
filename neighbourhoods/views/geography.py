"""Wijken, one neighbourhood's page, the map and its GeoJSON layers, my neighbourhood."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from .. import selectors
from ..forms import AddressForm, NeighbourhoodChoiceForm, PostcodeForm
from ..layers import (
    BUILT_IN_LAYERS,
    BUURTEN_ATTRIBUTION,
    LAYER_CACHE_SECONDS,
    LAYERS,
    WIJKEN_ATTRIBUTION,
    built_layer,
    layer_config,
    layer_features,
    layers_version,
    outline,
)
from ..sections import figures_per_wijk, sections_for
from ..services import home_neighbourhood_locate, home_neighbourhood_set

LAYER_MAX_AGE = 60 * 60
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@require_GET
def wijken(request):
    wijken = selectors.wijken_with_buurten()
    figures = figures_per_wijk()
    for wijk in wijken:
        wijk.figures = [(section.title, counts.get(wijk.pk, 0)) for section, counts in figures]
    return render(
        request,
        "neighbourhoods/wijken.html",
        {
            "wijken": wijken,
            "map_layers": layer_config("wijken", "buurten", shown=("wijken",)),
            "attributions": [WIJKEN_ATTRIBUTION, BUURTEN_ATTRIBUTION],
        },
    )


@require_GET
def detail(request, slug: str):
    neighbourhood = selectors.neighbourhood_for_page(slug=slug)
    if neighbourhood is None:
        raise Http404
    is_wijk = neighbourhood.level == neighbourhood.Level.WIJK
    buurten = list(neighbourhood.buurten.all()) if is_wijk else []
    return render(
        request,
        "neighbourhoods/detail.html",
        {
            "neighbourhood": neighbourhood,
            "is_wijk": is_wijk,
            "buurten": buurten,
            "area_team": selectors.area_team_for(neighbourhood),
            "organisations": selectors.organisations_serving(neighbourhood),
            "sections": sections_for(neighbourhood),
            "outline": outline(neighbourhood),
            "outline_attribution": WIJKEN_ATTRIBUTION if is_wijk else BUURTEN_ATTRIBUTION,
            "attributions": [WIJKEN_ATTRIBUTION if is_wijk else BUURTEN_ATTRIBUTION],
        },
    )


@require_GET
def map_page(request):
    return render(
        request,
        "neighbourhoods/map.html",
        {
            "wijken": selectors.wijken_with_buurten(),
            "organisations": list(
                selectors.organisations_for_map().only("pk", "name", "slug", "kind", "address")
            ),
            # Every registered layer: other apps add theirs (initiatives, venues).
            "map_layers": layer_config(*LAYERS, shown=tuple(set(LAYERS) - {"buurten"})),
            # Read only when the template's cached list has expired (a callable).
            "other_layers": lambda: [
                {"name": name, "label": LAYERS[name][0], "features": layer_features(name)}
                for name in LAYERS
                if name not in BUILT_IN_LAYERS
            ],
            "layer_cache_seconds": LAYER_CACHE_SECONDS,
            "layers_version": layers_version(),
            "attributions": [WIJKEN_ATTRIBUTION, BUURTEN_ATTRIBUTION],
        },
    )


@require_GET
def layer(request, layer: str):
    """A layer's GeoJSON: cached, gzipped when the browser takes it (public data, no
    secret in it for BREACH to find), 304 when the browser's copy is current."""
    if layer not in LAYERS:
        raise Http404
    built = built_layer(layer)
    response = get_conditional_response(request, etag=built.etag)
    if response is None:
        gzipped = ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
        response = HttpResponse(
            built.gzipped if gzipped else built.body,
            content_type="application/geo+json; charset=utf-8",
        )
        if gzipped:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = built.etag
    patch_cache_control(response, public=True, max_age=LAYER_MAX_AGE)
    patch_vary_headers(response, ["Accept-Language", "Accept-Encoding"])
    return response


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder")
def my_neighbourhood(request):
    """Set my home neighbourhood from my postcode and house number, or from a list."""
    postcode_form = PostcodeForm(request.POST if "postcode" in request.POST else None)
    address_form = AddressForm(request.POST if "address" in request.POST else None)
    choice_form = NeighbourhoodChoiceForm(
        request.POST if "neighbourhood" in request.POST else None
    )
    if request.method == "POST":
        try:
            if postcode_form.is_bound and postcode_form.is_valid():
                buurt = home_neighbourhood_locate(user=request.user, **postcode_form.cleaned_data)
            elif address_form.is_bound and address_form.is_valid():
                buurt = home_neighbourhood_locate(user=request.user, **address_form.cleaned_data)
            elif choice_form.is_bound and choice_form.is_valid():
                buurt = choice_form.cleaned_data["neighbourhood"]
                home_neighbourhood_set(user=request.user, neighbourhood=buurt)
            else:
                raise ServiceError(
                    _(
                        "Enter your postcode and house number or your address, "
                        "or choose from the list."
                    )
                )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Your neighbourhood is now %(buurt)s, in the district %(wijk)s.")
                % {"buurt": buurt.name, "wijk": buurt.wijk.name if buurt.wijk else "-"},
            )
            return redirect("accounts:profile")
    return render(
        request,
        "neighbourhoods/my_neighbourhood.html",
        {
            "postcode_form": postcode_form,
            "address_form": address_form,
            "choice_form": choice_form,
        },
    )
