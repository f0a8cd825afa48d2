"""Staff pages under /admin/rapportages/ (wrapped in ``admin.site.admin_view`` in urls.py,
so only active staff with their second factor reach them)."""

from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from neighbourhoods.models import Neighbourhood

from .budget import budget_report
from .charts import bar_chart, line_chart
from .exports import csv_response, xlsx_response
from .figures import dashboard
from .forms import ReportFilterForm, YearForm
from .scope import Scope
from .tables import budget_table, dashboard_tables

CSV_FORMATS = ("csv", "excel-csv")  # plain; for Excel with Dutch settings
BAR_CHARTS = ["initiatives", "volunteer_hours", "occupancy", "help_requests"]
LINE_CHARTS = ["initiatives", "supports", "volunteer_hours", "help_requests"]


def _places() -> tuple[list[tuple[int, str]], dict[int, list[tuple[int, str]]]]:
    """The wijken, and the buurten of each wijk, in name order (one query)."""
    wijken, buurten = [], {}
    rows = Neighbourhood.objects.order_by("name", "pk").values_list(
        "pk", "name", "level", "wijk_id"
    )
    for pk, name, level, wijk_id in rows:
        if level == Neighbourhood.Level.WIJK:
            wijken.append((pk, name))
        elif wijk_id is not None:
            buurten.setdefault(wijk_id, []).append((pk, name))
    return wijken, buurten


def _checked(request, form) -> None:
    if form.is_bound and not form.is_valid():
        messages.error(
            request,
            _("That filter is not valid; the report shows this year for all of Assen."),
        )


def _dashboard_data(request):
    wijken, buurten = _places()
    form = ReportFilterForm(request.GET or None, wijken=wijken)
    _checked(request, form)
    wijk = form.chosen_wijk()
    scope = Scope(year=form.chosen_year(), wijk_id=wijk, wijk_name=dict(wijken).get(wijk, ""))
    report = dashboard(scope=scope, wijken=wijken, buurten=buurten)
    link = None
    if scope.wijk_id is None:  # a wijk row opens that wijk's buurten

        def link(pk: int) -> str:
            return "?" + _query(Scope(year=scope.year, wijk_id=pk))

    return form, scope, dashboard_tables(report, link=link)


def _query(scope: Scope) -> str:
    params = {"jaar": scope.year}
    if scope.wijk_id:
        params["wijk"] = scope.wijk_id
    return urlencode(params)


def dashboard_view(request):
    form, scope, tables = _dashboard_data(request)
    by_slug = {table.slug: table for table in tables}
    context = {
        **admin.site.each_context(request),
        "title": _("Reports: neighbourhoods"),
        "form": form,
        "scope": scope,
        "tables": tables,
        "bar_charts": [bar_chart(by_slug["wijken"], key) for key in BAR_CHARTS],
        "line_charts": [line_chart(by_slug["maanden"], key) for key in LINE_CHARTS],
        "query": _query(scope),
    }
    return render(request, "reports/dashboard.html", context)


def _budget_data(request):
    form = YearForm(request.GET or None)
    _checked(request, form)
    report = budget_report(year=form.chosen_year())
    return form, report, budget_table(report)


def budget_view(request):
    form, report, table = _budget_data(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Reports: budget"),
        "form": form,
        "report": report,
        "table": table,
        "query": urlencode({"jaar": report.year}),
    }
    return render(request, "reports/budget.html", context)


def _file_name(kind: str, *, year: int, wijk: str = "") -> str:
    """``wijkanalyse-2026-12-02``: what, the wijk if one, the year if not this one, today."""
    today = timezone.localdate()
    parts = [kind, slugify(wijk)]
    if year != today.year:
        parts.append(f"jaar-{year}")
    return "-".join(part for part in [*parts, today.isoformat()] if part)


def export_view(request, report: str, fmt: str):
    if report == "dashboard":
        _form, scope, tables = _dashboard_data(request)
        filters = [(_("Year"), str(scope.year)), (_("Wijk"), scope.wijk_name or _("All"))]
        name = _file_name("wijkanalyse", year=scope.year, wijk=scope.wijk_name)
    elif report == "budget":
        _form, budget, table = _budget_data(request)
        tables = [table]
        filters = [(_("Year"), str(budget.year))]
        name = _file_name("budget", year=budget.year)
    else:
        raise Http404
    if fmt == "xlsx":
        return xlsx_response(tables, filters=filters, filename=name)
    if fmt in CSV_FORMATS:
        wanted = request.GET.get("tabel") or tables[0].slug
        table = next((t for t in tables if t.slug == wanted), None)
        if table is None:
            raise Http404
        dutch = fmt == "excel-csv"
        filename = f"{name}-{slugify(str(table.title)) or table.slug}" + (
            "-excel" if dutch else ""
        )
        return csv_response(table, filename=filename, dutch=dutch)
    raise Http404
