"""Service levels in working days (Monday to Friday, Europe/Amsterdam)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """``start`` moved ``days`` working days on, at the same local time of day.

    Filed on a Saturday or Sunday, the count starts from the Monday after, at 9:00.
    """
    local = timezone.localtime(start)
    if local.weekday() >= 5:
        while local.weekday() >= 5:
            local += dt.timedelta(days=1)
        local = local.replace(hour=9, minute=0, second=0, microsecond=0)
    remaining = max(days, 0)
    while remaining:
        local += dt.timedelta(days=1)
        if local.weekday() < 5:
            remaining -= 1
    # Re-attach the zone so a day across a DST change keeps its wall-clock time.
    naive = local.replace(tzinfo=None)
    return timezone.make_aware(naive, timezone.get_current_timezone())


def first_contact_due(*, urgency: str, filed_at: dt.datetime) -> dt.datetime:
    days = settings.HELP_REQUEST_FIRST_CONTACT_WORKING_DAYS.get(urgency, 5)
    return add_working_days(filed_at, days)
