"""Figures per wijk and month, as the wijkanalyse (``reports``) counts them: initiatives
filed, support given, help requests filed (a count, nothing more), activities held,
hours booked in community buildings, and Vraag en aanbod's listings, replies and
matches (the exchange's own ``exchange_figures``).

A few grouped queries whatever the data size: one per source. The API shows a count
of people or of what people asked below ``SMALL`` only as ``"<5"``
(``api.endpoints.figures``).
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, Sum
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone

from activities.models import Activity
from exchange.figures import exchange_figures
from helprequests.models import HelpRequest
from initiatives.models import Initiative, Support
from venues.models import Booking

BOOKED = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
COUNTS = (
    "initiatives",
    "supports",
    "help_requests",
    "activities",
    "exchange_listings",
    "exchange_replies",
    "exchange_matches",
)
HOURS = ("booked_hours",)


def _sources() -> list[tuple]:
    """(queryset, path to the neighbourhood, date field, {name: aggregate})."""
    return [
        (Initiative.objects.all(), "", "created_at", {"initiatives": Count("pk")}),
        (Support.objects.all(), "initiative__", "created_at", {"supports": Count("pk")}),
        (HelpRequest.objects.all(), "", "created_at", {"help_requests": Count("pk")}),
        (
            Activity.objects.filter(status=Activity.Status.PLANNED),
            "",
            "start",
            {"activities": Count("pk")},
        ),
        (
            Booking.objects.filter(status=Booking.Status.APPROVED),
            "room__venue__",
            "start",
            {"booked_hours": Sum(BOOKED)},
        ),
    ]


def _hours(value) -> Decimal:
    if not value:
        return Decimal("0.0")
    return (Decimal(value.total_seconds()) / 3600).quantize(Decimal("0.1"))


def wijk_month_figures(year: int) -> dict[tuple[int, int], dict]:
    """{(wijk id, month): {figure: value}} of ``year``; a buurt counts for its wijk."""
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    end = timezone.make_aware(dt.datetime(year + 1, 1, 1))
    found: dict[tuple[int, int], dict] = {}
    for queryset, path, when, aggregates in _sources():
        rows = (
            queryset.filter(**{f"{when}__gte": start, f"{when}__lt": end})
            .values(
                wijk=Coalesce(f"{path}neighbourhood__wijk_id", f"{path}neighbourhood_id"),
                month=ExtractMonth(when),
            )
            .annotate(**aggregates)
            .order_by()
        )
        for row in rows:
            values = found.setdefault((row.pop("wijk"), int(row.pop("month"))), {})
            for name, value in row.items():
                values[name] = _hours(value) if name in HOURS else value
    exchange = exchange_figures(start=start, end=end)
    for (wijk, month), counts in exchange["rows"].items():
        values = found.setdefault((wijk, month.month), {})
        for name in ("listings", "replies", "matches"):
            values[f"exchange_{name}"] = counts[name]
    return found
