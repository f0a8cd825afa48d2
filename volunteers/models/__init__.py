from .handover import HandOver, TrustedVolunteer
from .matching import Suggestion, TaskInvitation
from .profiles import AgendaFeed, Availability, Language, Skill, VolunteerProfile
from .tasks import Shift, SignUp, Task, TaskKind
from .vog import VogCheck

__all__ = [
    "AgendaFeed",
    "Availability",
    "HandOver",
    "Language",
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
