"""Pages of this app for ``manage.py bench_pages``: the rounds, the proposal list of
the latest round and its results page."""

from mijnbuurt.core.benchmark import BenchPage

from .models import Round


def pages() -> list[BenchPage]:
    latest = Round.objects.order_by("-voting_from", "-pk").values_list("pk", flat=True).first()
    return [
        BenchPage("/buurtbudget/"),
        *(
            [BenchPage(f"/buurtbudget/{latest}/plannen/"), BenchPage(f"/buurtbudget/{latest}/")]
            if latest
            else []
        ),
    ]
