from .handover import HandOver, TrustedVolunteer
from .hours import OffShiftHours
from .matching import Suggestion, TaskInvitation
from .profiles import AgendaFeed, Availability, Language, Skill, VolunteerProfile
from .tasks import Shift, SignUp, Task, TaskKind
from .vog import VogCheck

__all__ = [
    "AgendaFeed",
    "Availability",
    "HandOver",
    "Language",
    "OffShiftHours",
    "Shift",
    "SignUp",
    "Skill",
    "Suggestion",
    "Task",
    "TaskInvitation",
    "TaskKind",
    "TrustedVolunteer",
    "VogCheck",
    "VolunteerProfile",
]
