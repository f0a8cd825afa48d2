"""Organisers' pages: 404 for everyone else; posting, shifts, sign-ups, attendance, status."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Status, Theme
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory
from volunteers.models import Shift, SignUp, Task
from volunteers.services import shift_sign_up, signup_cancel
from volunteers.services.hours import signup_hours_log
from volunteers.services.vog import vog_check_record

from .factories import (
    ShiftFactory,
    TaskFactory,
    TaskKindFactory,
    shift_to_past,
    signup_in_the_past,
)

pytestmark = pytest.mark.django_db

PAGES = ["manage_task", "task_edit", "task_shifts"]


@pytest.fixture
def signup(shift):
    return shift_sign_up(shift=shift, volunteer=UserFactory(display_name="Vera"))


@pytest.mark.parametrize("name", PAGES)
def test_task_pages_are_404_for_non_organisers_and_open_to_organisers(
    client, task, outsider, name
):
    url = reverse(f"volunteers:{name}", args=[task.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(task.created_by)
    assert client.get(url).status_code == 200


def test_logged_out_visitors_are_sent_to_log_in(client, task):
    response = client.get(reverse("volunteers:manage_task", args=[task.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_every_action_is_404_for_an_outsider_and_changes_nothing(client, signup, outsider):
    task = signup.shift.task
    past = signup_in_the_past(shift=ShiftFactory(task=task))
    signup_hours_log(signup=past, by=past.volunteer, hours=Decimal("2"))
    client.force_login(outsider)
    posts = [
        (reverse("volunteers:task_status", args=[task.pk]), {"action": "close"}),
        (reverse("volunteers:task_edit", args=[task.pk]), {"title": "Gekaapt"}),
        (
            reverse("volunteers:task_shifts", args=[task.pk]),
            {"action": "remove", "shift": signup.shift_id},
        ),
        (reverse("volunteers:signup_attendance", args=[past.pk]), {"attended": "no"}),
        (reverse("volunteers:signup_hours_confirm", args=[past.pk]), {"hours": "2"}),
        (reverse("volunteers:signup_remove", args=[signup.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    task.refresh_from_db()
    signup.refresh_from_db()
    past.refresh_from_db()
    assert task.status == Task.Status.PUBLISHED
    assert task.title != "Gekaapt"
    assert signup.status == SignUp.Status.CONFIRMED
    assert (past.attended, past.hours_status) == (None, SignUp.Hours.LOGGED)


def test_my_tasks_lists_only_what_i_organise_with_counts(client, organiser):
    initiative = make_initiative(by=organiser, status=Status.PUBLISHED)
    mine = TaskFactory(initiative=initiative, title="Mijn taak")
    shift = ShiftFactory(task=mine, places=1)
    shift_sign_up(shift=shift, volunteer=UserFactory())
    shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)
    TaskFactory(title="Andermans taak")
    client.force_login(organiser)
    response = client.get(reverse("volunteers:my_tasks"))
    (row,) = response.context["page"].object_list
    assert row.title == "Mijn taak"
    assert (row.upcoming_shifts, row.confirmed_upcoming, row.waitlisted_upcoming) == (1, 1, 1)
    assert "Andermans taak" not in response.content.decode()


def grow(organiser, size: int) -> None:
    initiative = make_initiative(by=organiser, status=Status.PUBLISHED)
    organisation = OrganisationFactory()
    organisation.members.add(organiser)
    for n in range(2 * size):
        task = TaskFactory(
            initiative=None if n % 2 else initiative,
            organisation=organisation if n % 2 else None,
            created_by=UserFactory(),
        )
        for _ in range(size):
            shift = ShiftFactory(task=task, places=1)
            shift_sign_up(shift=shift, volunteer=UserFactory())
            shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)


@pytest.mark.parametrize("size", [1, 3])
def test_my_tasks_runs_a_fixed_number_of_queries(
    size, client, organiser, django_assert_num_queries
):
    grow(organiser, size)
    client.force_login(organiser)
    # session, user, unread count; count, tasks with their counts
    with django_assert_num_queries(5):
        response = client.get(reverse("volunteers:my_tasks"))
    assert len(response.context["page"].object_list) == 2 * size


@pytest.mark.parametrize("size", [1, 3])
def test_manage_page_runs_a_fixed_number_of_queries(
    size, client, organiser, django_assert_num_queries
):
    initiative = make_initiative(by=organiser, status=Status.PUBLISHED)
    task = TaskFactory(initiative=initiative, created_by=UserFactory())
    organisation = OrganisationFactory()
    organisation.members.add(organiser)
    seen_on = timezone.localdate() - dt.timedelta(days=30)
    for n in range(size):
        shift = ShiftFactory(task=task, places=size)
        for _ in range(size + 1):
            shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)
        past = ShiftFactory(task=task, places=size)
        for _ in range(size):
            volunteer = UserFactory()
            vog_check_record(
                by=organiser, volunteer=volunteer, organisation=organisation, issued_on=seen_on
            )
            shift_sign_up(shift=past, volunteer=volunteer)
        shift_to_past(past, days_ago=2 + n)
    client.force_login(organiser)
    # session, user, unread count; task, organiser?, skills, shifts, sign-ups, the
    # volunteers' VOGs seen; my approved organisations ("VOG gezien"); hours outside shifts
    with django_assert_num_queries(11):
        response = client.get(reverse("volunteers:manage_task", args=[task.pk]))
    assert len(response.context["coming"]) == size
    assert len(response.context["past"]) == size
    assert response.content.decode().count(organisation.name) == size * size


def test_manage_page_shows_sign_ups_contact_and_waiting_list_in_order(client, shift):
    shift.places = 1
    shift.save()
    vera = UserFactory(display_name="Vera", email="vera@example.org")
    shift_sign_up(shift=shift, volunteer=vera)
    first = UserFactory(display_name="Wim")
    second = UserFactory(display_name="Xandra")
    shift_sign_up(shift=shift, volunteer=first, join_waitlist=True)
    shift_sign_up(shift=shift, volunteer=second, join_waitlist=True)
    gone = shift_sign_up(
        shift=shift, volunteer=UserFactory(display_name="Yusuf"), join_waitlist=True
    )
    signup_cancel(signup=gone, by=gone.volunteer)
    client.force_login(shift.task.created_by)
    response = client.get(reverse("volunteers:manage_task", args=[shift.task.pk]))
    page = response.content.decode()
    assert "mailto:vera@example.org" in page
    assert "mailto:" + first.email not in page  # only confirmed volunteers get a link
    assert page.index("Wim") < page.index("Xandra") < page.index("<details")
    assert page.index("<details") < page.index("Yusuf")  # cancelled: folded away


def test_organiser_removes_a_volunteer_who_is_told_and_the_next_moves_up(client, shift):
    shift.places = 1
    shift.save()
    taken = shift_sign_up(shift=shift, volunteer=UserFactory())
    waiting = shift_sign_up(shift=shift, volunteer=UserFactory(), join_waitlist=True)
    client.force_login(shift.task.created_by)
    response = client.post(reverse("volunteers:signup_remove", args=[taken.pk]))
    assert response.status_code == 302
    taken.refresh_from_db()
    waiting.refresh_from_db()
    assert taken.status == SignUp.Status.CANCELLED
    assert waiting.status == SignUp.Status.CONFIRMED
    assert Notification.objects.filter(
        recipient=taken.volunteer, kind="volunteer_signup_cancelled"
    ).exists()


def test_organiser_marks_attendance_and_confirms_hours_on_the_page(client):
    signup = signup_in_the_past()
    signup_hours_log(signup=signup, by=signup.volunteer, hours=Decimal("2"))
    organiser = signup.shift.task.created_by
    client.force_login(organiser)
    url = reverse("volunteers:signup_hours_confirm", args=[signup.pk])
    assert client.post(url, {"hours": "1.5"}).status_code == 302
    signup.refresh_from_db()
    assert (signup.hours, signup.hours_status, signup.attended) == (
        Decimal("1.50"),
        SignUp.Hours.CORRECTED,
        True,
    )
    bad = client.post(url, {"hours": "25"}, follow=True)
    assert bad.status_code == 200
    signup.refresh_from_db()
    assert signup.hours == Decimal("1.50")

    absent = client.post(
        reverse("volunteers:signup_attendance", args=[signup.pk]), {"attended": "no"}
    )
    assert absent.status_code == 302
    signup.refresh_from_db()
    assert (signup.attended, signup.hours) == (False, None)


@pytest.fixture
def running(organiser):
    return make_initiative(by=organiser, status=Status.PUBLISHED)


def task_data(kind, **overrides) -> dict:
    return {
        "title": "Boodschappen doen",
        "description": "Samen boodschappen doen met buren die slecht ter been zijn.",
        "kind": kind.pk,
        "theme": Theme.CARE,
        "neighbourhood": BuurtFactory().pk,
        "cancellation_hours": "24",
        "location_address": "",
        "location_latitude": "",
        "location_longitude": "",
        **overrides,
    }


def test_new_task_asks_for_whom_and_refuses_someone_elses_initiative(
    client, running, organiser, outsider
):
    client.force_login(organiser)
    choose = client.get(reverse("volunteers:task_new"))
    assert f"?initiative={running.pk}" in choose.content.decode()
    form = client.get(reverse("volunteers:task_new"), {"initiative": running.pk})
    assert form.status_code == 200
    assert form.context["form"].initial["neighbourhood"] == running.neighbourhood_id

    client.force_login(outsider)
    url = reverse("volunteers:task_new") + f"?initiative={running.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, task_data(TaskKindFactory())).status_code == 404
    assert client.get(reverse("volunteers:task_new") + "?initiative=x").status_code == 404
    assert not Task.objects.exists()


def test_organiser_posts_a_task_adds_shifts_and_publishes(client, running, organiser):
    client.force_login(organiser)
    kind = TaskKindFactory()
    url = reverse("volunteers:task_new") + f"?initiative={running.pk}"
    response = client.post(
        url, task_data(kind, min_age="16", location_latitude="52.99", location_longitude="6.56")
    )
    task = Task.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:task_shifts", args=[task.pk])
    assert (task.status, task.min_age, task.latitude) == (Task.Status.DRAFT, 16, 52.99)

    status_url = reverse("volunteers:task_status", args=[task.pk])
    refused = client.post(status_url, {"action": "publish"}, follow=True)
    messages = [str(m) for m in refused.context["messages"]]
    assert any("minstens één dienst in de toekomst" in m for m in messages)
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT

    day = timezone.localdate() + dt.timedelta(days=5)
    shifts_url = reverse("volunteers:task_shifts", args=[task.pk])
    added = client.post(
        shifts_url,
        {
            "action": "add",
            "shift-date": day.isoformat(),
            "shift-start": "10:00",
            "shift-end": "12:00",
            "shift-places": "3",
        },
    )
    assert added.status_code == 302
    series = client.post(
        shifts_url,
        {
            "action": "series",
            "series-every_weeks": "2",
            "series-weekday": "4",
            "series-first_date": day.isoformat(),
            "series-start": "19:00",
            "series-end": "21:00",
            "series-places": "2",
            "series-occurrences": "4",
        },
    )
    assert series.status_code == 302
    assert task.shifts.count() == 5
    client.post(status_url, {"action": "publish"})
    task.refresh_from_db()
    assert task.status == Task.Status.PUBLISHED
    assert task.is_recurring


def test_the_form_refuses_a_professional_only_kind_and_says_why(client, running, organiser):
    care = TaskKindFactory(
        name="Schuldhulpverlening",
        professional_only=True,
        explanation="Verwijs naar de schuldhulp van de gemeente.",
    )
    client.force_login(organiser)
    url = reverse("volunteers:task_new") + f"?initiative={running.pk}"
    listed = client.get(url).content.decode()
    assert "Schuldhulpverlening (" in listed  # listed, and marked
    response = client.post(url, task_data(care))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Verwijs naar de schuldhulp van de gemeente." in page
    assert not Task.objects.exists()


def test_publishing_a_professional_only_task_is_refused_with_the_explanation(client, shift):
    task = shift.task
    Task.objects.filter(pk=task.pk).update(status=Task.Status.DRAFT)
    task.kind.professional_only = True
    task.kind.explanation = "Dit doet de wijkverpleging."
    task.kind.save()
    client.force_login(task.created_by)
    response = client.post(
        reverse("volunteers:task_status", args=[task.pk]), {"action": "publish"}, follow=True
    )
    assert "Dit doet de wijkverpleging." in response.content.decode()
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT


def test_shifts_page_refuses_fewer_places_than_confirmed_with_a_message(client, signup):
    shift = signup.shift
    shift_sign_up(shift=shift, volunteer=UserFactory())
    url = reverse("volunteers:task_shifts", args=[shift.task.pk])
    client.force_login(shift.task.created_by)
    for places in ("1", "0", "veel"):
        response = client.post(
            url, {"action": "places", "shift": shift.pk, "places": places}, follow=True
        )
        assert response.status_code == 200
        assert len(list(response.context["messages"])) == 1
    shift.refresh_from_db()
    assert shift.places == 5
    response = client.post(
        url, {"action": "places", "shift": shift.pk, "places": "1"}, follow=True
    )
    (message,) = [str(m) for m in response.context["messages"]]
    assert "2" in message
    client.post(url, {"action": "places", "shift": shift.pk, "places": "2"})
    shift.refresh_from_db()
    assert shift.places == 2


def test_a_shift_of_another_task_cannot_be_removed_through_mine(client, task):
    foreign = ShiftFactory()
    client.force_login(task.created_by)
    response = client.post(
        reverse("volunteers:task_shifts", args=[task.pk]),
        {"action": "remove", "shift": foreign.pk},
    )
    assert response.status_code == 404
    assert Shift.objects.filter(pk=foreign.pk).exists()


def test_closing_says_nothing_is_cancelled(client, signup):
    task = signup.shift.task
    client.force_login(task.created_by)
    response = client.post(
        reverse("volunteers:task_status", args=[task.pk]), {"action": "close"}, follow=True
    )
    task.refresh_from_db()
    signup.refresh_from_db()
    assert task.status == Task.Status.CLOSED
    assert signup.status == SignUp.Status.CONFIRMED
    assert len(list(response.context["messages"])) == 1


def test_initiative_page_shows_open_tasks_and_a_post_link_for_organisers(
    client, organiser, outsider
):
    initiative = make_initiative(by=organiser, status=Status.PUBLISHED)
    open_task = TaskFactory(initiative=initiative, title="Open taak")
    ShiftFactory(task=open_task)
    draft = TaskFactory(initiative=initiative, title="Concepttaak", status=Task.Status.DRAFT)
    ShiftFactory(task=draft)
    url = reverse("initiatives:detail", args=[initiative.pk])
    new_task = reverse("volunteers:task_new") + f"?initiative={initiative.pk}"

    client.force_login(outsider)
    page = client.get(url).content.decode()
    assert "Open taak" in page
    assert "Concepttaak" not in page
    assert new_task not in page

    client.force_login(organiser)
    assert new_task in client.get(url).content.decode()


def test_members_post_for_their_approved_organisation_only(client, resident, outsider):
    organisation = OrganisationFactory(name="Buurtvereniging Noord")
    organisation.members.add(resident)
    url = reverse("volunteers:task_new") + f"?organisation={organisation.pk}"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(resident)
    assert "Buurtvereniging Noord" in client.get(reverse("volunteers:task_new")).content.decode()
    response = client.post(url, task_data(TaskKindFactory()))
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.organisation, task.initiative, task.created_by) == (organisation, None, resident)
