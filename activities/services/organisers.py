"""What organisers do around an activity: write to everyone with a place, and report
afterwards how many came and what happened (shown on the activity's page)."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.dates import time_range
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.services import notify

from ..kinds import ACTIVITY_MESSAGE
from ..models import Activity, Registration

logger = logging.getLogger(__name__)

SUBJECT_MAX = 120
TEXT_MAX = 4000
ATTENDANCE_MAX = 100_000


def activity_message_send(*, activity: Activity, actor, subject: str, text: str) -> int:
    """Notify everyone registered (not the waiting list) of the organisers' message;
    returns to how many people it went. The e-mail's subject says nothing of it."""
    subject, text = (subject or "").strip(), (text or "").strip()
    if not subject:
        raise ServiceError(_("Give the message a subject."), code="subject")
    if not text:
        raise ServiceError(_("Write the message."), code="text")
    if len(subject) > SUBJECT_MAX or len(text) > TEXT_MAX:
        raise ServiceError(_("The message is too long."), code="too_long")
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        recipients = [
            registration.user
            for registration in Registration.objects.filter(
                activity=locked, status=Registration.Status.REGISTERED, user__is_active=True
            )
            .select_related("user")
            .order_by("pk")
        ]
        if not recipients:
            raise ServiceError(
                _("Nobody has a place yet: there is no one to write to."), code="nobody"
            )
        context = {
            "title": locked.title,
            "when": time_range(locked.start, locked.end),
            "subject": subject,
            "text": text,
        }
        for recipient in recipients:
            notify(
                recipient=recipient,
                kind=ACTIVITY_MESSAGE.name,
                context=context,
                url_name="activities:detail",
                url_kwargs={"pk": locked.pk},
            )
    logger.info(
        "Activity %s: message to %s registrants by user %s", locked.pk, len(recipients), actor.pk
    )
    return len(recipients)


def activity_report_save(*, activity: Activity, actor, attendance, text: str) -> Activity:
    """After the activity: how many came (a number) and what happened (text)."""
    text = (text or "").strip()
    if attendance is None or not 0 <= attendance <= ATTENDANCE_MAX:
        raise ServiceError(_("Give how many people came."), code="attendance")
    if not text:
        raise ServiceError(_("Write what happened."), code="text")
    if len(text) > TEXT_MAX:
        raise ServiceError(_("The report is too long."), code="too_long")
    with transaction.atomic():
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        if locked.is_cancelled:
            raise ServiceError(_("A cancelled activity has no report."), code="cancelled")
        if not locked.has_ended:
            raise ServiceError(
                _("The report can be written once the activity has ended."), code="not_ended"
            )
        locked.attendance = attendance
        locked.report = text
        locked.reported_at = timezone.now()
        locked.save(update_fields=["attendance", "report", "reported_at"])
    return locked
