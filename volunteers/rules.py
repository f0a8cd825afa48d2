"""Who may manage a volunteer task and see its sign-ups (django-rules, per object).

A task is organised by whoever created it, by the organisers of its initiative and
by the members of its organisation.
"""

import rules


@rules.predicate
def organises_task(user, task) -> bool:
    if task is None or not user.is_authenticated:
        return False
    if task.created_by_id == user.pk:
        return True
    if task.initiative_id and task.initiative.organisers.filter(pk=user.pk).exists():
        return True
    return bool(task.organisation_id) and task.organisation.members.filter(pk=user.pk).exists()


@rules.predicate
def is_public(user, task) -> bool:
    """Published and closed tasks can be opened by anyone; drafts only by organisers."""
    return task is not None and task.status != task.Status.DRAFT


rules.add_perm("volunteers.view_task", is_public | organises_task)
rules.add_perm("volunteers.manage_task", organises_task)
