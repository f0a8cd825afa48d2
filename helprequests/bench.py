"""Pages of this app for ``manage.py bench_pages``: a resident's requests, the team's queue."""

from mijnbuurt.accounts.demo import RESIDENT_EMAIL, STAFF_EMAIL
from mijnbuurt.core.benchmark import BenchPage
from neighbourhoods.demo import TEAMS


def pages() -> list[BenchPage]:
    professional = TEAMS[0][2]
    return [
        BenchPage("/hulpvragen/", "resident", RESIDENT_EMAIL),
        BenchPage("/team/", "professional", professional),
        BenchPage("/team/overzicht/", "professional", professional),
        BenchPage("/admin/helprequests/helprequest/", "staff", STAFF_EMAIL),
    ]
