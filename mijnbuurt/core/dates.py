"""Bounds for the dates people plan: bookings, shifts (and later activities).

A planned date is today or later, and at most ``settings.SCHEDULING_HORIZON_DAYS``
ahead; a series ends within that horizon too. Services call ``planned_dates_check``
so that views, the admin and tasks all meet the same rule; forms use
``PlannedDateField``, which runs it too, for a message next to the date field.
Check the first date before doing arithmetic with it: a date near 9999-12-31 plus a
few weeks does not exist.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .exceptions import ServiceError


def scheduling_horizon(*, today: dt.date | None = None) -> dt.date:
    """The last date that may be planned."""
    today = today or timezone.localdate()
    return today + dt.timedelta(days=settings.SCHEDULING_HORIZON_DAYS)


def _day(day: dt.date) -> str:
    return formats.date_format(day, "j F Y")


def planned_dates_check(
    *,
    first: dt.date,
    last: dt.date | None = None,
    today: dt.date | None = None,
    past_checked_elsewhere: bool = False,
) -> None:
    """Raise ServiceError unless ``first`` to ``last`` lie between today and the horizon.

    ``past_checked_elsewhere``: the caller refuses past dates itself, with a message of
    its own (a booking names each date that has passed); only the horizon is checked.
    """
    today = today or timezone.localdate()
    horizon = scheduling_horizon(today=today)
    if first < today and not past_checked_elsewhere:
        raise ServiceError(_("Choose a date from today onwards."), code="past")
    if first > horizon:
        raise ServiceError(
            _("You can plan at most %(days)s days ahead: choose %(date)s or earlier.")
            % {"days": settings.SCHEDULING_HORIZON_DAYS, "date": _day(horizon)},
            code="beyond_horizon",
        )
    if last is not None and last > horizon:
        raise ServiceError(
            _(
                "The last date of this series would be %(last)s, but you can plan until "
                "%(date)s at the latest. Choose fewer dates or an earlier start."
            )
            % {"last": _day(last), "date": _day(horizon)},
            code="series_beyond_horizon",
        )


class PlannedDateField(forms.DateField):
    """A date field that accepts only dates from today up to the planning horizon."""

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            planned_dates_check(first=value)
        except ServiceError as error:
            raise forms.ValidationError(error.message, code=error.code) from None


EN_DASH = "\u2013"


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    """When something happens, in the local time and the active language.

    ``dinsdag 3 maart 2026, 19:00-21:00`` on one day; ``zaterdag 28 maart 2026, 22:00 -
    zondag 29 maart 2026, 06:00`` when it ends on another day (with en dashes). Both ends
    are read on the local clock, so the hours are right on either side of a change to or
    from summer time.
    """
    start, end = _local(start), _local(end)
    if start.date() == end.date():
        return f"{formats.date_format(start, 'l j F Y')}, {start:%H:%M}{EN_DASH}{end:%H:%M}"
    return (
        f"{formats.date_format(start, 'l j F Y')}, {start:%H:%M} {EN_DASH} "
        f"{formats.date_format(end, 'l j F Y')}, {end:%H:%M}"
    )


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment
