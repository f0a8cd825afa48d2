"""Pages of this app for ``manage.py bench_pages``: tasks, a volunteer's own pages."""

from django.db.models import Count

from mijnbuurt.accounts.demo import STAFF_EMAIL
from mijnbuurt.core.benchmark import BenchPage

from .demo import VOLUNTEER_EMAIL
from .models import Task


def pages() -> list[BenchPage]:
    published = Task.objects.filter(status=Task.Status.PUBLISHED)
    picks = [
        published.order_by("pk").values_list("pk", flat=True).first(),
        published.annotate(n=Count("shifts")).order_by("-n").values_list("pk", flat=True).first(),
    ]
    return [
        BenchPage("/vrijwilligerswerk/"),
        *(BenchPage(f"/vrijwilligerswerk/taken/{pk}/") for pk in dict.fromkeys(picks) if pk),
        BenchPage("/vrijwilligerswerk/", "volunteer", VOLUNTEER_EMAIL),
        BenchPage("/vrijwilligerswerk/mijn-agenda/", "volunteer", VOLUNTEER_EMAIL),
        BenchPage("/vrijwilligerswerk/mijn-uren/", "volunteer", VOLUNTEER_EMAIL),
        BenchPage("/admin/volunteers/signup/", "staff", STAFF_EMAIL),
    ]
