"""The volunteer side: find tasks, a task's page, signing up and cancelling, my agenda."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from initiatives.models import Theme
from mijnbuurt.notifications.emails import notification_email
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory
from volunteers.kinds import NEW_SIGNUP, SHIFT_PROMOTED, SIGNUP_CANCELLED
from volunteers.models import AgendaFeed, SignUp, Suggestion, Task
from volunteers.services import shift_sign_up, signup_cancel

from .factories import ShiftFactory, SkillFactory, TaskFactory, VolunteerProfileFactory, in_days

pytestmark = pytest.mark.django_db

LIST = reverse("volunteers:list")
# count, one page of tasks (with next shift and free places), neighbourhood and skill choices
LIST_QUERIES = 4
# session, user, task (+kind, neighbourhood, initiative, organisation), skills, shifts with
# counts, my sign-ups, "may manage" (the initiative's organisers), unread notifications
DETAIL_QUERIES = 8
# session, user, feed token, upcoming (with waiting-list places), past shifts, unread count
AGENDA_QUERIES = 6


def card_count(response) -> int:
    return response.content.decode().count('class="mb-card mb-task"')


def make_tasks(n: int, **fields) -> list[Task]:
    """``n`` open tasks of one initiative, each with two upcoming shifts."""
    buurt = fields.pop("neighbourhood", None) or BuurtFactory()
    initiative = make_initiative(neighbourhood=buurt, status="published")
    tasks = []
    for number in range(n):
        task = TaskFactory(initiative=initiative, neighbourhood=buurt, **fields)
        ShiftFactory(task=task, starts_at=in_days(3 + number % 5))
        ShiftFactory(task=task, starts_at=in_days(10 + number % 5), places=2)
        tasks.append(task)
    return tasks


# Find tasks ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2, 12])
def test_list_query_count_is_fixed(client, django_assert_num_queries, size):
    make_tasks(size)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    assert response.status_code == 200
    assert card_count(response) == size


def test_list_shows_only_open_tasks_with_next_shift_and_free_places(client):
    (task,) = make_tasks(1)
    shift = task.shifts.first()
    shift_sign_up(shift=shift, volunteer=UserFactory())
    TaskFactory(title="Concepttaak", status=Task.Status.DRAFT)
    ShiftFactory(task__title="Voorbij", starts_at=in_days(-2))
    ShiftFactory(task__title="Gesloten", task__status=Task.Status.CLOSED)
    response = client.get(LIST)
    html = response.content.decode()
    assert card_count(response) == 1
    (row,) = response.context["page"].object_list
    assert row == task
    assert "Concepttaak" not in html
    assert row.next_shift_at == shift.starts_at
    assert row.free_places == 5 + 2 - 1
    assert task.initiative.title in html


def test_list_filters(client):
    wijk_buurt = BuurtFactory()
    other_buurt = BuurtFactory()
    cooking = SkillFactory(slug="koken")
    by_wijk = make_tasks(1, neighbourhood=wijk_buurt, title="Koken in de wijk")[0]
    by_wijk.skills.set([cooking])
    elsewhere = make_tasks(
        1,
        neighbourhood=other_buurt,
        title="Zorg met VOG",
        theme=Theme.CARE,
        requires_vog=True,
        is_recurring=True,
        description="Wekelijks koffie schenken",
    )[0]
    later = make_tasks(1, neighbourhood=other_buurt, title="Later")[0]
    later.shifts.all().delete()
    ShiftFactory(task=later, starts_at=in_days(40))

    def titles(**params):
        response = client.get(LIST, params)
        assert response.status_code == 200
        return {task.title for task in response.context["page"].object_list}

    everything = {by_wijk.title, elsewhere.title, later.title}
    assert titles() == everything
    assert titles(neighbourhood=wijk_buurt.wijk.slug) == {by_wijk.title}  # wijk has its buurten
    assert titles(neighbourhood=wijk_buurt.slug) == {by_wijk.title}
    assert titles(theme=Theme.CARE) == {elsewhere.title}
    assert titles(skill="koken") == {by_wijk.title}
    assert titles(recurrence="recurring") == {elsewhere.title}
    assert titles(recurrence="once") == {by_wijk.title, later.title}
    assert titles(without_vog="on") == {by_wijk.title, later.title}
    assert titles(q="koffie") == {elsewhere.title}
    start = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    assert titles(date_from=start) == {later.title}
    assert titles(date_to=start) == {by_wijk.title, elsewhere.title}
    # Bad input is ignored field by field, never a 500.
    assert titles(date_from="gisteren", theme="nonsense", pagina="x") == everything


def test_list_is_paginated(client):
    make_tasks(21)
    first = client.get(LIST)
    second = client.get(LIST, {"pagina": 2})
    assert card_count(first) == 20
    assert card_count(second) == 1
    assert 'rel="next"' in first.content.decode()


def test_suggested_block_shows_reasons_for_a_volunteer_only(client, resident, outsider):
    (task,) = make_tasks(1, title="Buurtmoestuin")
    VolunteerProfileFactory(user=resident)
    Suggestion.objects.create(
        volunteer=resident,
        task=task,
        score=0.9,
        reasons=[["skill", "Tuinieren"]],
        computed_at=timezone.now(),
    )
    client.force_login(resident)
    html = client.get(LIST).content.decode()
    assert 'id="suggested"' in html
    assert "Tuinieren" in html
    client.force_login(outsider)
    assert 'id="suggested"' not in client.get(LIST).content.decode()


def test_map_layer_and_neighbourhood_section_list_open_tasks(client):
    (task,) = make_tasks(1, latitude=52.99, longitude=6.55, title="Zwerfvuil rapen")
    TaskFactory(status=Task.Status.DRAFT, latitude=52.9, longitude=6.5)
    layer = client.get(reverse("neighbourhoods:layer", kwargs={"layer": "vrijwilligerswerk"}))
    features = layer.json()["features"]
    assert [f["id"] for f in features] == [task.pk]
    assert features[0]["properties"]["url"] == reverse("volunteers:task", kwargs={"pk": task.pk})
    wijk = task.neighbourhood.wijk
    page = client.get(reverse("neighbourhoods:detail", kwargs={"slug": wijk.slug}))
    assert "Zwerfvuil rapen" in page.content.decode()


# A task's page -------------------------------------------------------------------------


@pytest.mark.parametrize("shifts", [1, 6])
def test_detail_query_count_is_fixed(client, resident, django_assert_num_queries, shifts):
    (task,) = make_tasks(1)
    task.skills.set([SkillFactory(), SkillFactory()])
    for n in range(shifts):
        shift = ShiftFactory(task=task, starts_at=in_days(20 + n))
        shift_sign_up(shift=shift, volunteer=UserFactory())
        if n % 2:
            shift_sign_up(shift=shift, volunteer=resident)
    client.force_login(resident)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("volunteers:task", kwargs={"pk": task.pk}))
    assert response.status_code == 200
    assert len(response.context["rows"]) == shifts + 2


def test_draft_task_is_404_for_outsiders_and_open_to_its_organiser(client, outsider):
    task = TaskFactory(status=Task.Status.DRAFT)
    url = reverse("volunteers:task", kwargs={"pk": task.pk})
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(task.created_by)
    response = client.get(url)
    assert response.status_code == 200
    assert reverse("volunteers:manage_task", kwargs={"pk": task.pk}) in response.content.decode()


def test_anonymous_visitor_sees_a_login_link_and_no_buttons(client, shift):
    html = client.get(reverse("volunteers:task", kwargs={"pk": shift.task_id})).content.decode()
    assert reverse("account_login") in html
    assert reverse("volunteers:shift_sign_up", kwargs={"pk": shift.pk}) not in html
    assert reverse("volunteers:manage_task", kwargs={"pk": shift.task_id}) not in html


def test_sign_up_waitlist_and_cancel_through_the_pages(client, resident, outsider, shift):
    shift.places = 1
    shift.save()
    task_url = reverse("volunteers:task", kwargs={"pk": shift.task_id})
    sign_up_url = reverse("volunteers:shift_sign_up", kwargs={"pk": shift.pk})
    assert client.post(sign_up_url).status_code == 302  # anonymous: to the login page
    assert not SignUp.objects.exists()

    client.force_login(resident)
    assert client.get(sign_up_url).status_code == 405
    response = client.post(sign_up_url, follow=True)
    assert response.redirect_chain[-1][0] == task_url
    mine = SignUp.objects.get(volunteer=resident)
    assert mine.status == SignUp.Status.CONFIRMED
    cancel_url = reverse("volunteers:signup_cancel", kwargs={"pk": mine.pk})
    assert cancel_url in response.content.decode()

    client.force_login(outsider)
    html = client.get(task_url).content.decode()
    assert 'name="join_waitlist" value="1"' in html  # the shift is full
    refused = client.post(sign_up_url, follow=True)
    assert [m.level_tag for m in refused.context["messages"]] == ["error"]
    assert not SignUp.objects.filter(volunteer=outsider).exists()
    client.post(sign_up_url, {"join_waitlist": "1"})
    waiting = SignUp.objects.get(volunteer=outsider)
    assert waiting.status == SignUp.Status.WAITLISTED

    assert client.post(cancel_url).status_code == 404  # someone else's sign-up
    mine.refresh_from_db()
    assert mine.status == SignUp.Status.CONFIRMED

    client.force_login(resident)
    client.post(cancel_url)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == SignUp.Status.CANCELLED
    assert waiting.status == SignUp.Status.CONFIRMED  # promoted


def test_cancelling_after_the_deadline_is_refused_with_a_message(client, resident):
    shift = ShiftFactory(starts_at=timezone.now() + dt.timedelta(hours=3))
    signup = shift_sign_up(shift=shift, volunteer=resident)
    client.force_login(resident)
    html = client.get(reverse("volunteers:task", kwargs={"pk": shift.task_id})).content.decode()
    cancel_url = reverse("volunteers:signup_cancel", kwargs={"pk": signup.pk})
    assert cancel_url not in html
    response = client.post(cancel_url, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CONFIRMED


# My agenda -----------------------------------------------------------------------------


def test_agenda_needs_login(client):
    response = client.get(reverse("volunteers:agenda"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("size", [1, 5])
def test_agenda_query_count_is_fixed(client, resident, django_assert_num_queries, size):
    for n in range(size):
        shift_sign_up(shift=ShiftFactory(starts_at=in_days(2 + n)), volunteer=resident)
        full = ShiftFactory(starts_at=in_days(2 + n, hour=16), places=1)
        shift_sign_up(shift=full, volunteer=UserFactory())
        shift_sign_up(shift=full, volunteer=resident, join_waitlist=True)
        past = ShiftFactory(starts_at=in_days(-3 - n))
        SignUp.objects.create(shift=past, volunteer=resident, status=SignUp.Status.CONFIRMED)
    client.force_login(resident)
    client.get(reverse("volunteers:agenda"))  # the first visit makes the calendar address
    with django_assert_num_queries(AGENDA_QUERIES):
        response = client.get(reverse("volunteers:agenda"))
    assert len(response.context["upcoming"]) == 2 * size
    assert len(response.context["past"]) == size


def test_agenda_shows_waiting_list_position_and_hours_link(client, resident):
    full = ShiftFactory(places=1)
    shift_sign_up(shift=full, volunteer=UserFactory())
    shift_sign_up(shift=full, volunteer=UserFactory(), join_waitlist=True)
    shift_sign_up(shift=full, volunteer=resident, join_waitlist=True)
    past = SignUp.objects.create(
        shift=ShiftFactory(starts_at=in_days(-5)),
        volunteer=resident,
        status=SignUp.Status.CONFIRMED,
    )
    client.force_login(resident)
    response = client.get(reverse("volunteers:agenda"))
    ((signup, may_cancel),) = response.context["upcoming"]
    assert signup.position == 2
    assert may_cancel is True
    html = response.content.decode()
    assert reverse("volunteers:signup_hours", kwargs={"pk": past.pk}) in html
    assert reverse("volunteers:signup_cancel", kwargs={"pk": signup.pk}) in html


def test_ical_feed_holds_only_confirmed_shifts_and_renewing_retires_the_address(client, resident):
    confirmed = ShiftFactory(task__title="Koffie schenken")
    shift_sign_up(shift=confirmed, volunteer=resident)
    full = ShiftFactory(task__title="Volle dienst", places=1, starts_at=in_days(9))
    shift_sign_up(shift=full, volunteer=UserFactory())
    shift_sign_up(shift=full, volunteer=resident, join_waitlist=True)
    cancelled = shift_sign_up(
        shift=ShiftFactory(task__title="Afgemeld", starts_at=in_days(12)), volunteer=resident
    )
    signup_cancel(signup=cancelled, by=resident)
    client.force_login(resident)
    feed_url = client.get(reverse("volunteers:agenda")).context["feed_url"]
    client.logout()

    response = client.get(feed_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Koffie schenken"]
    assert events[0].decoded("dtstart") == confirmed.starts_at

    client.force_login(resident)
    assert client.get(reverse("volunteers:agenda_calendar_renew")).status_code == 405
    client.post(reverse("volunteers:agenda_calendar_renew"))
    assert client.get(feed_url).status_code == 404
    token = AgendaFeed.objects.get(user=resident).token
    assert (
        client.get(reverse("volunteers:agenda_calendar", kwargs={"token": token})).status_code
        == 200
    )


def test_ical_feed_of_an_unknown_token_is_404(client):
    url = reverse("volunteers:agenda_calendar", kwargs={"token": "geraden"})
    assert client.get(url).status_code == 404


# E-mails -------------------------------------------------------------------------------


def test_every_volunteer_email_renders_with_the_task_and_time(resident, organiser):
    shift = ShiftFactory(task__title="Voedselbank", places=1)
    taken = shift_sign_up(shift=shift, volunteer=resident)
    shift_sign_up(shift=shift, volunteer=organiser, join_waitlist=True)
    signup_cancel(signup=taken, by=resident)  # organiser moves up
    moved_up = SignUp.objects.get(volunteer=organiser)
    signup_cancel(signup=moved_up, by=shift.task.created_by, as_organiser=True)
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {NEW_SIGNUP.name, SHIFT_PROMOTED.name, SIGNUP_CANCELLED.name} <= kinds
    for notification in Notification.objects.filter(
        kind__in=[NEW_SIGNUP.name, SHIFT_PROMOTED.name, SIGNUP_CANCELLED.name]
    ):
        message = notification_email(notification)
        assert "Voedselbank" in message.subject
        assert "Voedselbank" in message.body
        assert "Voedselbank" in message.alternatives[0][0]
        assert "{%" not in message.body


def test_cancel_from_the_agenda_returns_there_but_never_off_site(client, resident):
    first = shift_sign_up(shift=ShiftFactory(), volunteer=resident)
    second = shift_sign_up(shift=ShiftFactory(starts_at=in_days(9)), volunteer=resident)
    client.force_login(resident)
    agenda_url = reverse("volunteers:agenda")
    response = client.post(
        reverse("volunteers:signup_cancel", kwargs={"pk": first.pk}), {"next": agenda_url}
    )
    assert response["Location"] == agenda_url
    response = client.post(
        reverse("volunteers:signup_cancel", kwargs={"pk": second.pk}),
        {"next": "https://example.com/"},
    )
    assert response["Location"] == reverse("volunteers:task", kwargs={"pk": second.shift.task_id})
