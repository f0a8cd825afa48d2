"""Pages of this app for ``manage.py bench_pages``: every list of the public API at its
largest page (100 items) and one item of each, a building's occupancy today, the
figures per wijk, the catalogue and the description.

The API counts every request against ``API_RATE_LIMIT`` per client IP: run the
benchmark with a limit above its load, e.g. ``API_RATE_LIMIT=1000000/m``.
"""

from mijnbuurt.core.benchmark import BenchPage

from . import selectors
from .selectors import BUURT, WIJK

LISTS = [
    "initiatives",
    "volunteer-tasks",
    "venues",
    "organisations",
    "listings",
    "activities",
    "wijken",
    "buurten",
]
# Pages that are not a list with items: the figures, the catalogue, the description.
OTHERS = ["wijk-figures?page_size=100", "catalogus", "openapi.json"]


def pages() -> list[BenchPage]:
    found = [BenchPage(f"/api/v1/{name}?page_size=100") for name in LISTS]
    initiative = selectors.initiatives_for_api().values_list("pk", flat=True).first()
    task = selectors.tasks_for_api().values_list("pk", flat=True).first()
    venue = selectors.venues_for_api().values_list("slug", flat=True).first()
    organisation = selectors.organisations_for_api().values_list("slug", flat=True).first()
    listing = selectors.listings_for_api().values_list("pk", flat=True).first()
    activity = selectors.activities_for_api().values_list("pk", flat=True).first()
    wijk = selectors.areas_for_api(WIJK).values_list("code", flat=True).first()
    buurt = selectors.areas_for_api(BUURT).values_list("code", flat=True).first()
    for name, key in [
        ("initiatives", initiative),
        ("volunteer-tasks", task),
        ("venues", venue),
        ("organisations", organisation),
        ("listings", listing),
        ("activities", activity),
        ("wijken", wijk),
        ("buurten", buurt),
    ]:
        if key is not None:
            found.append(BenchPage(f"/api/v1/{name}/{key}"))
    if venue is not None:
        found.append(BenchPage(f"/api/v1/venues/{venue}/occupancy"))
    found += [BenchPage(f"/api/v1/{name}") for name in OTHERS]
    return found
