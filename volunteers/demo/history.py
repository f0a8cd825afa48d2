"""Past shifts of the demo tasks, so that "my hours", the organisers' hours to confirm and
the municipal reports show a year of volunteering.

Weeks to months ago (spread over the year, task by task): attended, hours confirmed.
Last week: the demo volunteer still has to log their hours, the others logged theirs
and wait for the organiser. Idempotent: a task that has past shifts is left alone.
Hours outside shifts: some confirmed, some waiting for the organiser.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ..models import OffShiftHours, Shift, SignUp, Task
from ..selectors.hours import tasks_for_off_shift_hours


def seed_history(tasks: list[Task], volunteer, others: list) -> int:
    """Past shifts for every other task but the first (``_past_hours`` does that one)."""
    now = timezone.now()
    made = 0
    for task in tasks[1::2]:
        if task.shifts.filter(starts_at__lt=now).exists():
            continue
        template = task.shifts.order_by("starts_at").first()
        if template is None:
            continue
        length = template.ends_at - template.starts_at
        hours = Decimal(length.total_seconds() / 3600).quantize(Decimal("0.01"))
        # A VOG task only had the volunteer with a VOG; the others take turns, and the
        # demo volunteer helped at every third task too.
        team = [volunteer] if task.requires_vog else list(others)
        if made % 3 == 0 and not task.requires_vog:
            team.insert(0, volunteer)
        for weeks_ago, fresh in ((3 + (made * 11) % 46, False), (1, True)):
            start = template.starts_at - dt.timedelta(weeks=weeks_ago + made % 2)
            while start > now:
                start -= dt.timedelta(weeks=1)
            shift = Shift.objects.create(
                task=task, starts_at=start, ends_at=start + length, places=template.places
            )
            people = team[made % len(team) :] + team[: made % len(team)]
            SignUp.objects.bulk_create(
                _signup(shift, person, hours, fresh=fresh, own=person == volunteer)
                for person in people[: shift.places]
            )
        made += 1
    return made


def _signup(shift: Shift, person, hours: Decimal, *, fresh: bool, own: bool) -> SignUp:
    if not fresh:
        state = {"attended": True, "hours": hours, "hours_status": SignUp.Hours.CONFIRMED}
    elif own:  # the demo volunteer: hours to log on /vrijwilligerswerk/mijn-agenda/
        state = {"attended": None, "hours": None, "hours_status": SignUp.Hours.NONE}
    else:
        state = {"attended": True, "hours": hours, "hours_status": SignUp.Hours.LOGGED}
    return SignUp(shift=shift, volunteer=person, status=SignUp.Status.CONFIRMED, **state)


LOGGED, CONFIRMED = OffShiftHours.Status.LOGGED, OffShiftHours.Status.CONFIRMED
# (who: 0 the demo volunteer, else one of the others; days ago, hours, what, status)
OFF_SHIFT = [
    (0, 2, "1.5", "Folders rondgebracht voor de volgende klusdag", LOGGED),
    (0, 24, "2", "Boodschappen gedaan voor de koffieochtend", CONFIRMED),
    (0, 61, "3", "Gereedschap opgehaald en teruggebracht", CONFIRMED),
    (1, 5, "2.5", "Planten water gegeven tussen de diensten door", LOGGED),
    (2, 40, "1", "Nieuwe vrijwilligers rondgeleid", CONFIRMED),
]


def seed_off_shift_hours(volunteer, others: list) -> int:
    """Hours outside shifts for a task each person signed up for; once per description."""
    today, now = timezone.localdate(), timezone.now()
    people = [volunteer, *others]
    made = 0
    for who, days_ago, hours, description, status in OFF_SHIFT:
        person = people[who % len(people)]
        task = tasks_for_off_shift_hours(person).first()
        if (
            task is None
            or OffShiftHours.objects.filter(volunteer=person, description=description).exists()
        ):
            continue
        decided = status == CONFIRMED
        OffShiftHours.objects.create(
            task=task,
            volunteer=person,
            date=today - dt.timedelta(days=days_ago),
            hours=Decimal(hours),
            description=description,
            status=status,
            decided_by=task.created_by if decided else None,
            decided_at=now if decided else None,
        )
        made += 1
    return made
