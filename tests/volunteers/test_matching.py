"""The bulk matching job, the weekly suggestions e-mail and the shift reminders."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from initiatives.models import Theme
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory, WijkFactory
from volunteers.kinds import NEW_SUGGESTIONS, SHIFT_REMINDER
from volunteers.matching import match
from volunteers.models import Availability, SignUp, Suggestion
from volunteers.selectors.matching import shift_mask
from volunteers.services.vog import vog_check_record
from volunteers.tasks import shift_reminders_send, suggestions_notify_weekly

from .factories import (
    ShiftFactory,
    SkillFactory,
    TaskFactory,
    VolunteerProfileFactory,
    in_days,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    wijk = WijkFactory(name="Noorderpark", latitude=53.01, longitude=6.56)
    near = BuurtFactory(name="Lariks", wijk=wijk, latitude=53.01, longitude=6.56)
    other = BuurtFactory(name="Kloosterveen", wijk=wijk, latitude=53.02, longitude=6.57)
    far = BuurtFactory(name="Ver weg", latitude=53.20, longitude=6.90)  # ~30 km
    return {"wijk": wijk, "near": near, "other": other, "far": far}


@pytest.fixture
def cooking():
    return SkillFactory(name="Koken", slug="koken")


def _task(*, place, skills=(), theme=Theme.CARE, days=7, hour=10, **fields):
    task = TaskFactory(neighbourhood=place, theme=theme, skills=list(skills), **fields)
    ShiftFactory(task=task, starts_at=in_days(days, hour))
    return task


def _volunteer(*, home, skills=(), **fields):
    fields.setdefault("birth_date", dt.date(1990, 1, 1))
    profile = VolunteerProfileFactory(skills=list(skills), **fields)
    profile.user.home_neighbourhood = home
    profile.user.save(update_fields=["home_neighbourhood"])
    return profile


def _morning_in(days: int) -> int:
    return Availability.bit(in_days(days).weekday(), Availability.MORNING)


def _suggested(profile) -> list[int]:
    return list(
        Suggestion.objects.filter(volunteer=profile.user)
        .order_by("-score", "pk")
        .values_list("task_id", flat=True)
    )


def test_best_task_ranks_first_with_its_reasons(places, cooking):
    best = _task(place=places["near"], skills=[cooking], theme=Theme.GREEN)
    farther = _task(place=places["far"], theme=Theme.CARE)
    profile = _volunteer(
        home=places["near"], skills=[cooking], interests=[Theme.GREEN], availability=_morning_in(7)
    )

    match()

    assert _suggested(profile)[0] == best.pk
    top = Suggestion.objects.get(volunteer=profile.user, task=best)
    weekday = in_days(7).weekday()
    assert top.reasons == [
        ["skill", "Koken"],
        ["interest", "green"],
        ["near_home", ["Lariks", 0.0]],
        ["availability", [weekday, Availability.MORNING]],
    ]
    assert top.score > Suggestion.objects.get(volunteer=profile.user, task=farther).score


def test_free_tags_count_as_skills_case_insensitively(places, cooking):
    task = _task(place=places["far"], skills=[cooking])
    profile = _volunteer(home=None, tags=["KOKEN"])

    match()

    assert Suggestion.objects.get(volunteer=profile.user, task=task).reasons[0] == [
        "skill",
        "Koken",
    ]


def test_chosen_neighbourhood_or_its_wijk_counts_as_nearby(places):
    in_wijk = _task(place=places["other"])
    profile = _volunteer(home=places["far"])
    profile.neighbourhoods.set([places["wijk"]])

    match()

    # The reason names the wijk the volunteer chose, not the task's buurt.
    assert ["in_area", "Noorderpark"] in Suggestion.objects.get(task=in_wijk).reasons
    assert _suggested(profile) == [in_wijk.pk]


def test_vog_task_only_for_volunteers_with_a_valid_vog(places, cooking):
    task = _task(place=places["near"], skills=[cooking], requires_vog=True)
    without = _volunteer(home=places["near"], skills=[cooking])
    expired = _volunteer(
        home=places["near"],
        skills=[cooking],
        vog_date=timezone.localdate() - dt.timedelta(days=4000),
    )
    holder = _volunteer(
        home=places["near"],
        skills=[cooking],
        vog_date=timezone.localdate() - dt.timedelta(days=30),
    )

    match()

    assert _suggested(without) == []
    assert _suggested(expired) == []
    assert _suggested(holder) == [task.pk]
    assert ["vog", ""] in Suggestion.objects.get(volunteer=holder.user).reasons


def test_seen_vog_task_only_for_volunteers_whose_vog_an_organisation_saw(places, cooking):
    """The same rule as signing up: the own date is not enough, a seen VOG is."""
    task = _task(place=places["near"], skills=[cooking], requires_vog=True, requires_seen_vog=True)
    own_date = _volunteer(
        home=places["near"],
        skills=[cooking],
        vog_date=timezone.localdate() - dt.timedelta(days=30),
    )
    seen = _volunteer(home=places["near"], skills=[cooking])
    organisation = OrganisationFactory()
    member = UserFactory()
    organisation.members.add(member)
    vog_check_record(
        by=member,
        volunteer=seen.user,
        organisation=organisation,
        issued_on=timezone.localdate() - dt.timedelta(days=30),
    )

    match()

    assert _suggested(own_date) == []
    assert _suggested(seen) == [task.pk]
    assert ["vog", ""] in Suggestion.objects.get(volunteer=seen.user).reasons


def test_minimum_age_excludes_younger_and_unknown_ages(places, cooking):
    task = _task(place=places["near"], skills=[cooking], min_age=18)
    young = _volunteer(home=places["near"], skills=[cooking], birth_date=timezone.localdate())
    unknown = _volunteer(home=places["near"], skills=[cooking], birth_date=None)
    adult = _volunteer(home=places["near"], skills=[cooking])

    match()

    assert (_suggested(young), _suggested(unknown), _suggested(adult)) == ([], [], [task.pk])


def test_maximum_distance_is_a_hard_limit(places, cooking):
    near = _task(place=places["near"], skills=[cooking])
    far = _task(place=places["far"], skills=[cooking])
    limited = _volunteer(home=places["near"], skills=[cooking], max_distance_km=5)
    unlimited = _volunteer(home=places["near"], skills=[cooking])

    match()

    assert _suggested(limited) == [near.pk]
    assert set(_suggested(unlimited)) == {near.pk, far.pk}


def test_availability_prefers_the_task_whose_shift_fits(places):
    evening = _task(place=places["far"], hour=20)  # older, so first on a tie
    morning = _task(place=places["far"], hour=10)
    profile = _volunteer(home=None, interests=[Theme.CARE], availability=_morning_in(7))

    match()

    assert _suggested(profile) == [morning.pk, evening.pk]


def test_shift_masks_use_local_time():
    utc = dt.UTC
    # Monday 23:30 UTC in January is Tuesday 00:30 in Assen: Tuesday morning.
    start = dt.datetime(2026, 1, 5, 23, 30, tzinfo=utc)
    assert shift_mask(start, start + dt.timedelta(hours=1)) == Availability.bit(
        1, Availability.MORNING
    )


def test_keeps_only_the_top_k_per_volunteer(settings, places, cooking):
    settings.VOLUNTEER_SUGGESTIONS_PER_VOLUNTEER = 2
    skilled = [_task(place=places["near"], skills=[cooking]) for _ in range(2)]
    for _ in range(3):
        _task(place=places["far"])
    profile = _volunteer(home=places["near"], skills=[cooking], interests=[Theme.CARE])

    match()

    assert sorted(_suggested(profile)) == sorted(t.pk for t in skilled)


def test_closed_tasks_and_inactive_volunteers_get_no_suggestions(places, cooking):
    _task(place=places["near"], skills=[cooking], status="closed")
    _task(place=places["near"], skills=[cooking], days=-2)  # only a past shift
    profile = _volunteer(home=places["near"], skills=[cooking])
    gone = _volunteer(home=places["near"], skills=[cooking])
    gone.user.is_active = False
    gone.user.save(update_fields=["is_active"])
    open_task = _task(place=places["near"], skills=[cooking])

    match()

    assert _suggested(profile) == [open_task.pk]
    assert _suggested(gone) == []


def test_single_volunteer_rerun_touches_only_that_volunteer(places, cooking):
    _task(place=places["near"], skills=[cooking])
    first = _volunteer(home=places["near"], skills=[cooking])
    second = _volunteer(home=places["near"], skills=[cooking])
    match()
    before = list(
        Suggestion.objects.filter(volunteer=second.user).values_list("pk", "computed_at")
    )
    first.skills.clear()
    first.interests = []
    first.save()
    first.user.home_neighbourhood = None
    first.user.save()

    match(user_id=first.user_id)

    assert _suggested(first) == []
    assert before
    assert (
        list(Suggestion.objects.filter(volunteer=second.user).values_list("pk", "computed_at"))
        == before
    )


def test_notified_at_survives_for_pairs_that_stay(places, cooking):
    stays = _task(place=places["near"], skills=[cooking])
    profile = _volunteer(home=places["near"], skills=[cooking])
    match()
    moment = timezone.now() - dt.timedelta(days=3)
    Suggestion.objects.filter(task=stays).update(notified_at=moment)
    newer = _task(place=places["near"], skills=[cooking])

    match()

    assert Suggestion.objects.get(volunteer=profile.user, task=stays).notified_at == moment
    assert Suggestion.objects.get(volunteer=profile.user, task=newer).notified_at is None


def test_load_takes_the_same_number_of_queries_at_any_size(places, cooking):
    def run() -> int:
        with CaptureQueriesContext(connection) as queries:
            match()
        return len(queries)

    _task(place=places["near"], skills=[cooking])
    _volunteer(home=places["near"], skills=[cooking])
    small = run()
    for _ in range(3):
        _task(place=places["far"], skills=[cooking])
        _volunteer(home=places["other"], skills=[cooking], interests=[Theme.CARE])

    assert run() == small


def test_weekly_email_lists_new_suggestions_once(
    places, cooking, django_capture_on_commit_callbacks
):
    task = _task(place=places["near"], skills=[cooking])
    profile = _volunteer(home=places["near"], skills=[cooking])
    match()

    with django_capture_on_commit_callbacks(execute=True):
        assert suggestions_notify_weekly() == 1
    note = Notification.objects.get(kind=NEW_SUGGESTIONS.name)
    assert note.recipient == profile.user
    assert note.context["tasks"][0]["title"] == task.title
    assert len(mail.outbox) == 1
    assert task.title in mail.outbox[0].body
    assert Suggestion.objects.get(task=task).notified_at is not None

    _task(place=places["near"], skills=[cooking])
    match()
    assert suggestions_notify_weekly() == 0  # a new one, but within the same week
    later = timezone.now() + dt.timedelta(days=7)
    assert suggestions_notify_weekly(now=later) == 1
    assert suggestions_notify_weekly(now=later) == 0
    assert Notification.objects.filter(kind=NEW_SUGGESTIONS.name).count() == 2


@pytest.mark.parametrize(("language", "prefix", "worker"), [("en", "/en", "nl"), ("nl", "", "en")])
def test_weekly_email_links_the_tasks_in_the_readers_language(
    places, cooking, settings, django_capture_on_commit_callbacks, language, prefix, worker
):
    settings.SITE_URL = "https://mijnbuurt.example"
    task = _task(place=places["near"], skills=[cooking])
    profile = _volunteer(home=places["near"], skills=[cooking])
    profile.user.preferred_language = language
    profile.user.save(update_fields=["preferred_language"])
    match()

    with translation.override(worker), django_capture_on_commit_callbacks(execute=True):
        assert suggestions_notify_weekly() == 1

    with translation.override("nl"):
        url = settings.SITE_URL + prefix + reverse("volunteers:task", kwargs={"pk": task.pk})
    [email] = mail.outbox
    assert f"{task.title}: {url}" in email.body
    assert f'href="{url}"' in email.alternatives[0][0]
    if language == "nl":
        assert f"{settings.SITE_URL}/en/" not in email.body


def test_shift_reminder_is_sent_once_even_when_run_twice(django_capture_on_commit_callbacks):
    tomorrow = ShiftFactory(starts_at=in_days(1, 10))
    later = ShiftFactory(starts_at=in_days(2, 10))
    volunteer = VolunteerProfileFactory().user
    signup = SignUp.objects.create(
        shift=tomorrow, volunteer=volunteer, status=SignUp.Status.CONFIRMED
    )
    SignUp.objects.create(shift=later, volunteer=volunteer, status=SignUp.Status.CONFIRMED)
    cancelled = VolunteerProfileFactory().user
    SignUp.objects.create(shift=tomorrow, volunteer=cancelled, status=SignUp.Status.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        assert shift_reminders_send() == 1
    assert shift_reminders_send() == 0

    note = Notification.objects.get(kind=SHIFT_REMINDER.name)
    assert (note.recipient, note.context["signup_id"]) == (volunteer, signup.pk)
    assert len(mail.outbox) == 1
    assert tomorrow.task.title in mail.outbox[0].subject
