"""Exports never hand a spreadsheet a formula: a name that starts like one is text.

A wijk or budget line named ``=HYPERLINK(...)`` would otherwise become a live link or
formula when staff open the CSV or Excel download (CSV injection, OWASP).
"""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from initiatives.models import BudgetAllocation, BudgetLine
from mijnbuurt.core.exports import spreadsheet_cell
from tests.reports.data import YEAR

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://x","klik")'
NAMES = {"noord": LINK, "oost": "@SUM(1+1)", "zuid": "-2+3"}
EXPORT = "/admin/rapportages/export/{}"


@pytest.fixture
def hostile(known):
    for attr, name in NAMES.items():
        wijk = getattr(known, attr)
        wijk.name = name
        wijk.save(update_fields=["name"])
    return known


@pytest.fixture
def overspent_line(db):
    """A budget line named like a formula, 30 euros over: its remainder is negative."""
    line = BudgetLine.objects.create(year=YEAR, code="x", name=LINK, amount=Decimal("50"))
    BudgetAllocation.objects.create(
        budget_line=line,
        description="Te veel",
        recipient="Iemand",
        amount=Decimal("80"),
        kind="expense",
        date=dt.date(YEAR, 3, 1),
    )
    return line


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 592", "'+31 592"),
        ("-2+3", "'-2+3"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Noord", "Noord"),
        ("", ""),
        (-5, -5),
        (Decimal("-2.50"), -2.5),
        (Decimal("-3.00"), -3),
        (1.5, 1.5),
        (None, None),
    ],
)
def test_a_text_cell_that_starts_like_a_formula_gets_a_quote_and_numbers_stay_numbers(
    value, expected
):
    cell = spreadsheet_cell(value)
    assert cell == expected
    assert type(cell) is type(expected)


def test_dashboard_csv_writes_formula_like_wijk_names_as_text(hostile, staff_client):
    rows = csv_rows(
        staff_client.get(EXPORT.format("dashboard.csv"), {"jaar": YEAR, "tabel": "wijken"})
    )
    names = [row[0] for row in rows[1:-1]]
    assert sorted(names) == sorted("'" + name for name in NAMES.values())
    for row in rows[1:]:
        assert all(cell == "" or cell.lstrip("-").replace(".", "").isdigit() for cell in row[1:])


def test_dashboard_excel_writes_formula_like_wijk_names_as_text(hostile, staff_client):
    response = staff_client.get(
        EXPORT.format("dashboard.xlsx"), {"jaar": YEAR, "wijk": hostile.noord.pk}
    )
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    # The chosen wijk's rows are its buurten and the wijk as a whole, named after it.
    rows = list(sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1))
    noord = next(row for row in rows if str(row[0].value).startswith("'" + LINK))
    assert noord[0].data_type == "s"  # text, not a formula
    assert all(cell.data_type == "n" for cell in noord[1:])
    assert isinstance(noord[1].value, int)  # initiatives: a count to compute with
    filters = book.worksheets[-1]
    assert filters["B2"].value == "'" + LINK  # the chosen wijk, in the filters sheet
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert not any(cell.data_type == "f" for cell in row)


def test_budget_downloads_quote_a_formula_like_line_and_keep_a_negative_amount_a_number(
    overspent_line, staff_client
):
    rows = csv_rows(staff_client.get(EXPORT.format("budget.csv"), {"jaar": YEAR}))
    header, line = rows[0], rows[1]
    remaining = header.index("Resterend")
    assert line[0] == "'" + LINK
    assert line[remaining] == "-30"

    response = staff_client.get(EXPORT.format("budget.xlsx"), {"jaar": YEAR})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    line = sheet[2]
    assert line[0].value == "'" + LINK
    assert line[0].data_type == "s"
    assert line[remaining].value == -30
    assert line[remaining].data_type == "n"


def test_excel_download_of_a_name_with_a_control_character_still_works(staff_client):
    BudgetLine.objects.create(year=YEAR, code="bel", name="Bel\x07lijn", amount=Decimal("10"))
    response = staff_client.get(EXPORT.format("budget.xlsx"), {"jaar": YEAR})
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).worksheets[0]["A2"].value == "Bellijn"
