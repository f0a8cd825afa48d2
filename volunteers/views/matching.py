"""Suggested volunteers for a task (its organisers only) and answering an invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.params import id_param
from mijnbuurt.core.ratelimit import limit

from ..matching_reasons import organiser_reason_texts
from ..models import Task, TaskInvitation
from ..selectors.matching import invitations_for, volunteers_suggested
from ..services.invitations import task_invitation_answer, task_invitation_create


def _organised_task(request, pk: int) -> Task:
    return get_object_for_user_or_404(
        Task.objects.select_related("neighbourhood", "kind", "initiative", "organisation"),
        user=request.user,
        perm="volunteers.manage_task",
        pk=pk,
    )


@login_required
@require_GET
def task_suggestions(request, pk: int):
    task = _organised_task(request, pk)
    suggestions = volunteers_suggested(task=task)
    for suggestion in suggestions:
        suggestion.texts = organiser_reason_texts(suggestion.reasons)
    return render(
        request,
        "volunteers/matching/suggestions.html",
        {"task": task, "suggestions": suggestions},
    )


@login_required
@require_POST
@limit("invitations")
def task_invite(request, pk: int):
    task = _organised_task(request, pk)
    volunteer_id = id_param(request.POST.get("volunteer"))
    if volunteer_id is None:
        messages.error(request, _("Choose a volunteer to invite. Nothing was changed."))
        return redirect("volunteers:task_suggestions", pk=task.pk)
    try:
        invitation = task_invitation_create(
            task=task, volunteer_id=volunteer_id, invited_by=request.user
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s is invited. They get a message and can accept or decline.")
            % {"name": invitation.volunteer.public_name},
        )
    return redirect("volunteers:task_suggestions", pk=task.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, pk: int):
    """The invited volunteer's page: 404 for everyone else."""
    found = get_object_or_404(invitations_for(user=request.user), pk=pk)
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("accept", "decline"):
            messages.error(request, _("Choose to accept or decline. Nothing was changed."))
            return redirect("volunteers:invitation", pk=found.pk)
        try:
            task_invitation_answer(invitation=found, user=request.user, accept=answer == "accept")
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("volunteers:invitation", pk=found.pk)
        if answer == "accept":
            messages.success(request, _("Thank you! Now choose a shift to sign up for."))
            return redirect("volunteers:task", pk=found.task_id)
        messages.success(request, _("You declined the invitation. The organiser will see that."))
        return redirect("volunteers:invitation", pk=found.pk)
    return render(
        request,
        "volunteers/matching/invitation.html",
        {
            "invitation": found,
            "task": found.task,
            "pending": found.status == TaskInvitation.Status.PENDING,
        },
    )
