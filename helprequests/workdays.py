"""Service levels in working days: Monday to Friday except Dutch public holidays
(Koningsdag, Christmas, Easter and Whit Monday, Ascension Day, Liberation Day in
lustrum years; the ``holidays`` package keeps the list), Europe/Amsterdam."""

import datetime as dt

import holidays
from django.conf import settings
from django.utils import timezone

DUTCH_PUBLIC_HOLIDAYS = holidays.country_holidays("NL")  # fills in each year as asked


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in DUTCH_PUBLIC_HOLIDAYS


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """``start`` moved ``days`` working days on, at the same local time of day.

    Filed on a weekend day or a public holiday, the count starts from the next
    working day, at 9:00.
    """
    local = timezone.localtime(start)
    if not is_working_day(local.date()):
        while not is_working_day(local.date()):
            local += dt.timedelta(days=1)
        local = local.replace(hour=9, minute=0, second=0, microsecond=0)
    remaining = max(days, 0)
    while remaining:
        local += dt.timedelta(days=1)
        if is_working_day(local.date()):
            remaining -= 1
    # Re-attach the zone so a day across a DST change keeps its wall-clock time.
    naive = local.replace(tzinfo=None)
    return timezone.make_aware(naive, timezone.get_current_timezone())


def first_contact_due(*, urgency: str, filed_at: dt.datetime) -> dt.datetime:
    days = settings.HELP_REQUEST_FIRST_CONTACT_WORKING_DAYS.get(urgency, 5)
    return add_working_days(filed_at, days)
