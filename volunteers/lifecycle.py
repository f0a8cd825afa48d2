"""The lifecycles of volunteer tasks and of hand-overs of help requests: one table of
allowed status moves each and who may make them (``mijnbuurt.core.transitions``).
Their moves are recorded in ``core.StatusChange``."""

from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.transitions import Lifecycle, Move, Refusal

from .models import HandOver, Task
from .rules import handles_handover

ORGANISER = "organiser"
TEAM = "team"

T = Task.Status
TASK = Lifecycle(
    model=Task,
    roles={ORGANISER: "volunteers.manage_task"},
    moves=[
        Move(T.DRAFT, T.PUBLISHED, {ORGANISER}),
        Move(T.CLOSED, T.PUBLISHED, {ORGANISER}),
        Move(T.PUBLISHED, T.CLOSED, {ORGANISER}),
    ],
    refused=Refusal(_("Only an open task can be closed."), "not_published"),
    refused_into={T.PUBLISHED: Refusal(_("This task is already open."), "published")},
    forbidden=Refusal(_("Only the organisers of this task can do that."), "forbidden"),
)

H = HandOver.Status
HANDOVER = Lifecycle(
    model=HandOver,
    roles={TEAM: handles_handover},
    moves=[
        Move(H.OFFERED, H.CONFIRMED, {TEAM}),
        Move(H.OFFERED, H.ENDED, {TEAM}),
        Move(H.CONFIRMED, H.ENDED, {TEAM}),
    ],
    refused=Refusal(_("This hand-over has already ended."), "ended"),
    refused_into={
        H.CONFIRMED: Refusal(
            _("This hand-over is no longer looking for a volunteer."), "not_offered"
        )
    },
    forbidden=Refusal(_("You may not do this with this request."), "forbidden"),
)
