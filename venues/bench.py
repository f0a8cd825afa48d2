"""Pages of this app for ``manage.py bench_pages``: buildings, a manager's, the admin."""

from django.db.models import Count

from mijnbuurt.accounts.demo import STAFF_EMAIL
from mijnbuurt.core.benchmark import BenchPage

from .demo import MANAGER_EMAIL
from .models import Venue


def pages() -> list[BenchPage]:
    venues = Venue.objects.order_by("pk")
    busiest = venues.annotate(n=Count("rooms")).order_by("-n", "pk")
    slugs = [
        venues.values_list("slug", flat=True).first(),
        busiest.values_list("slug", flat=True).first(),
    ]
    managed = (
        Venue.objects.filter(managers__email=MANAGER_EMAIL).values_list("slug", flat=True).first()
    )
    return [
        BenchPage("/locaties/"),
        *(BenchPage(f"/locaties/{slug}/") for slug in dict.fromkeys(slugs) if slug),
        *(
            [BenchPage(f"/locaties/{managed}/beheer/", "venue manager", MANAGER_EMAIL)]
            if managed
            else []
        ),
        BenchPage("/locaties/mijn-boekingen/", "venue manager", MANAGER_EMAIL),
        BenchPage("/admin/venues/booking/", "staff", STAFF_EMAIL),
    ]
