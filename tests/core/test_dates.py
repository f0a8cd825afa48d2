"""Planned dates (bookings, shifts) lie between today and the planning horizon."""

import datetime as dt

import pytest

from mijnbuurt.core.dates import planned_dates_check, scheduling_horizon
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import id_param, int_param, month_param
from tests.core.test_settings import manage

TODAY = dt.date(2026, 3, 1)


def refusal(**kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as error:
        planned_dates_check(today=TODAY, **kwargs)
    return error.value


def test_the_horizon_is_730_days_by_default_and_follows_the_setting(settings):
    assert scheduling_horizon(today=TODAY) == dt.date(2028, 2, 29)
    settings.SCHEDULING_HORIZON_DAYS = 10
    assert scheduling_horizon(today=TODAY) == dt.date(2026, 3, 11)


def test_today_and_the_horizon_itself_may_be_planned():
    planned_dates_check(first=TODAY, last=dt.date(2028, 2, 29), today=TODAY)


def test_one_day_past_the_horizon_is_refused_naming_the_last_date_in_dutch():
    error = refusal(first=dt.date(2028, 3, 1))
    assert error.code == "beyond_horizon"
    assert "29 februari 2028" in error.message


def test_the_end_of_the_world_is_refused_like_any_far_date():
    assert refusal(first=dt.date.max).code == "beyond_horizon"


def test_a_series_that_ends_past_the_horizon_is_refused_naming_both_dates():
    error = refusal(first=dt.date(2028, 2, 1), last=dt.date(2028, 3, 7))
    assert error.code == "series_beyond_horizon"
    assert "7 maart 2028" in error.message
    assert "29 februari 2028" in error.message


def test_yesterday_is_refused():
    assert refusal(first=TODAY - dt.timedelta(days=1)).code == "past"
    assert refusal(first=dt.date.min).code == "past"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("0", None),
        ("-3", None),
        ("99999999999999999999", None),
        ("9" * 5000, None),
        ("abc", None),
        ("1e5", None),
        ("", None),
        (None, None),
    ],
)
def test_an_id_from_the_request_is_a_positive_64_bit_number_or_none(raw, expected):
    assert id_param(raw) == expected


def test_a_number_out_of_range_falls_back_to_the_default():
    assert int_param("2031", minimum=2000, maximum=2030, default=2026) == 2026
    assert int_param("2030", minimum=2000, maximum=2030, default=2026) == 2030


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-05", (2026, 5)),
        ("99999999999999999999-1", (2026, 3)),
        ("2026-99999999999999999999", (2026, 3)),
        ("2026-13", (2026, 3)),
        ("1999-12", (2026, 3)),
        ("2026-5-1", (2026, 3)),
        ("-1-1", (2026, 3)),
        (None, (2026, 3)),
    ],
)
def test_a_month_from_the_request_is_checked_before_use(raw, expected):
    assert month_param(raw, default=(2026, 3)) == expected


@pytest.mark.parametrize("value", ["0", "3651"])
def test_an_impossible_horizon_stops_the_start_with_a_clear_message(value):
    result = manage("check", env={"DEBUG": "true", "SCHEDULING_HORIZON_DAYS": value})
    assert result.returncode != 0
    assert "SCHEDULING_HORIZON_DAYS" in result.stderr
