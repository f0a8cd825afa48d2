"""VOG gezien: a member of an approved organisation records that they saw a volunteer's VOG.

The check counts for every task that asks for a VOG seen by an organisation, for
VOLUNTEER_VOG_VALID_DAYS from the VOG's date of issue, while the organisation stays
approved. Which volunteers an organiser may record it for (those signed up for a task
they manage) is the view's question; this service checks the organisation.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.models import Organisation

from ..models import VogCheck


def vog_oldest_valid_issue_date(*, today: dt.date | None = None) -> dt.date:
    """The earliest date of issue of a VOG that still counts ``today``."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=settings.VOLUNTEER_VOG_VALID_DAYS - 1)


@transaction.atomic
def vog_check_record(*, by, volunteer, organisation: Organisation, issued_on: dt.date) -> VogCheck:
    """Record that ``by``, for ``organisation``, saw the VOG ``volunteer`` got on ``issued_on``.

    Recording the same VOG again for the same organisation updates who saw it and when.
    """
    if not (
        by.is_authenticated
        and by.is_active
        and organisation.is_approved
        and organisation.members.filter(pk=by.pk).exists()
    ):
        raise ServiceError(
            _("Only members of an approved organisation can record that they saw a VOG."),
            code="forbidden",
        )
    if volunteer.pk == by.pk:
        raise ServiceError(
            _("You cannot record your own VOG; another member of an organisation has to see it."),
            code="own",
        )
    if not volunteer.is_active:
        raise ServiceError(_("This account no longer exists."), code="inactive")
    today = timezone.localdate()
    if issued_on > today:
        raise ServiceError(
            _("The date of issue of the VOG cannot be in the future."), code="future"
        )
    oldest = vog_oldest_valid_issue_date(today=today)
    if issued_on < oldest:
        raise ServiceError(
            _(
                "A VOG issued before %(date)s no longer counts. Ask the volunteer to "
                "apply for a new VOG."
            )
            % {"date": formats.date_format(oldest, "DATE_FORMAT")},
            code="expired",
        )
    check, _created = VogCheck.objects.update_or_create(
        volunteer=volunteer,
        organisation=organisation,
        issued_on=issued_on,
        defaults={"seen_by": by, "seen_at": timezone.now()},
    )
    return check
