"""Exact figures of the dashboard on the known dataset (tests/reports/data.py)."""

from decimal import Decimal

import pytest

from reports.figures import dashboard
from reports.scope import Scope
from reports.tables import dashboard_tables
from tests.reports.data import YEAR

pytestmark = pytest.mark.django_db


def wijken(known):
    return [(w.pk, w.name) for w in (known.noord, known.oost, known.zuid)]


def figures(known, year=YEAR, wijk=None):
    return dashboard(scope=Scope(year=year, wijk_id=wijk), wijken=wijken(known))


def test_initiatives_and_support_per_wijk(known):
    report = figures(known)
    noord, oost, zuid = (report.per_wijk[w.pk] for w in (known.noord, known.oost, known.zuid))

    assert (noord["initiatives"], noord["status_published"], noord["status_draft"]) == (3, 2, 1)
    assert (noord["theme_green"], noord["theme_care"], noord["theme_youth"]) == (2, 1, 0)
    assert (oost["initiatives"], oost["status_completed"], oost["theme_youth"]) == (1, 1, 1)
    assert (noord["supports"], oost["supports"]) == (2, 1)
    assert (report.total["initiatives"], report.total["supports"]) == (4, 3)
    assert zuid.values.get("initiatives") is None  # an empty wijk: no rows, shown as 0


def test_active_volunteers_are_distinct_and_only_confirmed_hours_count(known):
    report = figures(known)
    noord, oost = report.per_wijk[known.noord.pk], report.per_wijk[known.oost.pk]

    assert (noord["volunteers"], oost["volunteers"], report.total["volunteers"]) == (2, 1, 2)
    assert noord["volunteer_hours"] == Decimal("3.5")
    assert oost["volunteer_hours"] == Decimal("4")
    assert report.total["volunteer_hours"] == Decimal("7.5")
    april, may = report.per_month[4], report.per_month[5]
    assert (april["volunteers"], april["volunteer_hours"]) == (2, Decimal("6"))
    assert (may["volunteers"], may["volunteer_hours"]) == (1, Decimal("1.5"))


def test_venue_occupancy_and_commercial_share(known):
    report = figures(known)
    noord, oost = report.per_wijk[known.noord.pk], report.per_wijk[known.oost.pk]

    assert noord["open_hours"] == Decimal(816)
    assert noord["booked_hours"] == Decimal(7)
    assert noord.occupancy == Decimal("0.9")
    assert noord.commercial_share == Decimal("42.9")
    assert report.per_month[1]["open_hours"] == Decimal(48)
    assert report.per_month[1].occupancy == Decimal("14.6")
    assert report.per_month[2].occupancy == Decimal("0.0")  # the pending booking is not use
    assert (oost.occupancy, oost.commercial_share) == (None, None)  # no venue at all
    assert report.total.occupancy == Decimal("0.9")


def test_help_requests_by_kind_median_and_overdue(known):
    report = figures(known)
    noord, oost = report.per_wijk[known.noord.pk], report.per_wijk[known.oost.pk]

    assert (noord["help_requests"], noord["kind_practical"], noord["kind_company"]) == (3, 2, 1)
    assert (oost["help_requests"], oost["kind_paperwork"]) == (1, 1)
    assert noord["median_first_contact"] == Decimal("3.0")
    assert oost["median_first_contact"] == Decimal("10.0")
    assert report.total["median_first_contact"] == Decimal("4.0")
    assert report.per_month[2]["median_first_contact"] == Decimal("3.0")
    assert report.per_month[3]["median_first_contact"] == Decimal("10.0")
    assert (noord["overdue"], oost["overdue"], report.total["overdue"]) == (1, 0, 1)


def test_one_wijk_only(known):
    report = figures(known, wijk=known.oost.pk)

    assert list(report.per_wijk) == [known.oost.pk]
    assert (report.total["initiatives"], report.total["volunteers"]) == (1, 1)
    assert report.total["median_first_contact"] == Decimal("10.0")
    assert report.total["open_hours"] == 0


def test_a_year_without_data_shows_zeros_and_no_medians(known):
    tables = {t.slug: t for t in dashboard_tables(figures(known, year=2023))}
    table = tables["wijken"]
    total = dict(zip([c.key for c in table.columns], table.total, strict=True))

    assert total["initiatives"] == total["supports"] == total["volunteers"] == 0
    assert total["help_requests"] == total["overdue"] == 0
    assert total["median_first_contact"] is None
    assert total["booked_hours"] == 0
    assert total["open_hours"] == Decimal(52 * 8 * 2)  # still open, just not used
    assert total["occupancy"] == Decimal("0.0")
    assert total["commercial_share"] is None
