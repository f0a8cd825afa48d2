"""Organisers invite suggested volunteers to a task; the volunteer accepts or declines."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import TASK_INVITATION
from ..models import Task, TaskInvitation, VolunteerProfile


def task_invitation_create(*, task: Task, volunteer_id: int, invited_by) -> TaskInvitation:
    """Invite a findable volunteer to ``task`` and notify them, in one transaction."""
    if task.status != Task.Status.PUBLISHED:
        raise ServiceError(
            _("Only an open task can have invitations. Publish the task first."),
            code="task_not_open",
        )
    profile = (
        VolunteerProfile.objects.select_related("user")
        .filter(user_id=volunteer_id, user__is_active=True, is_findable=True)
        .first()
    )
    if profile is None:
        raise ServiceError(
            _("This volunteer cannot be invited. Nothing was changed."), code="not_findable"
        )
    if profile.user_id == invited_by.pk:
        raise ServiceError(_("You cannot invite yourself."), code="self")
    try:
        with transaction.atomic():
            invitation = TaskInvitation.objects.create(
                task=task, volunteer=profile.user, invited_by=invited_by
            )
            notify(
                recipient=profile.user,
                kind=TASK_INVITATION.name,
                context={
                    "invitation_id": invitation.pk,
                    "task": task.title,
                    "inviter": invited_by.public_name,
                },
                url_name="volunteers:invitation",
                url_kwargs={"pk": invitation.pk},
            )
    except IntegrityError:
        raise ServiceError(
            _("%(name)s has already been invited to this task.")
            % {"name": profile.user.public_name},
            code="already_invited",
        ) from None
    return invitation


@transaction.atomic
def task_invitation_answer(*, invitation: TaskInvitation, user, accept: bool) -> TaskInvitation:
    """The invited volunteer accepts or declines; only while the invitation waits."""
    locked = TaskInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.volunteer_id != user.pk:
        raise ServiceError(_("This invitation is not addressed to you."), code="not_invitee")
    if locked.status != TaskInvitation.Status.PENDING:
        raise ServiceError(
            _("You already answered this invitation: %(status)s.")
            % {"status": locked.get_status_display()},
            code="already_answered",
        )
    locked.status = TaskInvitation.Status.ACCEPTED if accept else TaskInvitation.Status.DECLINED
    locked.answered_at = timezone.now()
    locked.save(update_fields=["status", "answered_at"])
    invitation.status, invitation.answered_at = locked.status, locked.answered_at
    return locked
