"""Hours: volunteers log them, organisers confirm or correct, totals and the certificate."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Status
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.emails import notification_email
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import OrganisationFactory
from volunteers.models import SignUp
from volunteers.services import shift_sign_up
from volunteers.services.hours import signup_attendance, signup_hours_confirm, signup_hours_log

from .factories import OffShiftHoursFactory, ShiftFactory, TaskFactory, signup_in_the_past

pytestmark = pytest.mark.django_db


def hours_of(signup) -> tuple:
    signup.refresh_from_db()
    return signup.hours, signup.hours_status


def test_volunteer_logs_hours_of_a_past_shift(resident):
    signup = signup_in_the_past(volunteer=resident)
    signup_hours_log(signup=signup, by=resident, hours=Decimal("2.5"))
    assert hours_of(signup) == (Decimal("2.50"), SignUp.Hours.LOGGED)


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("-1"), Decimal("24.25")])
def test_hours_are_more_than_zero_and_at_most_a_day(resident, hours):
    signup = signup_in_the_past(volunteer=resident)
    with pytest.raises(ServiceError) as refused:
        signup_hours_log(signup=signup, by=resident, hours=hours)
    assert refused.value.code == "hours"
    assert hours_of(signup) == (None, SignUp.Hours.NONE)


def test_hours_wait_until_the_shift_has_started(shift, resident):
    signup = shift_sign_up(shift=shift, volunteer=resident)
    with pytest.raises(ServiceError) as refused:
        signup_hours_log(signup=signup, by=resident, hours=Decimal("2"))
    assert refused.value.code == "not_started"


def test_only_own_sign_ups_and_the_page_is_404_for_others(client, resident, outsider):
    signup = signup_in_the_past(volunteer=resident)
    url = reverse("volunteers:signup_hours", args=[signup.pk])
    with pytest.raises(ServiceError):
        signup_hours_log(signup=signup, by=outsider, hours=Decimal("2"))

    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {"hours": "2"}).status_code == 404
    assert hours_of(signup) == (None, SignUp.Hours.NONE)

    client.force_login(resident)
    assert client.get(url).status_code == 200
    response = client.post(url, {"hours": "1.75"})
    assert response.status_code == 302
    assert hours_of(signup) == (Decimal("1.75"), SignUp.Hours.LOGGED)


def test_hours_are_typed_and_shown_with_a_decimal_comma(client, resident):
    signup = signup_in_the_past(volunteer=resident)
    url = reverse("volunteers:signup_hours", args=[signup.pk])
    client.force_login(resident)
    assert client.post(url, {"hours": "2,5"}).status_code == 302
    assert hours_of(signup) == (Decimal("2.50"), SignUp.Hours.LOGGED)
    assert 'value="2,50"' in client.get(url).content.decode()
    assert client.post(url, {"hours": "3.25"}).status_code == 302  # a point still works
    assert hours_of(signup) == (Decimal("3.25"), SignUp.Hours.LOGGED)


def test_the_log_form_explains_bad_hours(client, resident):
    signup = signup_in_the_past(volunteer=resident)
    client.force_login(resident)
    response = client.post(reverse("volunteers:signup_hours", args=[signup.pk]), {"hours": "30"})
    assert response.status_code == 200
    assert "meer dan 0 en hoogstens 24" in response.content.decode()
    assert hours_of(signup) == (None, SignUp.Hours.NONE)


def test_organiser_confirms_and_the_volunteer_is_told(resident):
    signup = signup_in_the_past(volunteer=resident)
    organiser = signup.shift.task.created_by
    signup_hours_log(signup=signup, by=resident, hours=Decimal("2"))
    signup_hours_confirm(signup=signup, by=organiser)
    assert hours_of(signup) == (Decimal("2.00"), SignUp.Hours.CONFIRMED)
    signup.refresh_from_db()
    assert signup.attended is True
    note = Notification.objects.get(recipient=resident, kind="volunteer_hours_confirmed")
    assert note.link == reverse("volunteers:my_hours")
    email = notification_email(note)
    assert signup.shift.task.title in email.subject
    assert "bevestigd" in email.subject
    assert "2" in email.body
    assert "/vrijwilligerswerk/mijn-uren/" in email.body

    # Once confirmed, the volunteer can no longer change them.
    with pytest.raises(ServiceError) as refused:
        signup_hours_log(signup=signup, by=resident, hours=Decimal("5"))
    assert refused.value.code == "already_confirmed"


def test_organiser_corrects_logged_hours(resident):
    signup = signup_in_the_past(volunteer=resident)
    organiser = signup.shift.task.created_by
    signup_hours_log(signup=signup, by=resident, hours=Decimal("4"))
    signup_hours_confirm(signup=signup, by=organiser, hours=Decimal("3"))
    assert hours_of(signup) == (Decimal("3.00"), SignUp.Hours.CORRECTED)
    note = Notification.objects.get(recipient=resident, kind="volunteer_hours_confirmed")
    assert note.context["corrected"] is True
    assert "gecorrigeerd" in notification_email(note).subject


def test_organiser_gives_hours_nobody_logged(resident):
    signup = signup_in_the_past(volunteer=resident)
    organiser = signup.shift.task.created_by
    with pytest.raises(ServiceError) as refused:
        signup_hours_confirm(signup=signup, by=organiser)
    assert refused.value.code == "no_hours"
    signup_hours_confirm(signup=signup, by=organiser, hours=Decimal("2"))
    assert hours_of(signup) == (Decimal("2.00"), SignUp.Hours.CONFIRMED)


def test_a_volunteer_cannot_confirm_own_hours(client, resident):
    signup = signup_in_the_past(volunteer=resident)
    signup_hours_log(signup=signup, by=resident, hours=Decimal("8"))
    with pytest.raises(ServiceError) as refused:
        signup_hours_confirm(signup=signup, by=resident)
    assert refused.value.code == "forbidden"
    client.force_login(resident)
    url = reverse("volunteers:signup_hours_confirm", args=[signup.pk])
    assert client.post(url, {"hours": "8"}).status_code == 404
    assert hours_of(signup) == (Decimal("8.00"), SignUp.Hours.LOGGED)

    # Not even when they are an organiser of the task themselves.
    signup.shift.task.initiative.memberships.create(user=resident, role="co_organiser")
    with pytest.raises(ServiceError) as own:
        signup_hours_confirm(signup=signup, by=resident)
    assert own.value.code == "own_hours"
    assert hours_of(signup) == (Decimal("8.00"), SignUp.Hours.LOGGED)


def test_marking_absent_clears_pending_hours_and_blocks_logging(resident):
    signup = signup_in_the_past(volunteer=resident)
    organiser = signup.shift.task.created_by
    signup_hours_log(signup=signup, by=resident, hours=Decimal("3"))
    signup_attendance(signup=signup, by=organiser, attended=False)
    signup.refresh_from_db()
    assert (signup.attended, signup.hours, signup.hours_status) == (False, None, "")
    with pytest.raises(ServiceError) as refused:
        signup_hours_log(signup=signup, by=resident, hours=Decimal("3"))
    assert refused.value.code == "absent"
    signup_attendance(signup=signup, by=organiser, attended=True)
    signup_hours_log(signup=signup, by=resident, hours=Decimal("3"))
    assert hours_of(signup) == (Decimal("3.00"), SignUp.Hours.LOGGED)


def test_attendance_waits_for_the_shift(shift, resident):
    signup = shift_sign_up(shift=shift, volunteer=resident)
    with pytest.raises(ServiceError) as refused:
        signup_attendance(signup=signup, by=shift.task.created_by, attended=True)
    assert refused.value.code == "not_started"


def confirmed(volunteer, *, task, days_ago: int, hours: str, logged: str | None = None):
    """A past shift of ``task`` with hours the organiser confirmed (or corrected)."""
    signup = signup_in_the_past(
        shift=ShiftFactory(task=task), volunteer=volunteer, days_ago=days_ago
    )
    signup_hours_log(signup=signup, by=volunteer, hours=Decimal(logged or hours))
    signup_hours_confirm(signup=signup, by=task.created_by, hours=Decimal(hours))
    return signup


def month_start(days_ago: int) -> dt.date:
    return (timezone.localdate() - dt.timedelta(days=days_ago)).replace(day=1)


def initiative_task(title: str, initiative_title: str):
    initiative = make_initiative(status=Status.PUBLISHED, title=initiative_title)
    return TaskFactory(title=title, initiative=initiative)


# (task, days ago, confirmed hours, logged hours) of the resident's confirmed shifts
HISTORY = [
    ("Moestuin", 40, "2", "2"),
    ("Moestuin", 41, "1.5", "3"),  # corrected by the organiser
    ("Koffie", 41, "3.25", "3.25"),
    ("Trainen", 70, "4", "4"),
]


@pytest.fixture
def history(resident):
    """Confirmed hours for two initiatives and an organisation, over two months."""
    organisation = OrganisationFactory(name="Sportclub Assen")
    member = UserFactory()
    organisation.members.add(member)
    tasks = {
        "Moestuin": initiative_task("Moestuin", "Buurtmoestuin Pittelo"),
        "Koffie": initiative_task("Koffie", "Koffieochtend Kloosterveen"),
        "Trainen": TaskFactory(
            title="Trainen", initiative=None, organisation=organisation, created_by=member
        ),
    }
    for title, days_ago, hours, logged in HISTORY:
        confirmed(resident, task=tasks[title], days_ago=days_ago, hours=hours, logged=logged)
    # Logged but not confirmed, and someone else's hours: neither counts.
    pending = signup_in_the_past(
        shift=ShiftFactory(task=tasks["Moestuin"]), volunteer=resident, days_ago=42
    )
    signup_hours_log(signup=pending, by=resident, hours=Decimal("6"))
    confirmed(UserFactory(), task=tasks["Moestuin"], days_ago=40, hours="9")
    return {**tasks, "pending": pending}


def test_my_hours_totals_per_month_and_per_organisation_are_exact(client, resident, history):
    client.force_login(resident)
    response = client.get(reverse("volunteers:my_hours"))
    assert response.status_code == 200
    per_month = {row["month"]: row["total"] for row in response.context["per_month"]}
    expected = {}
    for _title, days_ago, hours, _logged in HISTORY:
        month = month_start(days_ago)
        expected[month] = expected.get(month, Decimal(0)) + Decimal(hours)
    assert per_month == expected
    per_owner = {
        row["initiative_title"] or row["organisation_name"]: (
            row["total"],
            row["shifts"],
        )
        for row in response.context["per_owner"]
    }
    assert per_owner == {
        "Buurtmoestuin Pittelo": (Decimal("3.5"), 2),
        "Koffieochtend Kloosterveen": (Decimal("3.25"), 1),
        "Sportclub Assen": (Decimal("4"), 1),
    }
    assert response.context["total"] == Decimal("10.75")
    assert [s.pk for s in response.context["pending"]] == [history["pending"].pk]
    page = response.content.decode()
    assert "Sportclub Assen" in page
    assert "10,75" in page


def test_per_organisation_keeps_initiatives_apart(resident):
    from volunteers.selectors.hours import hours_per_owner

    first, second = TaskFactory(), TaskFactory()
    confirmed(resident, task=first, days_ago=5, hours="1")
    confirmed(resident, task=second, days_ago=5, hours="2")
    confirmed(resident, task=second, days_ago=6, hours="2.5")
    totals = {row["initiative_pk"]: row["total"] for row in hours_per_owner(resident)}
    assert totals == {first.initiative_id: Decimal("1"), second.initiative_id: Decimal("4.5")}


@pytest.mark.parametrize("size", [1, 3])
def test_my_hours_runs_a_fixed_number_of_queries(
    size, client, resident, django_assert_num_queries
):
    for n in range(size):
        task = TaskFactory()
        confirmed(resident, task=task, days_ago=3 + 31 * n, hours="2")
        pending = signup_in_the_past(
            shift=ShiftFactory(task=task), volunteer=resident, days_ago=4 + 31 * n
        )
        signup_hours_log(signup=pending, by=resident, hours=Decimal("1"))
        signup_in_the_past(shift=ShiftFactory(task=task), volunteer=resident, days_ago=5 + n)
        day = timezone.localdate() - dt.timedelta(days=6 + 31 * n)
        OffShiftHoursFactory(task=task, volunteer=resident, date=day, status="confirmed")
        OffShiftHoursFactory(task=task, volunteer=resident, date=day)
    client.force_login(resident)
    # session, user, unread count; per month and per owner (shifts and hours outside
    # shifts each), pending, hours outside shifts, to log
    with django_assert_num_queries(10):
        response = client.get(reverse("volunteers:my_hours"))
    assert len(response.context["pending"]) == size
    assert len(response.context["to_log"]) == size
    assert len(response.context["off_shift"]) == 2 * size
    assert response.context["total"] == 4 * size  # 2 in a shift, 2 outside, per month


def test_certificate_lists_only_confirmed_hours_of_the_year(client, resident, history):
    year = (timezone.localdate() - dt.timedelta(days=40)).year
    client.force_login(resident)
    response = client.get(reverse("volunteers:certificate"), {"year": year})
    assert response.status_code == 200
    expected = {}
    for title, days_ago, hours, _logged in HISTORY:
        if (timezone.localdate() - dt.timedelta(days=days_ago)).year == year:
            expected[title] = expected.get(title, Decimal(0)) + Decimal(hours)
    rows = {row["task_title"]: row["total"] for row in response.context["rows"]}
    assert rows == expected  # the pending 6 hours and someone else's 9 are not there
    assert response.context["total"] == sum(expected.values(), Decimal(0))
    page = response.content.decode()
    assert resident.public_name in page
    assert "Mijn buurt Assen" in page
    # The print style sheet is a static file (the Content-Security-Policy forbids inline styles).
    assert 'href="/static/volunteers/certificate.css"' in page
    print_css = Path(finders.find("volunteers/certificate.css")).read_text()
    assert "@media print" in print_css
    assert ".mb-header, .mb-footer" in print_css  # no navigation on paper
    assert "Certificaat van waardering" in page

    other_year = client.get(reverse("volunteers:certificate"), {"year": year - 5})
    assert other_year.context["rows"] == []
    nonsense = client.get(reverse("volunteers:certificate"), {"year": "abc"})
    assert nonsense.status_code == 200
    assert nonsense.context["year"] == timezone.localdate().year


def test_certificate_is_per_person(client, outsider, history):
    client.force_login(outsider)
    response = client.get(reverse("volunteers:certificate"))
    assert response.context["rows"] == []
    assert response.context["total"] == 0


def test_my_hours_asks_to_log_a_shift_that_has_started(client, resident):
    signup = signup_in_the_past(volunteer=resident)
    client.force_login(resident)
    page = client.get(reverse("volunteers:my_hours")).content.decode()
    assert reverse("volunteers:signup_hours", args=[signup.pk]) in page
