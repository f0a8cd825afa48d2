"""The lifecycle: every allowed transition by the right person, refusals change nothing."""

import pytest

from initiatives.lifecycle import ORGANISER, REVIEWER, TRANSITIONS
from initiatives.models import Status, StatusChange
from initiatives.services import initiative_transition
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import PATHS, make_initiative

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "move", list(TRANSITIONS.values()), ids=lambda t: f"{t.from_status}->{t.to_status}"
)
def test_every_allowed_transition_is_recorded_by_the_right_person(move, organiser, staff, buurt):
    initiative = make_initiative(
        by=organiser, neighbourhood=buurt, status=move.from_status, reviewer=staff
    )
    actor = organiser if ORGANISER in move.who else staff
    before = StatusChange.objects.filter(initiative=initiative).count()

    initiative_transition(
        initiative=initiative, to_status=move.to_status, by=actor, note="Een toelichting."
    )

    initiative.refresh_from_db()
    assert initiative.status == move.to_status
    change = StatusChange.objects.filter(initiative=initiative).latest("at", "pk")
    assert (change.from_status, change.to_status, change.by) == (
        move.from_status,
        move.to_status,
        actor,
    )
    assert change.note == "Een toelichting."
    assert StatusChange.objects.filter(initiative=initiative).count() == before + 1


def test_every_status_is_reachable_through_the_table():
    reachable = {Status.DRAFT} | {t.to_status for t in TRANSITIONS.values()}
    assert reachable == set(Status.values)
    assert set(PATHS) == set(Status.values)


@pytest.mark.parametrize(
    ("status", "to_status", "who"),
    [
        (Status.DRAFT, Status.PUBLISHED, REVIEWER),  # skipping the review
        (Status.DRAFT, Status.SUBMITTED, REVIEWER),  # only organisers submit
        (Status.SUBMITTED, Status.PUBLISHED, ORGANISER),  # organisers never approve
        (Status.IN_REVIEW, Status.DECLINED, ORGANISER),
        (Status.DECLINED, Status.PUBLISHED, REVIEWER),  # declined is final
        (Status.COMPLETED, Status.PUBLISHED, ORGANISER),
        (Status.PUBLISHED, Status.COMPLETED, REVIEWER),  # organisers say when it is done
        (Status.STOPPED, Status.PUBLISHED, REVIEWER),
    ],
)
def test_transition_not_allowed_or_by_wrong_person_is_refused_and_changes_nothing(
    status, to_status, who, organiser, staff, buurt
):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=status, reviewer=staff)
    changes = StatusChange.objects.count()
    notifications = Notification.objects.count()

    with pytest.raises(ServiceError) as error:
        initiative_transition(
            initiative=initiative,
            to_status=to_status,
            by=organiser if who == ORGANISER else staff,
            note="Waarom niet.",
        )

    assert error.value.code in {"not_allowed", "forbidden"}
    initiative.refresh_from_db()
    assert initiative.status == status
    assert StatusChange.objects.count() == changes
    assert Notification.objects.count() == notifications


def test_refusal_message_is_in_dutch(organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError) as error:
        initiative_transition(initiative=initiative, to_status=Status.COMPLETED, by=organiser)
    assert error.value.message == "Een initiatief dat “Concept” is, kan niet “Afgerond” worden."


def test_outsider_cannot_submit_someone_elses_draft(organiser, outsider, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError) as error:
        initiative_transition(initiative=initiative, to_status=Status.SUBMITTED, by=outsider)
    assert error.value.code == "forbidden"
    assert "mag deze wijziging" in error.value.message


def test_decline_and_request_changes_need_a_reason(organiser, staff, buurt):
    initiative = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.SUBMITTED, reviewer=staff
    )
    for to_status in (Status.DECLINED, Status.CHANGES_REQUESTED):
        with pytest.raises(ServiceError) as error:
            initiative_transition(initiative=initiative, to_status=to_status, by=staff, note="  ")
        assert error.value.code == "note_required"
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_area_team_member_reviews_their_own_area_only(organiser, team_member, buurt, other_buurt):
    mine = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    elsewhere = make_initiative(by=organiser, neighbourhood=other_buurt, status=Status.SUBMITTED)

    initiative_transition(initiative=mine, to_status=Status.PUBLISHED, by=team_member)
    with pytest.raises(ServiceError):
        initiative_transition(initiative=elsewhere, to_status=Status.PUBLISHED, by=team_member)

    mine.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (mine.status, elsewhere.status) == (Status.PUBLISHED, Status.SUBMITTED)


def test_transition_notifies_organisers_and_followers_but_not_the_actor(
    organiser, staff, buurt, django_capture_on_commit_callbacks
):
    from initiatives.services import initiative_follow

    follower = UserFactory(email="volger@example.org")
    initiative = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff
    )
    initiative_follow(initiative=initiative, by=follower)
    Notification.objects.all().delete()

    initiative_transition(initiative=initiative, to_status=Status.STOPPED, by=staff, note="Op.")

    recipients = set(Notification.objects.values_list("recipient__email", flat=True))
    assert recipients == {organiser.email, follower.email}
    notification = Notification.objects.get(recipient=follower)
    assert notification.kind == "initiative_status"
    assert notification.context["to_status"] == "stopped"
    assert notification.link == f"/initiatieven/{initiative.pk}/"


def test_status_notification_title_reads_in_dutch(organiser, staff, buurt):
    from mijnbuurt.notifications.emails import notification_title

    initiative = make_initiative(
        by=organiser,
        neighbourhood=buurt,
        status=Status.PUBLISHED,
        reviewer=staff,
        title="Bankjes & bloemen",
    )
    notification = Notification.objects.filter(recipient=organiser).first()
    assert initiative.status == Status.PUBLISHED
    assert notification_title(notification) == "“Bankjes & bloemen” is goedgekeurd en gepubliceerd"
