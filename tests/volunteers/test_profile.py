"""The volunteer profile at /vrijwilligerswerk/profiel/: opting in, changing, stopping."""

import datetime as dt

import pytest
from django.urls import reverse

from initiatives.models import Theme
from mijnbuurt.core.exceptions import ServiceError
from tests.neighbourhoods.factories import BuurtFactory
from volunteers.models import Availability, Suggestion, VolunteerProfile
from volunteers.services.profiles import volunteer_profile_delete, volunteer_profile_save

from .factories import SkillFactory, TaskFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db

URL = reverse("volunteers:profile")


@pytest.fixture
def matched(monkeypatch):
    """The matching job's enqueue calls (Celery is the edge here; another test runs it)."""
    calls = []
    monkeypatch.setattr("volunteers.tasks.match_volunteer.delay", calls.append)
    return calls


def profile_data(**overrides):
    data = {
        "tags": "",
        "max_distance_km": "",
        "birth_date": "",
        "vog_date": "",
        "max_hours_per_month": "",
    }
    data.update(overrides)
    return data


def test_profile_needs_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_resident_opts_in_with_every_field(
    client, resident, matched, django_capture_on_commit_callbacks
):
    cooking, _driving = SkillFactory(name="Koken", slug="koken"), SkillFactory()
    buurt = BuurtFactory()
    client.force_login(resident)
    assert 'id="id_availability_20"' in client.get(URL).content.decode()  # the grid renders

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            profile_data(
                skills=[cooking.pk],
                tags="fietsen,  Fietsen , tuinieren,,",
                interests=[Theme.GREEN, Theme.ELDERLY],
                neighbourhoods=[buurt.pk],
                max_distance_km="5",
                availability=["3", "5"],  # Tuesday morning, Tuesday evening
                languages=["nl", "de"],
                birth_date="1980-05-17",
                vog_date="2025-01-10",
                max_hours_per_month="12",
                is_findable="on",
            ),
        )
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(user=resident)
    assert list(profile.skills.all()) == [cooking]
    assert profile.tags == ["fietsen", "tuinieren"]
    assert profile.interests == [Theme.GREEN, Theme.ELDERLY]
    assert list(profile.neighbourhoods.all()) == [buurt]
    assert profile.availability == Availability.bit(1, 0) | Availability.bit(1, 2)
    assert profile.languages == ["nl", "de"]
    assert profile.birth_date == dt.date(1980, 5, 17)
    assert profile.vog_date == dt.date(2025, 1, 10)
    assert (profile.max_distance_km, profile.max_hours_per_month) == (5, 12)
    assert profile.is_findable is True
    assert matched == [resident.pk]


def test_profile_page_shows_saved_availability_ticked(client, resident):
    VolunteerProfileFactory(user=resident, availability=Availability.bit(6, 2))
    client.force_login(resident)
    html = client.get(URL).content.decode()
    assert 'id="id_availability_20" checked' in html  # Sunday evening
    assert 'id="id_availability_19" checked' not in html
    assert reverse("volunteers:profile_delete") in html  # a volunteer can stop


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tags", ",".join(f"woord{n}" for n in range(11))),
        ("tags", "x" * 41),
        ("birth_date", "2999-01-01"),
        ("vog_date", "2999-01-01"),
        ("max_hours_per_month", "0"),
        ("max_distance_km", "veel"),
        ("availability", ["21"]),
        ("languages", ["klingon"]),
        ("interests", ["nonsense"]),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    client, resident, matched, field, value
):
    VolunteerProfileFactory(user=resident, tags=["koken"], max_hours_per_month=8)
    client.force_login(resident)
    response = client.post(URL, profile_data(**{field: value}), follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert messages, "the volunteer is told what is wrong"
    profile = VolunteerProfile.objects.get(user=resident)
    assert profile.tags == ["koken"]
    assert profile.max_hours_per_month == 8
    assert matched == []


def test_service_refuses_too_many_tags_without_saving(resident):
    with pytest.raises(ServiceError) as refused:
        volunteer_profile_save(user=resident, tags=[f"t{n}" for n in range(11)])
    assert refused.value.code == "too_many_tags"
    assert not VolunteerProfile.objects.filter(user=resident).exists()


def test_changing_the_profile_keeps_one_profile(client, resident, matched):
    client.force_login(resident)
    client.post(URL, profile_data(max_hours_per_month="4"))
    client.post(URL, profile_data(max_hours_per_month="6"))
    assert VolunteerProfile.objects.filter(user=resident).count() == 1
    assert VolunteerProfile.objects.get(user=resident).max_hours_per_month == 6


def test_stopping_deletes_profile_and_suggestions_but_not_other_volunteers(
    client, resident, outsider
):
    task = TaskFactory()
    VolunteerProfileFactory(user=resident)
    VolunteerProfileFactory(user=outsider)
    for user in (resident, outsider):
        Suggestion.objects.create(
            volunteer=user, task=task, score=1.0, reasons=[], computed_at=task.created_at
        )
    client.force_login(resident)
    assert client.get(reverse("volunteers:profile_delete")).status_code == 405
    response = client.post(reverse("volunteers:profile_delete"))
    assert response.status_code == 302
    assert not VolunteerProfile.objects.filter(user=resident).exists()
    assert not Suggestion.objects.filter(volunteer=resident).exists()
    assert VolunteerProfile.objects.filter(user=outsider).exists()
    assert Suggestion.objects.filter(volunteer=outsider).exists()


def test_stopping_without_a_profile_is_refused(resident):
    with pytest.raises(ServiceError):
        volunteer_profile_delete(user=resident)


def test_saving_the_profile_works_when_the_broker_is_down(
    client, resident, django_capture_on_commit_callbacks, caplog
):
    from tests.notifications.utils import celery_config

    client.force_login(resident)
    with (
        celery_config(broker_url="redis://127.0.0.1:1/0", task_always_eager=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reverse("volunteers:profile"), {"is_findable": "on"})
    assert response.status_code == 302
    assert VolunteerProfile.objects.filter(user=resident, is_findable=True).exists()
    assert "the nightly run will" in caplog.text
