"""Pages of this app for ``manage.py bench_pages``: the list, search, detail pages, admin."""

from django.db.models import Count

from mijnbuurt.accounts.demo import STAFF_EMAIL
from mijnbuurt.core.benchmark import BenchPage

from .models import Initiative, Status


def pages() -> list[BenchPage]:
    published = Initiative.objects.filter(status=Status.PUBLISHED)
    picks = [
        published.order_by("pk").values_list("pk", flat=True).first(),
        published.order_by("-pk").values_list("pk", flat=True).first(),
        published.annotate(n=Count("supports"))
        .order_by("-n")
        .values_list("pk", flat=True)
        .first(),
    ]
    return [
        BenchPage("/initiatieven/"),
        BenchPage("/initiatieven/?q=moestuin"),
        *(BenchPage(f"/initiatieven/{pk}/") for pk in dict.fromkeys(picks) if pk),
        BenchPage("/initiatieven/kennis/"),
        BenchPage("/admin/initiatives/initiative/", "staff", STAFF_EMAIL),
        BenchPage("/admin/initiatives/grantrequest/", "staff", STAFF_EMAIL),
    ]
