"""Pages of this app for ``manage.py bench_pages``: the list and its search, a listing,
the demo resident's conversations and one conversation."""

from mijnbuurt.accounts.demo import RESIDENT_EMAIL
from mijnbuurt.core.benchmark import BenchPage

from .models import Conversation
from .selectors import listings_listed


def pages() -> list[BenchPage]:
    listing = listings_listed().order_by("-created_at").values_list("pk", flat=True).first()
    conversation = (
        Conversation.objects.filter(replier__email=RESIDENT_EMAIL)
        .values_list("pk", flat=True)
        .first()
    )
    return [
        BenchPage("/vraag-en-aanbod/"),
        BenchPage("/vraag-en-aanbod/?q=fiets"),
        BenchPage("/vraag-en-aanbod/?direction=offer&kind=help"),
        *([BenchPage(f"/vraag-en-aanbod/{listing}/")] if listing else []),
        BenchPage("/vraag-en-aanbod/gesprekken/", "resident", RESIDENT_EMAIL),
        *(
            [BenchPage(f"/vraag-en-aanbod/gesprekken/{conversation}/", "resident", RESIDENT_EMAIL)]
            if conversation
            else []
        ),
    ]
