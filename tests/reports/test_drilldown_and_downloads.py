"""Issue #16: a wijk broken down per buurt, the occupancy chart on a 0-100 % scale, CSV
for Dutch Excel, readable sheet and file names, and savings shown as a forecast apart
from what is really realised."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from initiatives.models import BudgetLine, Initiative
from reports.budget import budget_report
from reports.charts import PLOT_WIDTH, bar_chart
from reports.exports import sheet_name
from reports.figures import dashboard
from reports.scope import Scope
from reports.tables import BUDGET_COLUMNS, OVERVIEW, Column, Table
from tests.reports.data import YEAR, build_budget
from tests.reports.test_pages import DASHBOARD_QUERIES, grow

pytestmark = pytest.mark.django_db

EXPORT = "/admin/rapportages/export/"


# --- A wijk per buurt ----------------------------------------------------------------


def test_a_wijk_breaks_down_per_buurt_with_the_same_figures(known):
    wijken = [(w.pk, w.name) for w in (known.noord, known.oost, known.zuid)]
    whole = dashboard(scope=Scope(year=YEAR), wijken=wijken)
    per_buurt = dashboard(
        scope=Scope(year=YEAR, wijk_id=known.noord.pk, wijk_name="Noord"),
        wijken=wijken,
        buurten={known.noord.pk: [(known.noord_buurt.pk, "Noord-Midden")]},
    )

    assert [pk for pk, _name in per_buurt.wijken] == [known.noord_buurt.pk, known.noord.pk]
    buurt = per_buurt.per_wijk[known.noord_buurt.pk]
    itself = per_buurt.per_wijk[known.noord.pk]  # a help request placed in Noord itself
    assert (buurt["initiatives"], buurt["supports"], buurt["help_requests"]) == (3, 2, 2)
    assert (itself["initiatives"] or 0, itself["help_requests"]) == (0, 1)
    noord = whole.per_wijk[known.noord.pk]
    for key in ("initiatives", "supports", "booked_hours", "open_hours", "help_requests"):
        assert (buurt[key] or 0) + (itself[key] or 0) == noord[key]
        assert per_buurt.total[key] == noord[key]  # the total is the wijk's row
    assert per_buurt.total.occupancy == noord.occupancy


def test_the_wijk_itself_is_no_row_when_nothing_lies_outside_its_buurten(known):
    wijken = [(known.zuid.pk, "Zuid")]
    report = dashboard(
        scope=Scope(year=YEAR, wijk_id=known.zuid.pk, wijk_name="Zuid"),
        wijken=wijken,
        buurten={known.zuid.pk: [(101, "Zuid-Oost")]},
    )
    assert [pk for pk, _name in report.wijken] == [101]


def test_wijk_rows_lead_to_the_buurten_and_back(staff_client, known):
    page = staff_client.get("/admin/rapportages/", {"jaar": YEAR}).content.decode()
    assert f'<a href="?jaar={YEAR}&amp;wijk={known.noord.pk}">Noord</a>' in page

    page = staff_client.get(
        "/admin/rapportages/", {"jaar": YEAR, "wijk": known.noord.pk}
    ).content.decode()
    table = page.split('id="tabel-wijken"')[1].split("</table>")[0]
    assert '<th scope="row">Noord-Midden</th>' in table  # no further drill-down
    assert f'href="?jaar={YEAR}"' in page  # back to all wijken


@pytest.mark.parametrize("extra", [1, 6])
def test_a_wijk_per_buurt_runs_the_same_fixed_number_of_queries(
    staff_client, known, extra, django_assert_num_queries
):
    grow(known, extra)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = staff_client.get("/admin/rapportages/", {"jaar": YEAR, "wijk": known.oost.pk})
    assert response.status_code == 200


# --- The occupancy chart is a percentage -----------------------------------------------


def test_a_percentage_bar_is_drawn_against_100_percent_not_the_largest_value():
    occupancy = next(c for c in OVERVIEW if c.key == "occupancy")
    table = Table(
        slug="wijken",
        title="Per wijk",
        columns=[Column("wijk", "Wijk", "text"), occupancy],
        rows=[["Noord", Decimal("0.1")], ["Oost", Decimal("50.0")], ["Zuid", None]],
    )

    chart = bar_chart(table, "occupancy")

    widths = [bar["width"] for bar in chart.items]
    assert widths == [round(0.001 * PLOT_WIDTH, 1), PLOT_WIDTH / 2, 0]
    assert (chart.axis["start_text"], chart.axis["end_text"]) == ("0 %", "100 %")


def test_a_count_bar_chart_shows_its_scale():
    table = Table(
        slug="wijken",
        title="Per wijk",
        columns=[Column("wijk", "Wijk", "text"), OVERVIEW[0]],
        rows=[["Noord", 3], ["Oost", 12]],
    )
    chart = bar_chart(table, "initiatives")
    assert [bar["width"] for bar in chart.items] == [PLOT_WIDTH / 4, PLOT_WIDTH]
    assert (chart.axis["start_text"], chart.axis["end_text"]) == ("0", "12")


def test_the_page_draws_the_occupancy_scale(staff_client, known):
    page = staff_client.get("/admin/rapportages/", {"jaar": YEAR}).content.decode()
    chart = page.split('id="grafiek-wijken-occupancy"')[1].split("</svg>")[0]
    assert ">100 %</text>" in chart
    assert ">0 %</text>" in chart


# --- CSV for Dutch Excel, names ------------------------------------------------------


def test_csv_for_dutch_excel_has_semicolons_decimal_commas_and_a_bom(staff_client, known):
    query = {"jaar": YEAR, "tabel": "wijken"}
    plain = staff_client.get(EXPORT + "dashboard.csv", query)
    dutch = staff_client.get(EXPORT + "dashboard.excel-csv", query)

    assert dutch.content.startswith("\ufeff".encode())
    assert plain.content.startswith("\ufeff".encode())
    plain_rows = list(csv.reader(io.StringIO(plain.content.decode("utf-8-sig"))))
    dutch_rows = list(csv.reader(io.StringIO(dutch.content.decode("utf-8-sig")), delimiter=";"))
    assert len(plain_rows) == len(dutch_rows)
    assert dutch_rows[0] == plain_rows[0]  # the same headings and figures
    for plain_row, dutch_row in zip(plain_rows[1:], dutch_rows[1:], strict=True):
        # The same figures; decimals with a comma, counts as they are.
        assert dutch_row == [cell.replace(".", ",") for cell in plain_row]
    occupancy = plain_rows[0].index("Bezetting (%)")
    assert (plain_rows[-1][occupancy], dutch_rows[-1][occupancy]) == ("0.9", "0,9")
    assert ";" in dutch.content.decode("utf-8-sig").splitlines()[1]
    today = timezone.localdate().isoformat()
    assert (
        f'filename="wijkanalyse-jaar-{YEAR}-{today}-per-wijk-excel.csv"'
        in (dutch["Content-Disposition"])
    )


def test_both_csv_links_are_offered_per_table(staff_client, known):
    page = staff_client.get("/admin/rapportages/", {"jaar": YEAR}).content.decode()
    slugs = ("wijken", "maanden", "status", "thema", "hulpvragen", "vraag-en-aanbod")
    for slug in (*slugs, "vraag-en-aanbod-maanden"):
        assert f"dashboard.csv?jaar={YEAR}&amp;tabel={slug}" in page
        assert f"dashboard.excel-csv?jaar={YEAR}&amp;tabel={slug}" in page
    budget = staff_client.get("/admin/rapportages/budget/", {"jaar": YEAR}).content.decode()
    assert "budget.excel-csv" in budget


def test_excel_sheets_and_files_have_readable_names(staff_client, known):
    response = staff_client.get(EXPORT + "dashboard.xlsx", {"jaar": YEAR, "wijk": known.oost.pk})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Per buurt"
    assert book.sheetnames[-1] == "Filters"
    assert all(len(name) <= 31 for name in book.sheetnames)
    assert len({name.casefold() for name in book.sheetnames}) == len(book.sheetnames)
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="wijkanalyse-oost-jaar-{YEAR}-{today}.xlsx"'
    )
    this_year = staff_client.get(EXPORT + "dashboard.xlsx")
    assert this_year["Content-Disposition"] == f'attachment; filename="wijkanalyse-{today}.xlsx"'


def test_sheet_names_are_what_excel_accepts():
    used: set[str] = set()
    assert sheet_name("Hulp: wonen/zorg [2026]?*", used=used) == "Hulp- wonen-zorg -2026---"
    long = "Initiatieven naar status per buurt in de wijk"
    assert sheet_name(long, used=used) == long[:31]
    assert sheet_name(long, used=used) == long[:27] + " (2)"
    assert sheet_name("'Quoted'", used=used) == "Quoted"
    assert all(len(name) <= 31 for name in used)


# --- Savings: forecast apart from realised ---------------------------------------------


def test_savings_during_the_year_are_a_forecast_and_nothing_is_realised_yet(known):
    this_year = timezone.localdate().year
    BudgetLine.objects.create(
        year=this_year, code="c", name="C lijn", amount=Decimal("900"), savings_target=0
    )
    line = budget_report(year=this_year).lines[0]
    assert (line.savings_forecast, line.savings_realised) == (900, 0)

    build_budget(Initiative.objects.first())  # in 2025, a closed year
    closed = budget_report(year=YEAR).total
    assert closed.savings_forecast == closed.savings_realised == 800


def test_the_budget_page_labels_forecast_and_realised_apart(staff_client, known):
    this_year = timezone.localdate().year
    BudgetLine.objects.create(
        year=this_year, code="c", name="C lijn", amount=Decimal("900"), savings_target=0
    )
    page = staff_client.get("/admin/rapportages/budget/").content.decode()
    table = page.split('id="tabel-budget"')[1].split("</table>")[0]
    assert "€ 900,00" in table  # the forecast column
    assert "€ 0,00" in table  # nothing realised while the year runs
    assert table.count('<th scope="col">') == 11
    response = staff_client.get(EXPORT + "budget.csv")
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    savings = [c.label for c in BUDGET_COLUMNS if c.key.startswith("savings_")][1:3]
    assert header[-3:-1] == [str(label) for label in savings]  # forecast, then realised
