"""Who may manage a volunteer task and see its sign-ups (django-rules, per object).

A task is organised by whoever created it, by the organisers of its initiative and
by the members of its organisation. A private task (a help request handed to a
volunteer) is opened only by the volunteers invited to it or signed up for it and
by whoever handles the help request (its area team, or staff for the fallback queue);
while it looks for a volunteer, also by the volunteers that team trusts.
"""

import rules

from helprequests.rules import handles_help_request


@rules.predicate
def organises_task(user, task) -> bool:
    if task is None or not user.is_authenticated:
        return False
    if task.is_private:  # a hand-over: its team, also after a colleague created it
        return handles_handover.test(user, _handover(task))
    if task.created_by_id == user.pk:
        return True
    if task.initiative_id and task.initiative.organisers.filter(pk=user.pk).exists():
        return True
    return bool(task.organisation_id) and task.organisation.members.filter(pk=user.pk).exists()


@rules.predicate
def is_public(user, task) -> bool:
    """Published and closed tasks can be opened by anyone; drafts only by organisers."""
    return task is not None and task.status != task.Status.DRAFT and not task.is_private


def _handover(task):
    from .models import HandOver

    try:
        return task.handover
    except HandOver.DoesNotExist:
        return None


@rules.predicate
def handles_handover(user, handover) -> bool:
    """A member of the team covering the handed-over request (or staff, fallback queue)."""
    if handover is None or handover.help_request_id is None:
        return False
    return handles_help_request.test(user, handover.help_request)


@rules.predicate
def may_see_private_task(user, task) -> bool:
    if task is None or not task.is_private or not user.is_authenticated or not user.is_active:
        return False
    if task.invitations.filter(volunteer=user).exclude(status="declined").exists():
        return True
    from .models import HandOver, SignUp, TrustedVolunteer

    if (
        SignUp.objects.filter(shift__task=task, volunteer=user)
        .exclude(status=SignUp.Status.CANCELLED)
        .exists()
    ):
        return True
    # Listed for the volunteers the covering team trusts, while it looks for someone.
    handover = _handover(task)
    return (
        handover is not None
        and handover.status == HandOver.Status.OFFERED
        and handover.help_request_id is not None
        and handover.help_request.team_id is not None
        and TrustedVolunteer.objects.filter(
            team_id=handover.help_request.team_id, volunteer=user
        ).exists()
    )


rules.add_perm("volunteers.view_task", is_public | may_see_private_task | organises_task)
rules.add_perm("volunteers.manage_task", organises_task)
rules.add_perm("volunteers.manage_handover", handles_handover)


@rules.predicate
def organises_task_of_entry(user, entry) -> bool:
    """Hours outside a shift are decided by an organiser of their task."""
    return entry is not None and organises_task.test(user, entry.task)


rules.add_perm("volunteers.decide_off_shift_hours", organises_task_of_entry)
