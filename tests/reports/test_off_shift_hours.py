"""Confirmed hours outside shifts count in the volunteer figures like shift hours: by
their day and the task's wijk; logged, rejected and other years' hours do not."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.reports.data import YEAR
from tests.reports.test_figures import figures
from volunteers.models import OffShiftHours, SignUp, Task

pytestmark = pytest.mark.django_db


def off_shift(task, volunteer, day: dt.date, hours: str, status: str) -> None:
    OffShiftHours.objects.create(
        task=task,
        volunteer=volunteer,
        date=day,
        hours=Decimal(hours),
        description="Voorbereiden",
        status=status,
    )


def test_confirmed_hours_outside_shifts_count_like_shift_hours(known):
    moestuin, speeltuin = Task.objects.get(title="Moestuin"), Task.objects.get(title="Speeltuin")
    waitlisted = SignUp.objects.get(status=SignUp.Status.WAITLISTED).volunteer
    cancelled = SignUp.objects.get(status=SignUp.Status.CANCELLED).volunteer
    done = OffShiftHours.Status
    off_shift(moestuin, waitlisted, dt.date(YEAR, 6, 3), "2.5", done.CONFIRMED)
    off_shift(speeltuin, cancelled, dt.date(YEAR, 7, 1), "3", done.LOGGED)
    off_shift(speeltuin, cancelled, dt.date(YEAR, 7, 2), "4", done.REJECTED)
    off_shift(moestuin, cancelled, dt.date(YEAR - 1, 6, 3), "5", done.CONFIRMED)

    report = figures(known)
    noord, oost = report.per_wijk[known.noord.pk], report.per_wijk[known.oost.pk]

    # Before: Noord 2 people, 3.5 hours; Oost 1, 4 hours; in all 2 people, 7.5 hours.
    assert (noord["volunteers"], noord["volunteer_hours"]) == (3, Decimal("6"))
    assert (oost["volunteers"], oost["volunteer_hours"]) == (1, Decimal("4"))
    assert (report.total["volunteers"], report.total["volunteer_hours"]) == (3, Decimal("10"))
    june = report.per_month[6]
    assert (june["volunteers"], june["volunteer_hours"]) == (1, Decimal("2.5"))
    assert 7 not in report.per_month or not report.per_month[7]["volunteer_hours"]

    oost_only = figures(known, wijk=known.oost.pk)
    assert oost_only.total["volunteer_hours"] == Decimal("4")
