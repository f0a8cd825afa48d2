"""VOG gezien: organisers of approved organisations record a VOG they saw; a task can ask
for such a VOG, and then the volunteer's own date is not enough."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from initiatives.models import Theme
from mijnbuurt.accounts.services import user_delete, user_export_data
from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, OrganisationFactory
from volunteers.models import SignUp, Task, VogCheck
from volunteers.services import shift_sign_up
from volunteers.services.vog import vog_check_record

from .factories import ShiftFactory, TaskKindFactory, VolunteerProfileFactory, in_days

pytestmark = pytest.mark.django_db

VALID_DAYS = 3 * 365  # settings.VOLUNTEER_VOG_VALID_DAYS


@pytest.fixture(autouse=True)
def _validity(settings):
    settings.VOLUNTEER_VOG_VALID_DAYS = VALID_DAYS


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Buurtvereniging Noord", is_approved=True)


@pytest.fixture
def member(organisation):
    """A member of the approved organisation, who sees VOGs."""
    user = UserFactory(display_name="Mirjam")
    organisation.members.add(user)
    return user


@pytest.fixture
def seen_shift():
    """A shift, a week from now, of a task that asks for a VOG an organisation saw."""
    return ShiftFactory(task__requires_vog=True, task__requires_seen_vog=True)


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def record(member, organisation, volunteer, issued_on=None) -> VogCheck:
    return vog_check_record(
        by=member,
        volunteer=volunteer,
        organisation=organisation,
        issued_on=issued_on or days_ago(30),
    )


# --- Signing up -----------------------------------------------------------------------


def test_seen_vog_task_refuses_sign_up_without_a_check_and_accepts_with_one(
    seen_shift, member, organisation
):
    volunteer = VolunteerProfileFactory().user
    with pytest.raises(ServiceError) as refused:
        shift_sign_up(shift=seen_shift, volunteer=volunteer)
    assert refused.value.code == "vog_seen"
    assert not SignUp.objects.exists()

    record(member, organisation, volunteer)

    signup = shift_sign_up(shift=seen_shift, volunteer=volunteer)
    assert signup.status == SignUp.Status.CONFIRMED


def test_own_vog_date_alone_does_not_count_for_a_seen_vog_task(seen_shift):
    volunteer = VolunteerProfileFactory(vog_date=days_ago(30)).user
    with pytest.raises(ServiceError) as refused:
        shift_sign_up(shift=seen_shift, volunteer=volunteer)
    assert refused.value.code == "vog_seen"
    # The same date still counts where the task asks for the volunteer's own statement.
    own = ShiftFactory(task__requires_vog=True, starts_at=in_days(9))
    assert shift_sign_up(shift=own, volunteer=volunteer).status == SignUp.Status.CONFIRMED
    assert not SignUp.objects.filter(shift=seen_shift).exists()


def test_a_seen_vog_also_counts_for_a_task_asking_for_the_own_date(member, organisation):
    own = ShiftFactory(task__requires_vog=True)
    volunteer = VolunteerProfileFactory(vog_date=None).user
    record(member, organisation, volunteer)
    assert shift_sign_up(shift=own, volunteer=volunteer).status == SignUp.Status.CONFIRMED


def test_expired_check_is_refused_also_when_it_expires_before_the_shift(
    seen_shift, member, organisation
):
    expired = VolunteerProfileFactory().user
    VogCheck.objects.create(
        volunteer=expired, organisation=organisation, seen_by=member, issued_on=days_ago(1200)
    )
    expiring = VolunteerProfileFactory().user  # valid today, no longer on the shift's day
    record(member, organisation, expiring, issued_on=days_ago(VALID_DAYS - 3))
    for volunteer in (expired, expiring):
        with pytest.raises(ServiceError) as refused:
            shift_sign_up(shift=seen_shift, volunteer=volunteer)
        assert refused.value.code == "vog_seen"
    assert not SignUp.objects.exists()


def test_a_check_no_longer_counts_once_the_organisation_loses_its_approval(
    seen_shift, member, organisation
):
    volunteer = VolunteerProfileFactory().user
    record(member, organisation, volunteer)
    organisation.is_approved = False
    organisation.save()
    with pytest.raises(ServiceError):
        shift_sign_up(shift=seen_shift, volunteer=volunteer)
    assert not SignUp.objects.exists()


# --- Recording --------------------------------------------------------------------------


def test_recording_is_refused_for_an_unapproved_organisation_and_for_a_non_member(
    organisation, outsider
):
    unapproved = OrganisationFactory(is_approved=False)
    its_member = UserFactory()
    unapproved.members.add(its_member)
    volunteer = VolunteerProfileFactory().user
    for by, which in ((its_member, unapproved), (outsider, organisation)):
        with pytest.raises(ServiceError) as refused:
            record(by, which, volunteer)
        assert refused.value.code == "forbidden"
    assert not VogCheck.objects.exists()


@pytest.mark.parametrize(
    ("issued_days_ago", "code"),
    [(-1, "future"), (VALID_DAYS, "expired"), (VALID_DAYS + 400, "expired")],
)
def test_recording_refuses_a_date_in_the_future_or_too_old(
    member, organisation, issued_days_ago, code
):
    with pytest.raises(ServiceError) as refused:
        record(member, organisation, UserFactory(), issued_on=days_ago(issued_days_ago))
    assert refused.value.code == code
    assert not VogCheck.objects.exists()


def test_the_oldest_date_that_still_counts_is_accepted(member, organisation):
    check = record(member, organisation, UserFactory(), issued_on=days_ago(VALID_DAYS - 1))
    assert check.expires_on == timezone.localdate() + dt.timedelta(days=1)


def test_nobody_records_their_own_vog(member, organisation):
    with pytest.raises(ServiceError) as refused:
        record(member, organisation, member)
    assert refused.value.code == "own"
    assert not VogCheck.objects.exists()


def test_recording_the_same_vog_again_keeps_one_check(member, organisation):
    volunteer = UserFactory()
    colleague = UserFactory()
    organisation.members.add(colleague)
    record(member, organisation, volunteer, issued_on=days_ago(10))
    check = record(colleague, organisation, volunteer, issued_on=days_ago(10))
    assert VogCheck.objects.get() == check
    assert check.seen_by == colleague


# --- The organiser's page ---------------------------------------------------------------


@pytest.fixture
def signup(shift):
    return shift_sign_up(shift=shift, volunteer=VolunteerProfileFactory().user)


def vog_url(signup) -> str:
    return reverse("volunteers:signup_vog_check", args=[signup.pk])


def test_only_organisers_of_the_task_record_a_vog_through_the_page(
    client, signup, organisation, outsider
):
    organisation.members.add(outsider)  # may record VOGs, but does not organise this task
    superuser = UserFactory(is_superuser=True)
    organisation.members.add(superuser)
    data = {"issued_on": days_ago(30).isoformat(), "organisation": organisation.pk}
    for intruder in (outsider, superuser):
        client.force_login(intruder)
        assert client.post(vog_url(signup), data).status_code == 404
    assert not VogCheck.objects.exists()

    organiser = signup.shift.task.created_by
    organisation.members.add(organiser)
    client.force_login(organiser)
    response = client.post(vog_url(signup), data)

    assert response.status_code == 302
    check = VogCheck.objects.get()
    assert (check.volunteer, check.organisation, check.seen_by, check.issued_on) == (
        signup.volunteer,
        organisation,
        organiser,
        days_ago(30),
    )


def test_organiser_without_an_approved_organisation_gets_a_message_and_no_check(
    client, signup, organisation
):
    unapproved = OrganisationFactory(is_approved=False)
    organiser = signup.shift.task.created_by
    unapproved.members.add(organiser)
    client.force_login(organiser)
    for which in (unapproved, organisation):  # not approved; approved but not a member
        response = client.post(
            vog_url(signup),
            {"issued_on": days_ago(30).isoformat(), "organisation": which.pk},
            follow=True,
        )
        assert response.status_code == 200
        assert len(list(response.context["messages"])) == 1
    assert not VogCheck.objects.exists()


@pytest.mark.parametrize("issued_on", ["", "gisteren", "2999-01-01", "1990-01-01"])
def test_bad_dates_through_the_page_give_a_message_and_no_check(
    client, signup, organisation, issued_on
):
    organiser = signup.shift.task.created_by
    organisation.members.add(organiser)
    client.force_login(organiser)
    response = client.post(
        vog_url(signup), {"issued_on": issued_on, "organisation": organisation.pk}, follow=True
    )
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    assert not VogCheck.objects.exists()


def test_manage_page_shows_the_form_and_then_who_saw_the_vog(client, signup, organisation):
    organiser = signup.shift.task.created_by
    page_url = reverse("volunteers:manage_task", args=[signup.shift.task_id])
    client.force_login(organiser)
    assert vog_url(signup) not in client.get(page_url).content.decode()  # no organisation

    organisation.members.add(organiser)
    page = client.get(page_url).content.decode()
    assert f'action="{vog_url(signup)}"' in page
    assert 'name="issued_on"' in page
    assert "Buurtvereniging Noord" not in page

    data = {"issued_on": days_ago(30).isoformat(), "organisation": organisation.pk}
    client.post(vog_url(signup), data)

    page = client.get(page_url).content.decode()
    assert "Buurtvereniging Noord" in page  # "VOG gezien door Buurtvereniging Noord op ..."
    assert formats.date_format(timezone.localdate(), "j F Y") in page


# --- The task form, the list filter, the profile ------------------------------------------


def test_organiser_posts_a_task_that_asks_for_a_seen_vog(client, organisation, member):
    client.force_login(member)
    response = client.post(
        reverse("volunteers:task_new") + f"?organisation={organisation.pk}",
        {
            "title": "Voorlezen op school",
            "description": "Voorlezen aan kleine groepjes kinderen.",
            "kind": TaskKindFactory().pk,
            "theme": Theme.YOUTH,
            "neighbourhood": BuurtFactory().pk,
            "vog": "seen",
            "cancellation_hours": "24",
            "location_address": "",
            "location_latitude": "",
            "location_longitude": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    task = Task.objects.get(title="Voorlezen op school")
    assert (task.requires_vog, task.requires_seen_vog) == (True, True)
    edit = client.get(reverse("volunteers:task_edit", args=[task.pk]))
    assert edit.context["form"]["vog"].value() == "seen"


def test_without_vog_filter_leaves_out_tasks_that_ask_for_a_seen_vog(client, seen_shift):
    ShiftFactory(task__title="Zonder VOG")
    response = client.get(reverse("volunteers:list"), {"without_vog": "on"})
    assert [task.title for task in response.context["page"].object_list] == ["Zonder VOG"]


def test_profile_reminds_when_the_vog_expires_and_shows_the_seen_vog(client, member, organisation):
    profile = VolunteerProfileFactory(vog_date=days_ago(100))
    record(member, organisation, profile.user)
    client.force_login(profile.user)
    page = client.get(reverse("volunteers:profile")).content.decode()
    expires = formats.date_format(days_ago(100) + dt.timedelta(days=VALID_DAYS), "j F Y")
    assert expires in page
    assert "Buurtvereniging Noord" in page


# --- Personal data ----------------------------------------------------------------------


def test_my_data_holds_the_vogs_organisations_saw_and_deleting_my_account_erases_them(
    member, organisation
):
    volunteer = VolunteerProfileFactory().user
    record(member, organisation, volunteer, issued_on=days_ago(30))
    other = UserFactory()
    record(member, organisation, other)

    data = user_export_data(user=volunteer)["volunteering"]
    assert data["vog_seen_by_organisations"] == [
        {
            "organisation": "Buurtvereniging Noord",
            "issued_on": days_ago(30).isoformat(),
            "seen_at": VogCheck.objects.get(volunteer=volunteer).seen_at.isoformat(),
        }
    ]

    user_delete(user=volunteer)
    assert not VogCheck.objects.filter(volunteer=volunteer).exists()
    assert VogCheck.objects.filter(volunteer=other).exists()
