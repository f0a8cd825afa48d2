"""CSV and Excel (openpyxl) downloads of the report tables, with the page's filters.

Numbers are written as numbers, so a spreadsheet can compute with them: the plain CSV
has commas between fields and a dot for decimals; the CSV for Dutch Excel has
semicolons and a decimal comma (what Excel expects with Dutch regional settings). Both
start with a byte order mark, so Excel reads them as UTF-8. Labels are translated like
the page; Excel sheets get short readable names that Excel accepts. Every cell, headings and
filters included, goes through ``spreadsheet_cell``, so text that starts like a
formula (a wijk named ``=HYPERLINK(...)``) stays text.
"""

import csv
import io
import re
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from mijnbuurt.core.exports import spreadsheet_cell

from .tables import Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")  # Excel refuses these in a sheet name
SHEET_MAX = 31
NUMBER_FORMATS = {"money": "#,##0.00", "hours": "0.0", "pct": "0.0"}


def _rows(table: Table):
    yield [spreadsheet_cell(c.label) for c in table.columns]
    for row in table.rows:
        yield [spreadsheet_cell(v) for v in row]
    if table.total is not None:
        yield [spreadsheet_cell(v) for v in table.total]


def _xlsx_row(row: list) -> list:
    """Excel files cannot hold control characters (a bell in a name): they are left out."""
    return [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]


def _csv_value(value, *, dutch: bool):
    if value is None:
        return ""
    if dutch and isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    return value


def csv_response(table: Table, *, filename: str, dutch: bool = False) -> HttpResponse:
    """One table as CSV; ``dutch``: for Excel with Dutch settings (``;`` and ``1,5``)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = csv.writer(buffer, delimiter=";" if dutch else ",")
    for row in _rows(table):
        writer.writerow([_csv_value(v, dutch=dutch) for v in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def sheet_name(name, *, used: set[str]) -> str:
    """``name`` as Excel accepts it: no ``[]:*?/\\``, no quote at either end, at most 31
    characters, unique in the workbook (Excel compares names case-insensitively)."""
    text = SHEET_FORBIDDEN.sub("-", ILLEGAL_CHARACTERS_RE.sub("", str(name)))
    base = text.strip().strip("'").strip()[:SHEET_MAX].strip() or _("Sheet")
    title, n = base, 2
    while title.casefold() in used:
        suffix = f" ({n})"
        title, n = base[: SHEET_MAX - len(suffix)].rstrip() + suffix, n + 1
    used.add(title.casefold())
    return title


def xlsx_response(tables: list[Table], *, filters: list[tuple[str, str]], filename: str):
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(title=sheet_name(table.sheet or table.title, used=used))
        for row in _rows(table):
            sheet.append(_xlsx_row(row))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        if table.total is not None:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for index, column in enumerate(table.columns, start=1):
            number_format = NUMBER_FORMATS.get(column.kind)
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = 30 if index == 1 else 16
            if number_format:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = number_format
        sheet.freeze_panes = "B2"
    about = book.create_sheet(title=sheet_name(_("Filters"), used=used))
    for name, value in filters:
        about.append(_xlsx_row([spreadsheet_cell(name), spreadsheet_cell(value)]))
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
