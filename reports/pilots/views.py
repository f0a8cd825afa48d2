"""Pilots: staff pages under /admin/rapportages/proeven/ (wrapped in
``admin.site.admin_view`` in ``reports/urls.py``, like the other reports) and the public
summaries under /proeven/ (published pilots only, suppressed below five)."""

import datetime as dt

from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.messages import form_errors_to_messages

from ..exports import csv_response, xlsx_response
from .comparison import compare, indicator_table, pair_charts
from .forms import NoteForm
from .selectors import experiment_for_page, experiments_for_staff, experiments_published
from .services import experiment_note_add

CSV_FORMATS = ("csv", "excel-csv")
VIEW_PERM = "reports.view_experiment"


def _file_name(experiment) -> str:
    return f"proef-{slugify(experiment.slug)}-{timezone.localdate().isoformat()}"


def _filters(experiment) -> list[tuple[str, str]]:
    start, end = experiment.comparison_period
    last = end.date() - dt.timedelta(days=1)
    return [
        (_("Pilot"), experiment.name),
        (_("First day"), experiment.start_date.isoformat()),
        (_("Last day"), experiment.end_date.isoformat()),
        (_("Compared with"), str(experiment.get_comparison_display())),
        (_("Comparison period"), f"{start.date().isoformat()} / {last.isoformat()}"),
    ]


def _download(table, experiment, fmt: str):
    name = _file_name(experiment)
    if fmt == "xlsx":
        return xlsx_response([table], filters=_filters(experiment), filename=name)
    if fmt in CSV_FORMATS:
        dutch = fmt == "excel-csv"
        return csv_response(table, filename=name + ("-excel" if dutch else ""), dutch=dutch)
    raise Http404


# --- Staff -------------------------------------------------------------------------------


def staff_list_view(request):
    context = {
        **admin.site.each_context(request),
        "title": _("Reports: pilots"),
        "experiments": experiments_for_staff(),
    }
    return render(request, "reports/pilots/staff_list.html", context)


def staff_detail_view(request, slug: str):
    experiment = get_object_or_404(experiment_for_page(notes=True), slug=slug)
    rows = compare(experiment)
    context = {
        **admin.site.each_context(request),
        "title": _("Pilot: %(name)s") % {"name": experiment.name},
        "experiment": experiment,
        "table": indicator_table(rows),
        "charts": pair_charts(rows),
        "note_form": NoteForm(),
    }
    return render(request, "reports/pilots/staff_detail.html", context)


@require_POST
def staff_note_view(request, slug: str):
    experiment = get_object_or_404(experiment_for_page(), slug=slug)
    form = NoteForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        try:
            experiment_note_add(
                experiment=experiment, author=request.user, text=form.cleaned_data["text"]
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The note is added."))
    return redirect("reports:pilot", slug=experiment.slug)


def staff_export_view(request, slug: str, fmt: str):
    if fmt not in ("xlsx", *CSV_FORMATS):
        raise Http404
    experiment = get_object_or_404(experiment_for_page(), slug=slug)
    return _download(indicator_table(compare(experiment)), experiment, fmt)


# --- Public ------------------------------------------------------------------------------


def public_list_view(request):
    return render(
        request, "reports/pilots/public_list.html", {"experiments": experiments_published()}
    )


def _published(request, slug: str):
    return get_object_for_user_or_404(
        experiment_for_page(), user=request.user, perm=VIEW_PERM, slug=slug
    )


def public_detail_view(request, slug: str):
    experiment = _published(request, slug)
    table = indicator_table(compare(experiment), public=True)
    return render(
        request, "reports/pilots/public_detail.html", {"experiment": experiment, "table": table}
    )


def public_export_view(request, slug: str):
    experiment = _published(request, slug)
    return _download(indicator_table(compare(experiment), public=True), experiment, "csv")
