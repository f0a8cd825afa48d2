"""The fixed list of indicators a pilot can follow (no model imports: ``reports.models``
reads it while the apps load)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Indicator:
    key: str
    label: object
    kind: str  # days, pct, hours, int (how the value is written)
    source: str  # which grouped queries give it (indicators.SOURCES)
    base: str | None = None  # the count of people or requests behind it (suppressed below 5)


INDICATORS = [
    Indicator(
        "median_days_first_contact",
        _("Median days to first contact (help requests)"),
        "days",
        "help",
        base="answered",
    ),
    Indicator("help_requests", _("Help requests made"), "int", "help", base="requests"),
    Indicator(
        "handover_share",
        _("Help requests handed to a volunteer (%)"),
        "pct",
        "help",
        base="requests",
    ),
    Indicator(
        "exchange_match_rate", _("Match rate in ask and offer (%)"), "pct", "exchange", "replies"
    ),
    Indicator("volunteer_hours", _("Volunteer hours"), "hours", "volunteers"),
    Indicator(
        "activity_registrations",
        _("Registrations for activities"),
        "int",
        "activities",
        base="registrations",
    ),
    Indicator("activity_attended", _("Attended activities"), "int", "activities", base="attended"),
    Indicator("venue_occupancy", _("Occupancy of the venues (%)"), "pct", "venues"),
    Indicator("venue_commercial_share", _("Commercial share of the venues (%)"), "pct", "venues"),
    Indicator("initiatives_started", _("Initiatives started"), "int", "initiatives"),
]
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
INDICATOR_CHOICES = [(indicator.key, indicator.label) for indicator in INDICATORS]
SUPPRESS_BELOW = 5
