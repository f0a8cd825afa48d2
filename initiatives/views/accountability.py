"""The accountability report: organisers write it, reviewers accept it or ask for
changes. Its costs are seen only by the organisers and reviewers (like grants); what
was done, how they did it and the photos show on the initiative's page once submitted.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.media import private_file_response
from mijnbuurt.core.mfa import mfa_required

from ..forms.accountability import ChangesForm, CostFormSet, ReportForm
from ..models import (
    AccountabilityEvidence,
    AccountabilityPhoto,
    AccountabilityReport,
    Initiative,
)
from ..selectors.knowledge import grant_total_granted, report_for_page
from ..services import (
    accountability_evidence_remove,
    accountability_photo_remove,
    accountability_report_accept,
    accountability_report_allowed,
    accountability_report_request_changes,
    accountability_report_save,
)
from ..services.accountability import MAX_REPORT_EVIDENCE, MAX_REPORT_PHOTOS

VIEW_REPORT = "initiatives.view_accountability"


def _initiative(request, pk: int, perm: str = VIEW_REPORT) -> Initiative:
    """The initiative, for its organisers and reviewers only; 404 for everyone else."""
    return get_object_for_user_or_404(
        Initiative.objects.select_related("neighbourhood"), user=request.user, perm=perm, pk=pk
    )


def _report(initiative: Initiative) -> AccountabilityReport:
    report = AccountabilityReport.objects.filter(initiative=initiative).first()
    if report is None:
        raise Http404
    return report


def _back(initiative: Initiative):
    return redirect("initiatives:accountability", pk=initiative.pk)


@login_required
@require_GET
def report_page(request, pk: int):
    initiative = _initiative(request, pk)
    report = report_for_page(initiative)
    is_organiser = rules.has_perm("initiatives.change_initiative", request.user, initiative)
    granted = grant_total_granted(initiative)
    total = report.cost_total if report else None
    return render(
        request,
        "initiatives/accountability/report.html",
        {
            "initiative": initiative,
            "report": report,
            "granted": granted,
            "total": total,
            "difference": abs(granted - total) if granted is not None and report else None,
            "overspent": granted is not None and report is not None and total > granted,
            "is_organiser": is_organiser,
            "allowed": accountability_report_allowed(initiative),
            "may_edit": is_organiser and (report is None or report.is_editable),
            "may_review": rules.has_perm("initiatives.review_initiative", request.user, initiative)
            and report is not None
            and report.status == AccountabilityReport.Status.SUBMITTED,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    initiative = _initiative(request, pk, perm="initiatives.change_initiative")
    report = report_for_page(initiative)
    if not accountability_report_allowed(initiative):
        messages.error(
            request,
            _(
                "You can write the accountability report once the initiative is completed "
                "or a grant has been paid."
            ),
        )
        return _back(initiative)
    if report is not None and not report.is_editable:
        messages.error(
            request,
            _("The report has been submitted; it can only be changed if changes are requested."),
        )
        return _back(initiative)
    initial = (
        {"what_was_done": report.what_was_done, "how_we_did_it": report.how_we_did_it}
        if report
        else None
    )
    costs = (
        [{"description": c.description, "amount": c.amount} for c in report.costs.all()]
        if report
        else None
    )
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    formset = CostFormSet(request.POST or None, prefix="costs", initial=costs)
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            submit = request.POST.get("action") == "submit"
            try:
                accountability_report_save(
                    initiative=initiative,
                    by=request.user,
                    what_was_done=form.cleaned_data["what_was_done"],
                    how_we_did_it=form.cleaned_data["how_we_did_it"],
                    costs=formset.items(),
                    photos=form.cleaned_data["photos"],
                    evidence=form.cleaned_data["evidence"],
                    submit=submit,
                )
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Your report was submitted. Thank you! The municipality will look at it.")
                    if submit
                    else _("Your report is saved as a draft."),
                )
                return _back(initiative)
        else:
            messages.error(request, _("Please check the fields below. Nothing was saved."))
    return render(
        request,
        "initiatives/accountability/form.html",
        {
            "initiative": initiative,
            "report": report,
            "form": form,
            "formset": formset,
            "max_photos": MAX_REPORT_PHOTOS,
            "max_evidence": MAX_REPORT_EVIDENCE,
        },
    )


@login_required
@require_POST
def photo_remove(request, pk: int, photo_pk: int):
    initiative = _initiative(request, pk, perm="initiatives.change_initiative")
    photo = get_object_or_404(AccountabilityPhoto, pk=photo_pk, report__initiative=initiative)
    try:
        accountability_photo_remove(photo=photo, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return _back(initiative)
    messages.success(request, _("The photo has been removed."))
    return redirect("initiatives:accountability_edit", pk=initiative.pk)


@login_required
@require_GET
def evidence(request, pk: int, evidence_pk: int):
    """A receipt or invoice, for the organisers and reviewers only (a download; on
    object storage a redirect to a short-lived signed URL)."""
    initiative = _initiative(request, pk)
    item = get_object_or_404(AccountabilityEvidence, pk=evidence_pk, report__initiative=initiative)
    return private_file_response(
        request, storage=item.file.storage, name=item.file.name, filename=item.original_name
    )


@login_required
@require_POST
def evidence_remove(request, pk: int, evidence_pk: int):
    initiative = _initiative(request, pk, perm="initiatives.change_initiative")
    item = get_object_or_404(AccountabilityEvidence, pk=evidence_pk, report__initiative=initiative)
    try:
        accountability_evidence_remove(evidence=item, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return _back(initiative)
    messages.success(request, _("The receipt or invoice has been removed."))
    return redirect("initiatives:accountability_edit", pk=initiative.pk)


@login_required
@mfa_required
@require_POST
def accept(request, pk: int):
    initiative = _initiative(request, pk, perm="initiatives.review_initiative")
    try:
        accountability_report_accept(report=_report(initiative), by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The report is accepted; the organisers have been told."))
    return _back(initiative)


@login_required
@mfa_required
@require_POST
def request_changes(request, pk: int):
    initiative = _initiative(request, pk, perm="initiatives.review_initiative")
    report = _report(initiative)
    form = ChangesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please explain why, so the organisers know what to do."))
        return _back(initiative)
    try:
        accountability_report_request_changes(
            report=report, by=request.user, reason=form.cleaned_data["reason"]
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You asked for changes in the report; the organisers have been told.")
        )
    return _back(initiative)
