"""Pages of this app for ``manage.py bench_pages``: the list, the list filtered, and
the page of the next activity."""

from mijnbuurt.core.benchmark import BenchPage

from .selectors import activities_upcoming


def pages() -> list[BenchPage]:
    activity = activities_upcoming().order_by("start", "pk").values_list("pk", flat=True).first()
    return [
        BenchPage("/activiteiten/"),
        BenchPage("/activiteiten/?kind=coffee_morning&free=on"),
        *([BenchPage(f"/activiteiten/{activity}/")] if activity else []),
    ]
