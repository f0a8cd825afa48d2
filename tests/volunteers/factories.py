"""Volunteer tasks, shifts and profiles for tests."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from initiatives.models import Status, Theme
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory
from volunteers.models import OffShiftHours, Shift, Skill, Task, TaskKind, VolunteerProfile
from volunteers.services.next_shift import tasks_next_shift_refresh


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Vaardigheid {n}")
    slug = factory.Sequence(lambda n: f"vaardigheid-{n}")


class TaskKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskKind
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Soort {n}")
    slug = factory.Sequence(lambda n: f"soort-{n}")


class TaskFactory(factory.django.DjangoModelFactory):
    """A published task of a running initiative; its organiser is ``created_by``."""

    class Meta:
        model = Task
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Taak {n}")
    description = "Samen de buurtmoestuin onderhouden."
    kind = factory.SubFactory(TaskKindFactory)
    theme = Theme.GREEN
    neighbourhood = factory.SubFactory(BuurtFactory)
    initiative = factory.LazyAttribute(
        lambda o: make_initiative(neighbourhood=o.neighbourhood, status=Status.PUBLISHED)
    )
    created_by = factory.LazyAttribute(lambda o: o.initiative.organisers.first())
    status = Task.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)


def in_days(days: int, hour: int = 10) -> dt.datetime:
    """A local moment ``days`` from today at ``hour``:00."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    task = factory.SubFactory(TaskFactory)
    starts_at = factory.LazyFunction(lambda: in_days(7, 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    places = 5


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    is_findable = True

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)


def shift_to_past(shift, *, days_ago: int = 3, hours: int = 2, hour: int = 10):
    """Move ``shift`` (after its sign-ups were made) to ``days_ago`` at ``hour``:00."""
    starts_at = in_days(-days_ago, hour)
    Shift.objects.filter(pk=shift.pk).update(
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=hours)
    )
    shift.refresh_from_db()
    # As the minutely refresh does once the shift has started.
    tasks_next_shift_refresh(task_ids=[shift.task_id])
    return shift


def signup_in_the_past(*, shift=None, volunteer=None, days_ago: int = 3, hours: int = 2):
    """A confirmed sign-up (made through the service) for a shift that has since started.

    Sign-ups refuse shifts in the past, so the shift is moved back after signing up.
    """
    from tests.accounts.factories import UserFactory
    from volunteers.services import shift_sign_up

    shift = shift or ShiftFactory()
    signup = shift_sign_up(shift=shift, volunteer=volunteer or UserFactory())
    signup.shift = shift_to_past(shift, days_ago=days_ago, hours=hours)
    return signup


class OffShiftHoursFactory(factory.django.DjangoModelFactory):
    """Hours outside a shift, logged today and waiting for the organiser."""

    class Meta:
        model = OffShiftHours

    task = factory.SubFactory(TaskFactory)
    volunteer = factory.SubFactory("tests.accounts.factories.UserFactory")
    date = factory.LazyFunction(timezone.localdate)
    hours = Decimal("2")
    description = "Flyers rondgebracht"
