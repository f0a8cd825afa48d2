"""Grants on an initiative's page: organisers request, reviewers award or decline,
staff mark as paid. Grants are never public: only organisers and reviewers see them.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.mfa import mfa_required
from mijnbuurt.core.ratelimit import limit

from ..forms.grants import GrantAwardForm, GrantDeclineForm, GrantItemFormSet
from ..lifecycle import ORGANISER, REVIEWER
from ..models import BudgetLine, GrantRequest
from ..selectors.grants import budget_lines_with_totals, grants_of
from ..selectors.initiatives import initiative_for_edit
from ..services import grant_award, grant_decline, grant_mark_paid, grant_request
from ..services.grants import GRANT_STATUSES, grant_budget_year

VIEW = "initiatives.view_initiative"


def grant_context(initiative, *, roles: set[str], user) -> dict:
    """What the detail page shows about money; nothing (and no query) for the public."""
    if not roles & {ORGANISER, REVIEWER}:
        return {"grants": [], "may_request_grant": False, "budget_lines": []}
    grants = grants_of(initiative)
    is_reviewer = REVIEWER in roles
    # The lines that may pay the open requests (grant_award refuses any other year).
    pending = [g for g in grants if g.status == GrantRequest.Status.REQUESTED]
    years = {grant_budget_year(g) for g in pending}
    lines = (
        list(budget_lines_with_totals().filter(year__in=years)) if is_reviewer and years else []
    )
    return {
        "grants": grants,
        # One request at a time: a new one once the open one is decided.
        "may_request_grant": ORGANISER in roles
        and initiative.status in GRANT_STATUSES
        and not pending,
        "may_decide_grants": is_reviewer,
        "may_mark_paid": user.is_staff,
        "budget_lines": lines,
    }


def _initiative(request, pk: int):
    return get_object_for_user_or_404(initiative_for_edit(), user=request.user, perm=VIEW, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
@limit("grant_requests")
def request_grant(request, pk: int):
    initiative = _initiative(request, pk)
    if not rules.has_perm("initiatives.change_initiative", request.user, initiative):
        raise Http404
    formset = GrantItemFormSet(request.POST or None, prefix="items")
    if request.method == "POST":
        if formset.is_valid():
            try:
                grant_request(initiative=initiative, by=request.user, items=formset.items())
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, _("Your grant request was sent. The municipality will review it.")
                )
                return redirect("initiatives:detail", pk=initiative.pk)
        else:
            messages.error(request, _("Please check the items below."))
    return render(
        request, "initiatives/grant_form.html", {"initiative": initiative, "formset": formset}
    )


def _grant(request, pk: int, grant_pk: int) -> GrantRequest:
    initiative = _initiative(request, pk)
    if not rules.has_perm("initiatives.review_initiative", request.user, initiative):
        raise Http404
    return get_object_or_404(
        GrantRequest.objects.select_related("initiative"), pk=grant_pk, initiative=initiative
    )


def _back(grant: GrantRequest):
    return redirect(reverse("initiatives:detail", kwargs={"pk": grant.initiative_id}) + "#grants")


@login_required
@mfa_required
@require_POST
def award(request, pk: int, grant_pk: int):
    grant = _grant(request, pk, grant_pk)
    form = GrantAwardForm(request.POST, lines=BudgetLine.objects.all())
    if not form.is_valid():
        messages.error(
            request,
            _(
                "Choose a budget line, enter an amount of at least € 0,01 and tick the box "
                "to confirm."
            ),
        )
        return _back(grant)
    try:
        grant_award(
            grant=grant,
            by=request.user,
            budget_line=form.cleaned_data["budget_line"],
            amount=form.cleaned_data["amount"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The grant was awarded; the organisers have been told."))
    return _back(grant)


@login_required
@mfa_required
@require_POST
def decline(request, pk: int, grant_pk: int):
    grant = _grant(request, pk, grant_pk)
    form = GrantDeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please explain why, so the organisers know what to do."))
        return _back(grant)
    try:
        grant_decline(grant=grant, by=request.user, reason=form.cleaned_data["reason"])
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The grant request was declined; the organisers have been told.")
        )
    return _back(grant)


@login_required
@mfa_required
@require_POST
def mark_paid(request, pk: int, grant_pk: int):
    grant = _grant(request, pk, grant_pk)
    try:
        grant_mark_paid(grant=grant, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The grant is marked as paid."))
    return _back(grant)
