"""Handing a help request to a volunteer: a private, anonymised task; contact details
only for the confirmed volunteer; 404 for everyone else; nothing of it in public lists."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from helprequests.models import AccessLog, HelpKind, HelpRequest, HelpStatus, Urgency
from helprequests.retention import help_request_anonymise
from helprequests.services import help_request_transition
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import phone_tel
from tests.helprequests.factories import DESCRIPTION, file_request
from volunteers.layers import tasks_layer
from volunteers.matching import match
from volunteers.models import HandOver, Suggestion, Task, TaskInvitation
from volunteers.selectors.tasks import tasks_open_in
from volunteers.services.handover import (
    anonymity_problem,
    handover_confirm,
    handover_end,
    handover_invite,
)

from .factories import TaskFactory, TaskKindFactory, in_days
from .handover_setup import (
    PERSONAS,
    PHONE,
    TEAM,
    TEXT,
    TITLE,
    _accept_and_sign_up,
    _create,
    _login,
)

pytestmark = pytest.mark.django_db


# --- Creating ---------------------------------------------------------------------------


def test_create_makes_a_private_published_task_with_one_place(handover, covered_request):
    task = handover.task
    assert task.is_private
    assert task.status == Task.Status.PUBLISHED
    assert task.neighbourhood_id == covered_request.neighbourhood_id
    assert (task.title, task.description) == (TITLE, TEXT)
    assert [s.places for s in task.shifts.all()] == [1]
    assert task.initiative_id is None
    assert task.organisation_id is None
    assert handover.help_request == covered_request
    assert handover.status == HandOver.Status.OFFERED


def test_no_consent_is_refused(area, resident, professional_a):
    help_request = file_request(resident, area["a"], consent_share_anonymised=False)
    with pytest.raises(ServiceError) as error:
        _create(help_request, professional_a)
    assert error.value.code == "not_for_volunteers"
    assert not Task.objects.exists()


def test_professional_only_help_kind_is_refused(area, resident, professional_a):
    help_request = file_request(resident, area["a"], kind=HelpKind.PAPERWORK)
    with pytest.raises(ServiceError) as error:
        _create(help_request, professional_a)
    assert error.value.code == "not_for_volunteers"
    assert not Task.objects.exists()


def test_professional_only_task_kind_is_refused(covered_request, professional_a):
    kind = TaskKindFactory(name="Persoonlijke verzorging", professional_only=True)
    with pytest.raises(ServiceError) as error:
        _create(covered_request, professional_a, kind=kind)
    assert error.value.code == "professional_only"
    assert not Task.objects.exists()


def test_only_the_covering_team_may_create(covered_request, professional_b, staff):
    for user in (professional_b, staff):
        with pytest.raises(ServiceError):
            _create(covered_request, user)
    assert not Task.objects.exists()


def test_staff_may_hand_over_a_fallback_request(fallback_request, staff):
    assert _create(fallback_request, staff).task.is_private


def test_a_second_open_handover_is_refused(handover, covered_request, professional_a):
    with pytest.raises(ServiceError) as error:
        _create(covered_request, professional_a)
    assert error.value.code == "duplicate"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Mail naar jan.jansen@example.org voor meer", "e-mail"),
        ("Bel 06-12345678 voor een afspraak", "phone"),
        ("Bel 0592 123 456 overdag", "phone"),
        ("Bel +31 6 1234 5678", "phone"),
        ("Woont op 9401 GA 12, eerste verdieping", "address"),
        ("Het is op de Kerkstraat 14 in Assen", "address"),
        (TEXT, None),
        ("Twee keer per week 30 minuten wandelen, 1 uur in totaal.", None),
    ],
)
def test_anonymity_validator(text, problem):
    with translation.override("en"):
        found = anonymity_problem(text)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found


def test_personal_details_in_the_text_are_refused_with_a_clear_message(
    client, covered_request, professional_a
):
    kind = TaskKindFactory()
    client.force_login(professional_a)
    response = client.post(
        reverse("volunteers:handover_new", args=[covered_request.pk]),
        {
            "kind": kind.pk,
            "title": TITLE,
            "description": f"Bel haar op {PHONE}",
            "date": in_days(3).date().isoformat(),
            "start": "10:00",
            "end": "12:00",
        },
    )
    assert response.status_code == 200
    assert "telefoonnummer" in response.content.decode()
    assert not Task.objects.exists()


def test_the_form_creates_the_handover(client, covered_request, professional_a):
    kind = TaskKindFactory()
    client.force_login(professional_a)
    response = client.post(
        reverse("volunteers:handover_new", args=[covered_request.pk]),
        {
            "kind": kind.pk,
            "title": TITLE,
            "description": TEXT,
            "date": in_days(3).date().isoformat(),
            "start": "10:00",
            "end": "12:00",
        },
    )
    handover = HandOver.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:handover", args=[handover.pk])


def test_team_page_explains_when_a_handover_is_not_possible(
    client, area, resident, professional_a
):
    no_consent = file_request(resident, area["a"], consent_share_anonymised=False)
    paperwork = file_request(resident, area["a"], kind=HelpKind.PAPERWORK)
    fine = file_request(resident, area["a"])
    client.force_login(professional_a)
    url = reverse("volunteers:handover_new", args=[fine.pk])

    def page(help_request):
        return client.get(reverse("help:team_detail", args=[help_request.pk])).content.decode()

    assert "niet ingestemd" in page(no_consent) or "did not consent" in page(no_consent)
    assert url not in page(no_consent)
    assert reverse("volunteers:handover_new", args=[paperwork.pk]) not in page(paperwork)
    assert url in page(fine)


# --- Privacy: never listed --------------------------------------------------------------


def test_private_task_is_not_in_the_list_map_or_neighbourhood_section(client, handover):
    public = TaskFactory(title="Openbare klus")
    from .factories import ShiftFactory

    ShiftFactory(task=public)
    Task.objects.filter(pk__in=[handover.task_id, public.pk]).update(
        latitude=52.99, longitude=6.56, neighbourhood=handover.task.neighbourhood
    )
    listing = client.get(reverse("volunteers:list")).content.decode()
    assert "Openbare klus" in listing
    assert TITLE not in listing
    names = [f["properties"]["name"] for f in tasks_layer()["features"]]
    assert "Openbare klus" in names
    assert TITLE not in names
    section = tasks_open_in(handover.task.neighbourhood)
    assert public in section
    assert handover.task not in section


def test_nightly_matching_never_suggests_a_private_task(handover, volunteer, other_volunteer):
    for user in (volunteer, other_volunteer):
        user.volunteer_profile.neighbourhoods.set([handover.task.neighbourhood])
    match()
    assert not Suggestion.objects.filter(task=handover.task).exists()


# --- Permissions matrix -----------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", ["handover_new", "handover"])
def test_handover_pages_matrix(request, client, handover, invited, persona, page):
    _login(request, client, persona)
    pk = handover.help_request_id if page == "handover_new" else handover.pk
    response = client.get(reverse(f"volunteers:{page}", args=[pk]))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif persona in TEAM and page == "handover_new":  # it has one: go there
        assert response.status_code == 302
        assert response["Location"] == reverse("volunteers:handover", args=[handover.pk])
    elif persona in TEAM:
        assert response.status_code == 200
    else:
        assert response.status_code == 404
    assert DESCRIPTION not in response.content.decode()


def _action_data(action, handover, invited, other_volunteer):
    return {
        "handover_invite": {"volunteer": other_volunteer.pk},
        "handover_confirm": {"volunteer": invited.pk},
        "handover_end": {},
    }[action]


def _took_effect(action, handover, other_volunteer):
    handover.refresh_from_db()
    return {
        "handover_invite": lambda: TaskInvitation.objects.filter(
            task=handover.task, volunteer=other_volunteer
        ).exists(),
        "handover_confirm": lambda: handover.status == HandOver.Status.CONFIRMED,
        "handover_end": lambda: handover.status == HandOver.Status.ENDED,
    }[action]()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ["handover_invite", "handover_confirm", "handover_end"])
def test_handover_actions_matrix(
    request, client, handover, invited, other_volunteer, persona, action
):
    _accept_and_sign_up(handover, invited)
    user = _login(request, client, persona)
    response = client.post(
        reverse(f"volunteers:{action}", args=[handover.pk]),
        _action_data(action, handover, invited, other_volunteer),
    )
    if persona in TEAM:
        assert response.status_code == 302
        assert _took_effect(action, handover, other_volunteer)
    else:
        assert response.status_code == (302 if user is None else 404)
        assert not _took_effect(action, handover, other_volunteer)


@pytest.mark.parametrize("persona", [*PERSONAS, "matched"])
def test_task_page_and_contact_box_matrix(request, client, handover, invited, persona):
    if persona == "matched":
        _accept_and_sign_up(handover, invited)
        handover_confirm(
            handover=handover,
            by=request.getfixturevalue("professional_a"),
            volunteer_id=invited.pk,
        )
        persona = "invited"
        sees_contact = True
    else:
        sees_contact = False
    _login(request, client, persona)
    logs = AccessLog.objects.count()
    response = client.get(reverse("volunteers:task", args=[handover.task_id]))
    body = response.content.decode()
    if persona in {"invited", "professional_a"}:
        assert response.status_code == 200
        assert TITLE in body
        assert TEXT in body
    else:
        assert response.status_code == 404
    assert DESCRIPTION not in body
    assert (PHONE in body) is sees_contact
    assert ("Anne" in body) is sees_contact  # the resident's name
    assert AccessLog.objects.count() == logs + (1 if sees_contact else 0)


def test_matched_volunteer_sees_contact_details_and_nothing_else(client, handover, matched):
    client.force_login(matched)
    body = client.get(reverse("volunteers:task", args=[handover.task_id])).content.decode()
    assert "Contactgegevens" in body
    assert PHONE in body
    assert f'href="tel:{phone_tel(PHONE)}"' in body  # one tap to call on a phone
    assert DESCRIPTION not in body
    assert TEXT in body  # the anonymised task only
    assert "Jansen" not in body
    with translation.override("nl"):
        assert str(HelpStatus.HANDED_TO_VOLUNTEER.label) not in body
        assert str(Urgency.NORMAL.label) not in body


def test_address_only_for_a_visit(client, area, resident, professional_a, volunteer):
    help_request = file_request(
        resident,
        area["a"],
        contact_way="visit",
        contact_address="Kerkstraat 1, Assen",
        contact_phone=PHONE,
    )
    handover = _create(help_request, professional_a)
    handover_invite(handover=handover, by=professional_a, volunteer_id=volunteer.pk)
    _accept_and_sign_up(handover, volunteer)
    handover_confirm(handover=handover, by=professional_a, volunteer_id=volunteer.pk)
    client.force_login(volunteer)
    body = client.get(reverse("volunteers:task", args=[handover.task_id])).content.decode()
    assert "Kerkstraat 1, Assen" in body
    assert PHONE in body


def test_contact_view_is_logged_for_the_resident(client, handover, matched, resident):
    client.force_login(matched)
    client.get(reverse("volunteers:task", args=[handover.task_id]))
    log = AccessLog.objects.order_by("-pk").first()
    assert (log.user, log.request_number) == (matched, handover.help_request_id)
    client.force_login(resident)
    body = client.get(reverse("help:detail", args=[handover.help_request_id])).content.decode()
    assert "Vera" in body  # who looked, and that a volunteer was found (first name)


def test_confirm_moves_the_request_and_tells_the_resident(client, handover, matched, resident):
    assert HelpRequest.objects.get().status == HelpStatus.HANDED_TO_VOLUNTEER
    client.force_login(resident)
    body = client.get(reverse("help:detail", args=[handover.help_request_id])).content.decode()
    assert "vrijwilliger voor je gevonden: Vera" in body


def test_confirm_needs_a_signed_up_volunteer(handover, invited, professional_a):
    with pytest.raises(ServiceError) as error:
        handover_confirm(handover=handover, by=professional_a, volunteer_id=invited.pk)
    assert error.value.code == "not_signed_up"
    handover.refresh_from_db()
    assert handover.status == HandOver.Status.OFFERED


def test_ending_hides_the_contact_details(client, handover, matched, professional_a):
    handover_end(handover=handover, by=professional_a)
    client.force_login(matched)
    response = client.get(reverse("volunteers:task", args=[handover.task_id]))
    assert PHONE not in response.content.decode()
    assert Task.objects.get().status == Task.Status.CLOSED


def test_invitation_text_holds_nothing_of_the_request(handover, invited):
    from mijnbuurt.notifications.models import Notification

    note = Notification.objects.filter(recipient=invited).latest("pk")
    text = str(note.__dict__)
    assert "Jansen" not in text
    assert PHONE not in text
    assert "Anne" not in text


def test_suggested_volunteers_for_the_handover(
    client, handover, volunteer, other_volunteer, professional_a
):
    volunteer.volunteer_profile.neighbourhoods.set([handover.task.neighbourhood])
    client.force_login(professional_a)
    body = client.get(reverse("volunteers:handover", args=[handover.pk])).content.decode()
    assert "Vera" in body
    assert "Otto" not in body
    response = client.post(
        reverse("volunteers:handover_invite", args=[handover.pk]), {"volunteer": volunteer.pk}
    )
    assert response.status_code == 302
    assert TaskInvitation.objects.filter(task=handover.task, volunteer=volunteer).exists()


# --- Retention --------------------------------------------------------------------------


def test_retention_leaves_no_personal_data_in_the_task(client, handover, matched, professional_a):
    help_request = HelpRequest.objects.get()
    help_request_transition(
        help_request=help_request, to_status=HelpStatus.RESOLVED, by=professional_a
    )
    HelpRequest.objects.filter(pk=help_request.pk).update(
        closed_at=timezone.now() - dt.timedelta(days=400)
    )
    assert help_request_anonymise(help_request=help_request)
    task = Task.objects.get()
    stored = " ".join(str(v) for v in task.__dict__.values())
    for personal in ("Jansen", PHONE, "Anne", "anne@example.org"):
        assert personal not in stored
    client.force_login(matched)
    body = client.get(reverse("volunteers:task", args=[task.pk])).content.decode()
    assert PHONE not in body
    assert "Contactgegevens" not in body
    # the resident deletes the request: the task and hand-over stay, without a link to it
    HelpRequest.objects.all().delete()
    assert HandOver.objects.get().help_request is None
    assert client.get(reverse("volunteers:task", args=[task.pk])).status_code == 200
