"""Hours outside scheduled shifts: a volunteer logs them for a task they signed up for,
an organiser of the task confirms or rejects them, and confirmed ones count like shift
hours in the totals and on the certificate."""

import datetime as dt
from decimal import Decimal
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.emails import notification_email
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import OrganisationFactory
from volunteers.models import OffShiftHours
from volunteers.selectors.hours import hours_per_month, hours_per_owner, hours_years
from volunteers.services import shift_sign_up
from volunteers.services.off_shift import off_shift_hours_decide, off_shift_hours_log

from .factories import OffShiftHoursFactory, ShiftFactory, TaskFactory, signup_in_the_past
from .test_hours import confirmed

pytestmark = pytest.mark.django_db

LOG = reverse("volunteers:off_shift_log")
TODAY = timezone.localdate


def days_ago(days: int) -> dt.date:
    return TODAY() - dt.timedelta(days=days)


@pytest.fixture
def task(resident):
    """A task of an organisation with a shift the resident took."""
    organisation = OrganisationFactory(name="Buurthuis De Bron")
    member = UserFactory(display_name="Olga")
    organisation.members.add(member)
    task = TaskFactory(
        title="Buurtkamer", initiative=None, organisation=organisation, created_by=member
    )
    signup_in_the_past(shift=ShiftFactory(task=task), volunteer=resident, days_ago=10)
    return task


def log(resident, task, **changes):
    data = {
        "volunteer": resident,
        "task": task,
        "date": days_ago(2),
        "hours": Decimal("2.5"),
        "description": "Koffie gezet en opgeruimd",
    } | changes
    return off_shift_hours_log(**data)


def post(client, for_task, **changes):
    data = {
        "task": for_task.pk,
        "date": days_ago(2).isoformat(),
        "hours": "2,5",
        "description": "Flyers rondgebracht",
    } | changes
    return client.post(LOG, data)


def test_volunteer_logs_hours_outside_a_shift_with_a_decimal_comma(client, resident, task):
    client.force_login(resident)
    form = client.get(LOG)
    assert form.status_code == 200
    assert "Buurtkamer (Buurthuis De Bron)" in form.content.decode()

    response = post(client, task)
    assert response.status_code == 302
    entry = OffShiftHours.objects.get()
    assert (entry.task, entry.volunteer, entry.date) == (task, resident, days_ago(2))
    assert (entry.hours, entry.status) == (Decimal("2.50"), OffShiftHours.Status.LOGGED)
    page = client.get(reverse("volunteers:my_hours")).content.decode()
    assert "Flyers rondgebracht" in page
    assert "2,5" in page


@pytest.mark.parametrize(
    "changes",
    [
        {"date": days_ago(-1).isoformat()},  # tomorrow
        {"date": days_ago(91).isoformat()},  # too long ago
        {"date": "gisteren"},
        {"hours": "0"},
        {"hours": "12,5"},  # more than a day outside shifts
        {"hours": "2,555"},
        {"hours": "veel"},
        {"description": ""},
        {"description": "x" * 201},
        {"task": "999999"},
    ],
)
def test_bad_input_is_explained_and_changes_nothing(client, resident, task, changes):
    client.force_login(resident)
    with translation.override("en"):
        response = post(client, task, **changes)
    assert response.status_code == 200
    errors = [error for field in response.context["form"].errors.values() for error in field]
    assert errors
    page = response.content.decode()
    assert all(escape(error) in page for error in errors)  # shown, in words
    assert not OffShiftHours.objects.exists()


def test_only_tasks_with_a_confirmed_sign_up_can_be_chosen(client, resident, task):
    other_task = TaskFactory()  # the resident never signed up for it
    client.force_login(resident)
    response = post(client, other_task)
    assert response.status_code == 200
    assert "task" in response.context["form"].errors
    with pytest.raises(ServiceError) as refused:
        log(resident, other_task)
    assert refused.value.code == "forbidden"

    # A cancelled sign-up or a waiting list is not volunteering there.
    shift = ShiftFactory(task=other_task, places=1)
    shift_sign_up(shift=shift, volunteer=UserFactory())
    waiting = shift_sign_up(shift=shift, volunteer=resident, join_waitlist=True)
    assert waiting.status == "waitlisted"
    with pytest.raises(ServiceError):
        log(resident, other_task)
    assert not OffShiftHours.objects.exists()


def test_without_tasks_the_page_says_where_to_start(client, outsider):
    client.force_login(outsider)
    response = client.get(LOG)
    assert response.status_code == 200
    assert not response.context["has_tasks"]
    assert reverse("volunteers:list") in response.content.decode()


def test_a_day_holds_at_most_twelve_hours_outside_shifts(resident, task):
    first = log(resident, task, hours=Decimal("8"))
    with pytest.raises(ServiceError) as refused:
        log(resident, task, hours=Decimal("5"))
    assert refused.value.code == "day_full"
    log(resident, task, hours=Decimal("4"))
    log(resident, task, hours=Decimal("3"), date=days_ago(3))  # another day
    # Rejected hours leave room for others.
    off_shift_hours_decide(entry=first, by=task.created_by, confirm=False)
    log(resident, task, hours=Decimal("5"))
    assert OffShiftHours.objects.count() == 4


def test_organiser_confirms_once_and_the_volunteer_is_told(resident, task):
    entry = log(resident, task)
    off_shift_hours_decide(entry=entry, by=task.created_by, confirm=True)
    entry.refresh_from_db()
    assert (entry.status, entry.decided_by) == (OffShiftHours.Status.CONFIRMED, task.created_by)
    note = Notification.objects.get(recipient=resident, kind="volunteer_hours_confirmed")
    assert note.link == reverse("volunteers:my_hours")
    assert note.context["off_shift"] is True
    resident.preferred_language = "en"
    resident.save(update_fields=["preferred_language"])
    email = notification_email(note)
    assert email.subject.endswith("Your hours for Buurtkamer have been confirmed")
    assert "the 2.50 hours you logged outside a shift" in email.body

    # Confirming again changes nothing and tells no one; rejecting now is refused.
    off_shift_hours_decide(entry=entry, by=task.created_by, confirm=True)
    with pytest.raises(ServiceError) as refused:
        off_shift_hours_decide(entry=entry, by=task.created_by, confirm=False)
    assert refused.value.code == "already_decided"
    assert Notification.objects.filter(recipient=resident).count() == 1


def test_organiser_rejects_and_the_volunteer_is_told(resident, task):
    entry = log(resident, task)
    off_shift_hours_decide(entry=entry, by=task.created_by, confirm=False)
    entry.refresh_from_db()
    assert entry.status == OffShiftHours.Status.REJECTED
    note = Notification.objects.get(recipient=resident)
    assert note.context["rejected"] is True
    resident.preferred_language = "en"
    resident.save(update_fields=["preferred_language"])
    assert notification_email(note).subject.endswith(
        "Your hours for Buurtkamer have not been confirmed"
    )
    assert hours_per_month(resident) == []


def test_nobody_confirms_their_own_hours(resident, task):
    task.organisation.members.add(resident)
    entry = log(resident, task)
    with pytest.raises(ServiceError) as refused:
        off_shift_hours_decide(entry=entry, by=resident, confirm=True)
    assert refused.value.code == "own_hours"
    entry.refresh_from_db()
    assert entry.status == OffShiftHours.Status.LOGGED


def test_confirmed_hours_count_with_shift_hours(client, resident, task):
    confirmed(resident, task=task, days_ago=10, hours="3")
    both = log(resident, task, date=days_ago(10), hours=Decimal("1.5"))
    alone = log(resident, task, date=days_ago(80), hours=Decimal("2"))
    pending = log(resident, task, date=days_ago(1), hours=Decimal("6"))
    for entry in (both, alone):
        off_shift_hours_decide(entry=entry, by=task.created_by, confirm=True)

    months = {row["month"]: (row["total"], row["shifts"]) for row in hours_per_month(resident)}
    ten, eighty = days_ago(10).replace(day=1), days_ago(80).replace(day=1)
    if ten == eighty:
        assert months == {ten: (Decimal("6.5"), 1)}
    else:
        assert months == {ten: (Decimal("4.5"), 1), eighty: (Decimal("2"), 0)}
    [owner] = hours_per_owner(resident)
    assert (owner["organisation_name"], owner["total"], owner["shifts"]) == (
        "Buurthuis De Bron",
        Decimal("6.5"),
        1,
    )
    assert set(hours_years(resident)) == {days_ago(10).year, days_ago(80).year}

    client.force_login(resident)
    page = client.get(reverse("volunteers:my_hours"))
    assert page.context["total"] == Decimal("6.5")  # the pending 6 hours do not count
    assert pending.pk in [entry.pk for entry in page.context["off_shift"]]
    year = days_ago(80).year
    certificate = client.get(reverse("volunteers:certificate"), {"year": year})
    rows = {row["task_title"]: row["total"] for row in certificate.context["rows"]}
    expected = sum(
        (Decimal(h) for day, h in ((10, "4.5"), (80, "2")) if days_ago(day).year == year),
        Decimal(0),
    )
    assert rows == {"Buurtkamer": expected}


def test_the_organiser_sees_and_confirms_them_on_the_task_page(client, resident, task):
    entry = log(resident, task)
    client.force_login(task.created_by)
    tasks = client.get(reverse("volunteers:my_tasks"))
    assert [t.hours_to_confirm for t in tasks.context["page"]] == [1]
    manage = client.get(reverse("volunteers:manage_task", args=[task.pk]))
    page = manage.content.decode()
    assert "Koffie gezet en opgeruimd" in page
    assert reverse("volunteers:off_shift_decide", args=[entry.pk]) in page

    url = reverse("volunteers:off_shift_decide", args=[entry.pk])
    assert client.post(url, {"decision": "maybe"}).status_code == 302
    entry.refresh_from_db()
    assert entry.status == OffShiftHours.Status.LOGGED  # a wrong choice changes nothing
    response = client.post(url, {"decision": "confirm"})
    assert response.status_code == 302
    assert response.url.endswith("#off-shift")
    entry.refresh_from_db()
    assert entry.status == OffShiftHours.Status.CONFIRMED
    tasks = client.get(reverse("volunteers:my_tasks"))
    assert [t.hours_to_confirm for t in tasks.context["page"]] == [0]


# --- Who may do what ---------------------------------------------------------------


@pytest.fixture
def other_organiser(db):
    organisation = OrganisationFactory(name="Sportclub")
    member = UserFactory(display_name="Sam")
    organisation.members.add(member)
    return member


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("organiser_of_task", 302),
        ("volunteer_self", 404),
        ("other_volunteer", 404),
        ("other_organiser", 404),
        ("staff", 404),
        ("anonymous", 302),
    ],
)
def test_only_organisers_of_the_task_decide(client, request, resident, task, persona, status):
    entry = log(resident, task)
    user = {
        "organiser_of_task": lambda: task.created_by,
        "volunteer_self": lambda: resident,
        "other_volunteer": lambda: request.getfixturevalue("other_volunteer"),
        "other_organiser": lambda: request.getfixturevalue("other_organiser"),
        "staff": lambda: request.getfixturevalue("staff"),
        "anonymous": lambda: None,
    }[persona]()
    if user is not None:
        client.force_login(user)
    url = reverse("volunteers:off_shift_decide", args=[entry.pk])
    response = client.post(url, {"decision": "confirm"})
    assert response.status_code == status
    assert client.get(url).status_code == (405 if user is not None else 302)
    entry.refresh_from_db()
    decided = persona == "organiser_of_task"
    assert entry.status == ("confirmed" if decided else "logged")
    if persona == "anonymous":
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["resident", "other_volunteer", "staff", "anonymous"])
def test_the_log_page_lists_only_ones_own_tasks(client, request, task, persona):
    if persona == "anonymous":
        response = client.get(LOG)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
        return
    client.force_login(request.getfixturevalue(persona))
    response = client.get(LOG)
    assert response.status_code == 200
    choices = list(response.context["form"].fields["task"].queryset)
    assert choices == ([task] if persona == "resident" else [])
    assert post(client, task).status_code == (302 if persona == "resident" else 200)
    assert OffShiftHours.objects.count() == (1 if persona == "resident" else 0)


# --- Queries ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 4])
def test_pages_run_a_fixed_number_of_queries(
    size, client, resident, task, django_assert_num_queries
):
    for n in range(size):
        volunteer = UserFactory()
        signup_in_the_past(shift=ShiftFactory(task=task), volunteer=volunteer)
        OffShiftHoursFactory(task=task, volunteer=volunteer)
        OffShiftHoursFactory(task=task, volunteer=resident, date=days_ago(n), hours=1)
    client.force_login(resident)
    # session, user, unread count; whether there are tasks, the tasks to choose from
    with django_assert_num_queries(5):
        assert client.get(LOG).status_code == 200
    client.force_login(task.created_by)
    # session, user, unread count; the task, its skills, shifts, sign-ups with their
    # volunteers and VOGs; the rule (organisation members), VOG organisations; hours
    # outside shifts
    with django_assert_num_queries(10):
        response = client.get(reverse("volunteers:manage_task", args=[task.pk]))
    assert len(response.context["off_shift"]) == 2 * size


def test_download_my_data_has_them_and_deleting_keeps_only_confirmed_ones(resident, task):
    from volunteers.services.personal_data import (
        volunteering_personal_data_erase,
        volunteering_personal_data_export,
    )

    kept = log(resident, task, date=days_ago(3))
    off_shift_hours_decide(entry=kept, by=task.created_by, confirm=True)
    log(resident, task)
    exported = volunteering_personal_data_export(resident)["hours_outside_shifts"]
    assert sorted((row["description"], row["status"]) for row in exported) == [
        ("Koffie gezet en opgeruimd", "confirmed"),
        ("Koffie gezet en opgeruimd", "logged"),
    ]
    volunteering_personal_data_erase(resident)
    assert list(OffShiftHours.objects.values_list("pk", flat=True)) == [kept.pk]
