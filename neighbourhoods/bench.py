"""Pages of this app for ``manage.py bench_pages``: wijken, the map, its layers, social map."""

from mijnbuurt.accounts.demo import RESIDENT_EMAIL
from mijnbuurt.core.benchmark import BenchPage

from .layers import LAYERS
from .models import Neighbourhood


def pages() -> list[BenchPage]:
    wijken = Neighbourhood.objects.filter(level=Neighbourhood.Level.WIJK)
    # The busiest wijk (most buurten) and the first by name.
    slugs = list(
        dict.fromkeys(
            [
                *wijken.order_by("name").values_list("slug", flat=True)[:1],
                *wijken.order_by("-code").values_list("slug", flat=True)[:1],
            ]
        )
    )
    return [
        BenchPage("/wijken/"),
        *(BenchPage(f"/wijken/{slug}/") for slug in slugs),
        BenchPage("/wijken/mijn-buurt/", "resident", RESIDENT_EMAIL),
        BenchPage("/kaart/"),
        *(BenchPage(f"/kaart/lagen/{name}.geojson") for name in LAYERS),
        BenchPage("/sociale-kaart/"),
    ]
