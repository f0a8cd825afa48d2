"""The one way to say when something happens: mijnbuurt.core.dates.time_range and the
``time_range`` template filter, in Dutch, on the clock of Assen."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from mijnbuurt.core.dates import time_range

UTC = dt.UTC
EN = "\u2013"  # the en dash between times


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def test_a_range_on_one_day_shows_the_date_once():
    start = dt.datetime(2026, 3, 3, 18, 0, tzinfo=UTC)  # 19:00 in Assen (winter time)
    assert (
        time_range(start, start + dt.timedelta(hours=2)) == f"dinsdag 3 maart 2026, 19:00{EN}21:00"
    )


def test_a_range_over_several_days_shows_both_dates():
    start = dt.datetime(2026, 7, 10, 7, 30, tzinfo=UTC)  # 09:30 in Assen (summer time)
    end = dt.datetime(2026, 7, 12, 15, 0, tzinfo=UTC)
    assert time_range(start, end) == f"vrijdag 10 juli 2026, 09:30 {EN} zondag 12 juli 2026, 17:00"


def test_a_range_across_the_change_to_summer_time_reads_the_local_clock():
    # 29 March 2026, 02:00 becomes 03:00: one hour passes between 01:00 and 03:00.
    start = dt.datetime(2026, 3, 29, 0, 0, tzinfo=UTC)
    assert (
        time_range(start, start + dt.timedelta(hours=1)) == f"zondag 29 maart 2026, 01:00{EN}03:00"
    )
    night = dt.datetime(2026, 3, 28, 21, 0, tzinfo=UTC)
    assert (
        time_range(night, night + dt.timedelta(hours=7))
        == f"zaterdag 28 maart 2026, 22:00 {EN} zondag 29 maart 2026, 06:00"
    )


def test_a_range_across_the_change_to_winter_time_reads_the_local_clock():
    # 25 October 2026, 03:00 becomes 02:00: three hours pass between 01:00 and 03:00.
    start = dt.datetime(2026, 10, 24, 23, 0, tzinfo=UTC)
    assert (
        time_range(start, start + dt.timedelta(hours=3))
        == f"zondag 25 oktober 2026, 01:00{EN}03:00"
    )


def test_the_template_filter_says_the_same_and_nothing_without_an_end():
    start = dt.datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    end = start + dt.timedelta(hours=2)
    template = Template("{% load mijnbuurt_dates %}{{ start|time_range:end }}")
    assert template.render(Context({"start": start, "end": end})) == time_range(start, end)
    assert template.render(Context({"start": start, "end": None})) == ""
