from .matching import Suggestion, TaskInvitation
from .profiles import AgendaFeed, Availability, Language, Skill, VolunteerProfile
from .tasks import Shift, SignUp, Task, TaskKind

__all__ = [
    "AgendaFeed",
    "Availability",
    "Language",
    "Shift",
    "SignUp",
    "Skill",
    "Suggestion",
    "Task",
    "TaskInvitation",
    "TaskKind",
    "VolunteerProfile",
]
