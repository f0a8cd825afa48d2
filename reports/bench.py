"""Pages of this app for ``manage.py bench_pages``: the reports in the admin."""

from mijnbuurt.accounts.demo import STAFF_EMAIL
from mijnbuurt.core.benchmark import BenchPage


def pages() -> list[BenchPage]:
    return [
        BenchPage("/admin/rapportages/", "staff", STAFF_EMAIL),
        BenchPage("/admin/rapportages/budget/", "staff", STAFF_EMAIL),
    ]
