"""The exchange layer of the map (/kaart/lagen/vraag-en-aanbod.geojson): per buurt, how
many offers and requests are listed, at the buurt's centre, with a link to the list
filtered on that buurt. No single listing and no person is on the map."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from neighbourhoods.layers import feature, feature_collection, point, register_layer

from .models import Listing
from .selectors import listing_counts_per_buurt

LAYER_NAME = "vraag-en-aanbod"


def exchange_layer() -> dict:
    base, kind = reverse("exchange:list"), _("Ask and offer")
    return feature_collection(
        feature(
            point(row["longitude"], row["latitude"]),
            id=row["neighbourhood_id"],
            properties={
                "name": f"{row['name']} ({row['count']})",
                "kind": kind,
                "url": f"{base}?neighbourhood={row['slug']}",
            },
        )
        for row in listing_counts_per_buurt()
    )


def register_layers() -> None:
    register_layer(
        LAYER_NAME,
        label=gettext_lazy("Ask and offer"),
        build=exchange_layer,
        sources=(Listing,),
    )
