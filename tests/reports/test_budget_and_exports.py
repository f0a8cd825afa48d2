"""The budget report's exact figures, and the CSV and Excel downloads of every report."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from initiatives.models import Initiative
from reports.budget import budget_report
from tests.reports.data import YEAR, build_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(known):
    build_budget(Initiative.objects.first())


def test_budget_figures_per_line_and_in_total(budget):
    report = budget_report(year=YEAR)
    line_a, line_b = report.lines

    assert (line_a.amount, line_a.committed, line_a.spent) == (1000, 700, 350)
    assert (line_a.remaining, line_a.savings_realised, line_a.savings_to_find) == (300, 300, 0)
    assert line_a.target_met
    assert (line_b.committed, line_b.spent, line_b.savings_realised) == (0, 0, 500)
    total = report.total
    assert (total.amount, total.committed, total.spent) == (1500, 700, 350)
    assert (total.savings_target, total.savings_realised) == (400, 800)
    assert not report.within_agreed_saving  # 400 is far below the agreed 800,000


def test_a_year_without_budget_lines(budget, staff_client):
    assert budget_report(year=2031).lines == []
    page = staff_client.get("/admin/rapportages/budget/", {"jaar": 2031}).content.decode()
    assert "Er zijn geen begrotingsregels voor 2031." in page


def test_budget_page_shows_lines_totals_and_definitions(budget, staff_client):
    page = staff_client.get("/admin/rapportages/budget/", {"jaar": YEAR}).content.decode()
    assert '<th scope="row">A lijn</th>' in page
    assert "€ 700,00" in page  # committed on line A and in total
    assert "€ 3.800.000,00" in page  # the agenda's budget
    assert "Gerealiseerde besparing" in page


def test_budget_csv_and_excel_have_the_figures(budget, staff_client):
    response = staff_client.get("/admin/rapportages/export/budget.csv", {"jaar": YEAR})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:2] == ["A lijn", "1000"]
    assert rows[-1][0] == "Totaal"
    assert Decimal(rows[-1][4]) == 700  # committed

    response = staff_client.get("/admin/rapportages/export/budget.xlsx", {"jaar": YEAR})
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    total = [c.value for c in sheet[sheet.max_row]]
    assert total[header.index("Gerealiseerde besparing")] == 800
    assert total[header.index("Uitgegeven")] == 350
    assert book["Filters"]["B1"].value == str(YEAR)


def test_dashboard_excel_has_every_table_with_the_filters_applied(known, staff_client):
    response = staff_client.get(
        "/admin/rapportages/export/dashboard.xlsx", {"jaar": YEAR, "wijk": known.noord.pk}
    )
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 8  # seven tables and the filters
    sheet = book.worksheets[0]
    assert sheet.title == "Per buurt"  # a chosen wijk breaks down per buurt
    header = [c.value for c in sheet[1]]
    labels = [row[0].value for row in sheet.iter_rows(min_row=2)]
    # Noord's buurt, Noord as a whole (what lies in no buurt), and the total: the filter
    # applies, and the total is the wijk's figures.
    assert labels[0] == "Noord-Midden"
    assert labels[1].startswith("Noord (")
    assert labels[2] == "Totaal"
    noord = [c.value for c in sheet[sheet.max_row]]
    assert noord[header.index("Bezetting (%)")] == pytest.approx(0.9)
    assert noord[header.index("Commercieel aandeel (%)")] == pytest.approx(42.9)
    assert noord[header.index("Mediaan uren tot eerste contact")] == 3
    assert noord[header.index("Actieve vrijwilligers")] == 2
    assert noord[header.index("Vrijwilligersuren")] == pytest.approx(3.5)
    assert book.worksheets[-1]["B2"].value == "Noord"


def test_dashboard_csv_per_table_and_nothing_about_residents(known, staff_client):
    response = staff_client.get(
        "/admin/rapportages/export/dashboard.csv", {"jaar": YEAR, "tabel": "hulpvragen"}
    )
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in rows[1:]] == ["Noord", "Oost", "Zuid", "Totaal"]
    assert "Jansen" not in text
    assert "Geheim" not in text
    assert (
        staff_client.get(
            "/admin/rapportages/export/dashboard.csv", {"tabel": "geheim"}
        ).status_code
        == 404
    )
    assert staff_client.get("/admin/rapportages/export/dashboard.pdf").status_code == 404
