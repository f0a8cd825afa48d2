"""Check-in at the door: every registration has its own code and QR code; the organiser
types or scans it (or marks someone by hand) and sees who is present; a bad code, a
second scan or a waiting-list code is refused with a message and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.codes import ALPHABET, LENGTH, new_code, normalise_code
from activities.models import Registration
from activities.services import (
    registration_check_in,
    registration_check_in_undo,
    registration_create,
)
from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory

from .factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(activity):
    """The activity starts in an hour: check-in is open."""
    activity.start = timezone.now() + dt.timedelta(hours=1)
    activity.end = activity.start + dt.timedelta(hours=2)
    activity.save()
    return activity


def _registration(activity, user) -> Registration:
    return Registration.objects.get(activity=activity, user=user)


def test_registering_gives_a_code_from_the_unambiguous_alphabet(activity, resident):
    registration = registration_create(activity=activity, user=resident)
    assert len(registration.code) == LENGTH
    assert set(registration.code) <= set(ALPHABET)
    assert not set("01ILO") & set(ALPHABET)


def test_new_code_avoids_the_codes_taken():
    taken = {new_code(set()) for _n in range(50)}
    assert new_code(taken) not in taken


def test_codes_are_unique_within_an_activity(activity):
    codes = {registration_create(activity=activity, user=UserFactory()).code for _n in range(25)}
    assert len(codes) == 25


def test_typed_code_is_normalised():
    assert normalise_code(" ab-c 23x ") == "ABC23X"


def test_check_in_by_code_marks_present(today, registrant, organiser):
    code = _registration(today, registrant).code
    registration = registration_check_in(activity=today, actor=organiser, code=code.lower())
    assert registration.user == registrant
    assert registration.attended_at is not None


def test_unknown_code_is_refused(today, registrant, organiser):
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=today, actor=organiser, code="ZZZZZZ")
    assert refused.value.code == "unknown"
    assert not Registration.objects.filter(attended_at__isnull=False).exists()


def test_empty_code_is_refused(today, registrant, organiser):
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=today, actor=organiser, code="  ")
    assert refused.value.code == "empty"


def test_second_check_in_says_already_present(today, registrant, organiser):
    code = _registration(today, registrant).code
    first = registration_check_in(activity=today, actor=organiser, code=code)
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=today, actor=organiser, code=code)
    assert refused.value.code == "already"
    assert "Dirk" in refused.value.message
    assert _registration(today, registrant).attended_at == first.attended_at


def test_code_of_another_activity_is_unknown(today, registrant, organiser, organisation):
    other = RegistrationFactory(activity__organisation=organisation)
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=today, actor=organiser, code=other.code)
    assert refused.value.code == "unknown"
    other.refresh_from_db()
    assert other.attended_at is None


def test_waiting_list_and_cancelled_codes_are_refused(today, organiser):
    waiting = RegistrationFactory(activity=today, status="waiting")
    cancelled = RegistrationFactory(activity=today, status="cancelled")
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=today, actor=organiser, code=waiting.code)
    assert refused.value.code == "waiting"
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=today, actor=organiser, code=cancelled.code)
    assert refused.value.code == "cancelled"
    assert not Registration.objects.filter(attended_at__isnull=False).exists()


def test_check_in_opens_on_the_day(activity, registrant, organiser):
    code = _registration(activity, registrant).code  # next week
    with pytest.raises(ServiceError) as refused:
        registration_check_in(activity=activity, actor=organiser, code=code)
    assert refused.value.code == "not_yet"
    assert _registration(activity, registrant).attended_at is None


def test_cancelled_activity_has_no_check_in(today, registrant, organiser):
    today.status = "cancelled"
    today.save()
    with pytest.raises(ServiceError) as refused:
        registration_check_in(
            activity=today, actor=organiser, code=_registration(today, registrant).code
        )
    assert refused.value.code == "cancelled"


def test_undo_clears_the_mark(today, registrant, organiser):
    registration = _registration(today, registrant)
    with pytest.raises(ServiceError) as refused:
        registration_check_in_undo(
            activity=today, actor=organiser, registration_id=registration.pk
        )
    assert refused.value.code == "not_present"
    registration_check_in(activity=today, actor=organiser, registration_id=registration.pk)
    registration_check_in_undo(activity=today, actor=organiser, registration_id=registration.pk)
    assert _registration(today, registrant).attended_at is None


# --- Pages -------------------------------------------------------------------------------


def _en(name: str, **kwargs) -> str:
    """Pages in English: the Dutch of the new texts comes with the catalogue."""
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def _check_in_url(activity) -> str:
    return _en("activities:check_in", pk=activity.pk)


def test_registrant_sees_code_and_qr_code(client, today, registrant):
    client.force_login(registrant)
    code = _registration(today, registrant).code
    for url in (_en("activities:detail", pk=today.pk), _en("activities:mine")):
        page = client.get(url).content.decode()
        assert code in page
        assert 'src="data:image/svg+xml' in page


def test_waiting_list_person_sees_no_code(client, today, resident):
    waiting = RegistrationFactory(activity=today, user=resident, status="waiting")
    client.force_login(resident)
    page = client.get(reverse("activities:detail", kwargs={"pk": today.pk})).content.decode()
    assert waiting.code not in page
    assert "data:image/svg+xml" not in page


def test_organiser_checks_in_by_code(client, today, registrant, organiser):
    client.force_login(organiser)
    code = _registration(today, registrant).code
    response = client.post(_check_in_url(today), {"code": code}, follow=True)
    assert "Present: Dirk" in response.content.decode()
    assert "Present: 1 of 1 registered" in response.content.decode()
    assert _registration(today, registrant).attended_at is not None


def test_unknown_code_on_the_page_says_so(client, today, registrant, organiser):
    client.force_login(organiser)
    response = client.post(_check_in_url(today), {"code": "QQQQQQ"}, follow=True)
    assert response.status_code == 200
    assert "This code is not known for this activity." in response.content.decode()
    assert _registration(today, registrant).attended_at is None


def test_organiser_marks_present_by_hand_and_undoes_it(client, today, registrant, organiser):
    client.force_login(organiser)
    registration = _registration(today, registrant)
    client.post(_check_in_url(today), {"registration": registration.pk})
    assert _registration(today, registrant).attended_at is not None
    client.post(_check_in_url(today), {"registration": registration.pk, "undo": "1"})
    assert _registration(today, registrant).attended_at is None


def test_garbage_registration_id_is_a_message_not_a_500(client, today, registrant, organiser):
    client.force_login(organiser)
    for value in ("abc", "99999999999999999999999", "-1"):
        response = client.post(_check_in_url(today), {"registration": value}, follow=True)
        assert response.status_code == 200
    assert _registration(today, registrant).attended_at is None


def test_registrants_page_counts_attendance(client, today, registrant, organiser):
    registration_check_in(
        activity=today, actor=organiser, code=_registration(today, registrant).code
    )
    RegistrationFactory(activity=today)
    client.force_login(organiser)
    page = client.get(_en("activities:registrations", pk=today.pk))
    assert "Present: 1 of 2 registered" in page.content.decode()
