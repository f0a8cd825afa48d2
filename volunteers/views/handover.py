"""Hand-over pages of the area team: write the anonymised task, invite, confirm, end.

Everything answers 404 to whoever does not handle the help request (its area team,
or staff for the fallback queue). The pages show nothing of the request itself.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helprequests.models import HelpRequest
from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.mfa import mfa_required
from mijnbuurt.core.params import id_param
from mijnbuurt.core.ratelimit import limit

from ..forms.handover import HandOverForm
from ..matching_reasons import organiser_reason_texts
from ..models import HandOver, TrustedVolunteer
from ..selectors import handover as selectors
from ..services.handover import (
    active_handover,
    handover_confirm,
    handover_create,
    handover_end,
    handover_invite,
    handover_refusal,
    trusted_volunteer_add,
    trusted_volunteer_remove,
)


def _handover(request, pk: int) -> HandOver:
    return get_object_for_user_or_404(
        selectors.handover_for_page(),
        user=request.user,
        perm="volunteers.manage_handover",
        pk=pk,
    )


def _volunteer_id(request) -> int | None:
    return id_param(request.POST.get("volunteer"))


@login_required
@mfa_required
@require_http_methods(["GET", "POST"])
def handover_new(request, request_pk: int):
    help_request = get_object_for_user_or_404(
        HelpRequest.objects.all(),
        user=request.user,
        perm="helprequests.handle_helprequest",
        pk=request_pk,
    )
    existing = active_handover(help_request)
    if existing is not None:
        return redirect("volunteers:handover", pk=existing.pk)
    refusal = handover_refusal(help_request)
    form = HandOverForm(request.POST or None)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            handover = handover_create(
                help_request=help_request, by=request.user, **form.service_kwargs()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The anonymised task is ready. Now invite a suggested volunteer.")
            )
            return redirect("volunteers:handover", pk=handover.pk)
    return render(
        request,
        "volunteers/handover/new.html",
        {"help_request": help_request, "form": form, "refusal": refusal},
    )


@login_required
@mfa_required
@require_GET
def handover_page(request, pk: int):
    handover = _handover(request, pk)
    task = handover.task
    invitations = selectors.handover_invitations(task)
    signups = selectors.handover_signups(task)
    suggestions = []
    if handover.status == HandOver.Status.OFFERED:
        suggestions = selectors.handover_suggestions(
            task=task,
            exclude={i.volunteer_id for i in invitations}
            | {s.volunteer_id for s in signups}
            | {request.user.pk},
        )
        for row in suggestions:
            row["texts"] = organiser_reason_texts(row["reasons"])
    return render(
        request,
        "volunteers/handover/detail.html",
        {
            "handover": handover,
            "task": task,
            "shift": task.shifts.first(),
            "invitations": invitations,
            "signups": signups,
            "suggestions": suggestions,
            "trusted": selectors.handover_trusted(handover),
            "offered": handover.status == HandOver.Status.OFFERED,
        },
    )


@login_required
@mfa_required
@require_POST
@limit("invitations")
def handover_invite_view(request, pk: int):
    handover = _handover(request, pk)
    volunteer_id = _volunteer_id(request)
    if volunteer_id is None:
        messages.error(request, _("Choose a volunteer to invite. Nothing was changed."))
        return redirect("volunteers:handover", pk=handover.pk)
    try:
        invitation = handover_invite(handover=handover, by=request.user, volunteer_id=volunteer_id)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s is invited. They get a message and can accept or decline.")
            % {"name": invitation.volunteer.public_name},
        )
    return redirect("volunteers:handover", pk=handover.pk)


@login_required
@mfa_required
@require_POST
def handover_confirm_view(request, pk: int):
    handover = _handover(request, pk)
    volunteer_id = _volunteer_id(request)
    try:
        if volunteer_id is None:
            raise ServiceError(_("Choose the volunteer to confirm. Nothing was changed."))
        confirmed = handover_confirm(handover=handover, by=request.user, volunteer_id=volunteer_id)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "%(name)s is confirmed and now sees the resident's contact details on the "
                "task page."
            )
            % {"name": confirmed.volunteer.public_name},
        )
    return redirect("volunteers:handover", pk=handover.pk)


@login_required
@mfa_required
@require_POST
def handover_end_view(request, pk: int):
    handover = _handover(request, pk)
    try:
        handover_end(handover=handover, by=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The hand-over has ended. The volunteer no longer sees the contact details."),
        )
    return redirect("volunteers:handover", pk=handover.pk)


# --- Volunteers a team trusts ------------------------------------------------------------


@login_required
@require_GET
def trusted_tasks(request):
    """For a volunteer: the open hand-over tasks of the area teams that trust them."""
    return render(
        request,
        "volunteers/handover/trusted_tasks.html",
        {"tasks": selectors.tasks_for_trusted(request.user)},
    )


def _member_teams(request):
    teams = list(selectors.teams_for_trust(request.user))
    if not teams:
        raise Http404
    return teams


@login_required
@mfa_required
@require_http_methods(["GET", "POST"])
def trusted_manage(request):
    """For area team members: the volunteers their team trusts; add and remove."""
    teams = _member_teams(request)
    if request.method == "POST":
        team = next((t for t in teams if str(t.pk) == request.POST.get("team")), None)
        if team is None:
            messages.error(request, _("Choose your area team. Nothing was changed."))
        else:
            try:
                trusted = trusted_volunteer_add(
                    team=team, by=request.user, email=request.POST.get("email", "")
                )
            except ServiceError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("%(name)s now sees the open hand-overs of %(team)s.")
                    % {"name": trusted.volunteer.public_name, "team": team.name},
                )
        return redirect("volunteers:trusted_manage")
    return render(request, "volunteers/handover/trusted_manage.html", {"teams": teams})


@login_required
@mfa_required
@require_POST
def trusted_remove(request, pk: int):
    trusted = get_object_or_404(
        TrustedVolunteer.objects.select_related("team", "volunteer"),
        pk=pk,
        team__memberships__user=request.user,
    )
    trusted_volunteer_remove(trusted=trusted, by=request.user)
    messages.success(
        request,
        _("%(name)s is no longer on the list.") % {"name": trusted.volunteer.public_name},
    )
    return redirect("volunteers:trusted_manage")
