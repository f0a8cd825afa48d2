"""The lifecycle helper (mijnbuurt/core/transitions.py), and each app's table of moves.

The helper is shown on a small lifecycle of its own (a person's preferred language:
Dutch to English by the person themself, a note required), so the tests need no
domain data; the tables of the seven real lifecycles are restated below from the
rules as the services had them written out by hand, and compared with every pair
of states.
"""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from buurtbudget.lifecycle import PROPOSAL
from buurtbudget.models import Proposal
from helprequests.lifecycle import HELP_REQUEST
from helprequests.models import HelpStatus as HS
from initiatives.lifecycle import ACCOUNTABILITY, GRANT, INITIATIVE
from initiatives.models import AccountabilityReport, GrantRequest
from initiatives.models import Status as IS
from mijnbuurt.accounts.models import User
from mijnbuurt.accounts.services import user_delete, user_export_data
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.models import StatusChange
from mijnbuurt.core.transitions import (
    Lifecycle,
    Move,
    Refusal,
    lifecycle_of,
    transition,
    transition_many,
)
from venues.lifecycle import BOOKING
from venues.models import Booking
from volunteers.lifecycle import HANDOVER, TASK
from volunteers.models import HandOver, Task

pytestmark = pytest.mark.django_db

LANGUAGE = Lifecycle(
    model=User,
    field="preferred_language",
    roles={"self": lambda user, person: user.pk == person.pk},
    moves=[Move("nl", "en", {"self"}, note_required=True)],
    refused=Refusal("From “%(from)s” to “%(to)s”: no.", "refused"),
    forbidden=Refusal("Not yours.", "forbidden"),
    note_missing=Refusal("Why?", "note_required"),
    note_max=10,
)


def _to_english(person, *, by, note="Op reis."):
    return transition(person, "en", by=by, note=note, field="preferred_language")


def test_move_is_made_saved_and_recorded_with_who_when_from_to_and_note(resident):
    before = timezone.now()
    resident.display_name = "Niet opgeslagen"  # only the moved field is saved

    change = _to_english(resident, by=resident, note="  Ik verhuis naar Gent, België.  ")

    resident.refresh_from_db()
    assert resident.preferred_language == "en"
    assert resident.display_name != "Niet opgeslagen"
    change = StatusChange.objects.get(pk=change.pk)
    assert change.obj == resident
    assert (change.field, change.from_state, change.to_state) == ("preferred_language", "nl", "en")
    assert change.by == resident
    assert change.note == "Ik verhuis"  # stripped, and cut at the lifecycle's note_max
    assert before <= change.at <= timezone.now()


def test_move_not_in_the_table_is_refused_naming_the_states_and_changes_nothing(resident):
    resident.preferred_language = "en"
    resident.save()

    with pytest.raises(ServiceError) as refused:
        _to_english(resident, by=resident)

    assert refused.value.code == "refused"
    assert refused.value.message == "From “Engels” to “Engels”: no."
    resident.refresh_from_db()
    assert resident.preferred_language == "en"
    assert not StatusChange.objects.exists()


def test_actor_who_may_not_make_the_move_is_refused_before_the_state_is_told(resident, outsider):
    for state in ("nl", "en"):  # the same answer, whatever the state
        resident.preferred_language = state
        resident.save()
        with pytest.raises(ServiceError) as refused:
            _to_english(resident, by=outsider)
        assert (refused.value.code, refused.value.message) == ("forbidden", "Not yours.")
        resident.refresh_from_db()
        assert resident.preferred_language == state
    with pytest.raises(ServiceError):
        _to_english(resident, by=AnonymousUser())
    assert not StatusChange.objects.exists()


def test_a_move_that_needs_a_note_is_refused_without_one(resident):
    with pytest.raises(ServiceError) as refused:
        _to_english(resident, by=resident, note="   ")
    assert refused.value.code == "note_required"
    resident.refresh_from_db()
    assert resident.preferred_language == "nl"


def test_the_calling_service_may_grant_a_role_of_its_own_rule(resident, staff):
    step = LANGUAGE.check(resident, "en", by=staff, note="Namens", extra_roles={"self"})
    step.apply()
    resident.refresh_from_db()
    assert resident.preferred_language == "en"
    assert StatusChange.objects.get().by == staff


def test_several_rows_move_together_or_not_at_all(resident, outsider):
    with pytest.raises(ServiceError):
        transition_many([resident, outsider], "en", by=resident, field="preferred_language")
    assert set(User.objects.values_list("preferred_language", flat=True)) == {"nl"}
    assert not StatusChange.objects.exists()


def test_people_download_the_moves_they_made_and_deleting_the_account_forgets_who(
    resident, outsider
):
    _to_english(resident, by=resident, note="Reis")

    moves = user_export_data(user=resident)["status_changes"]
    assert [(m["from"], m["to"], m["note"]) for m in moves] == [("nl", "en", "Reis")]
    assert user_export_data(user=outsider)["status_changes"] == []

    user_delete(user=resident)

    change = StatusChange.objects.get()
    assert (change.by, change.to_state, change.note) == (None, "en", "Reis")


def test_each_lifecycle_is_found_by_its_model():
    assert lifecycle_of(Booking) is BOOKING
    assert lifecycle_of(Task()) is TASK
    with pytest.raises(LookupError):
        lifecycle_of(ContentType)


# --- The seven lifecycles' tables ---------------------------------------------------------

OPEN_HELP = [HS.NEW, HS.IN_TRIAGE, HS.HANDED_TO_VOLUNTEER, HS.LIGHT_INTERVENTION, HS.REFERRED]
G, R, B, T, H = (
    GrantRequest.Status,
    AccountabilityReport.Status,
    Booking.Status,
    Task.Status,
    HandOver.Status,
)

# (lifecycle, {(from, to): who}) as the services allowed them before the helper.
TABLES = {
    "initiative": (
        INITIATIVE,
        {
            (IS.DRAFT, IS.SUBMITTED): {"organiser"},
            (IS.CHANGES_REQUESTED, IS.SUBMITTED): {"organiser"},
            (IS.SUBMITTED, IS.DRAFT): {"organiser"},
            (IS.SUBMITTED, IS.IN_REVIEW): {"reviewer"},
            (IS.SUBMITTED, IS.PUBLISHED): {"reviewer"},
            (IS.SUBMITTED, IS.CHANGES_REQUESTED): {"reviewer"},
            (IS.SUBMITTED, IS.DECLINED): {"reviewer"},
            (IS.IN_REVIEW, IS.PUBLISHED): {"reviewer"},
            (IS.IN_REVIEW, IS.CHANGES_REQUESTED): {"reviewer"},
            (IS.IN_REVIEW, IS.DECLINED): {"reviewer"},
            (IS.PUBLISHED, IS.COMPLETED): {"organiser"},
            (IS.PUBLISHED, IS.STOPPED): {"organiser", "reviewer"},
        },
    ),
    "help_request": (
        HELP_REQUEST,
        {
            (HS.NEW, HS.IN_TRIAGE): {"team"},
            (HS.IN_TRIAGE, HS.LIGHT_INTERVENTION): {"team"},
            (HS.IN_TRIAGE, HS.HANDED_TO_VOLUNTEER): {"team"},
            (HS.IN_TRIAGE, HS.REFERRED): {"team"},
            (HS.LIGHT_INTERVENTION, HS.REFERRED): {"team"},
            (HS.HANDED_TO_VOLUNTEER, HS.IN_TRIAGE): {"team"},
            (HS.LIGHT_INTERVENTION, HS.IN_TRIAGE): {"team"},
            (HS.REFERRED, HS.IN_TRIAGE): {"team"},
            **{(s, HS.RESOLVED): {"team"} for s in OPEN_HELP if s != HS.NEW},
            **{(s, HS.CLOSED_NOT_NEEDED): {"team"} for s in OPEN_HELP},
            **{(s, HS.WITHDRAWN): {"resident"} for s in OPEN_HELP},
            (HS.RESOLVED, HS.IN_TRIAGE): {"team", "resident"},
            (HS.CLOSED_NOT_NEEDED, HS.IN_TRIAGE): {"team"},
        },
    ),
    "booking": (
        BOOKING,
        {
            (B.PENDING, B.APPROVED): {"manager"},
            (B.PENDING, B.DECLINED): {"manager"},
            (B.PENDING, B.CANCELLED): {"manager", "booker"},
            (B.APPROVED, B.CANCELLED): {"manager", "booker"},
        },
    ),
    "grant": (
        GRANT,
        {
            (G.REQUESTED, G.AWARDED): {"reviewer"},
            (G.REQUESTED, G.DECLINED): {"reviewer"},
            (G.AWARDED, G.PAID): {"staff"},
        },
    ),
    "accountability": (
        ACCOUNTABILITY,
        {
            (R.DRAFT, R.SUBMITTED): {"organiser"},
            (R.CHANGES_REQUESTED, R.SUBMITTED): {"organiser"},
            (R.SUBMITTED, R.ACCEPTED): {"reviewer"},
            (R.SUBMITTED, R.CHANGES_REQUESTED): {"reviewer"},
        },
    ),
    "handover": (
        HANDOVER,
        {
            (H.OFFERED, H.CONFIRMED): {"team"},
            (H.OFFERED, H.ENDED): {"team"},
            (H.CONFIRMED, H.ENDED): {"team"},
        },
    ),
    "buurtbudget_proposal": (
        PROPOSAL,
        {
            (Proposal.Status.SUBMITTED, Proposal.Status.FEASIBLE): {"staff"},
            (Proposal.Status.SUBMITTED, Proposal.Status.NOT_FEASIBLE): {"staff"},
        },
    ),
    "task": (
        TASK,
        {
            (T.DRAFT, T.PUBLISHED): {"organiser"},
            (T.CLOSED, T.PUBLISHED): {"organiser"},
            (T.PUBLISHED, T.CLOSED): {"organiser"},
        },
    ),
}


@pytest.mark.parametrize("name", TABLES)
def test_lifecycle_allows_exactly_its_moves_to_exactly_their_roles(name, monkeypatch):
    lifecycle, expected = TABLES[name]
    assert {pair: set(move.who) for pair, move in lifecycle.moves.items()} == expected
    granted = set()  # the roles the asker holds, whatever the object

    def grant(roles):
        granted.clear()
        granted.update(roles)

    monkeypatch.setattr(
        lifecycle, "roles", {role: lambda u, o, r=role: r in granted for role in lifecycle.roles}
    )
    nobody = AnonymousUser()
    for source, target in itertools.product(lifecycle.choices, repeat=2):
        obj = lifecycle.model(**{lifecycle.field: source})
        who = expected.get((source, target))
        if who is None:  # not in the table: refused, even to someone holding every role
            grant(lifecycle.roles)
            with pytest.raises(ServiceError) as refused:
                lifecycle.check(obj, target, by=nobody, note="x")
            assert refused.value.code == lifecycle.refused_into.get(target, lifecycle.refused).code
        else:
            grant(who)
            assert lifecycle.check(obj, target, by=nobody, note="x").roles == who
            for role in set(lifecycle.roles) - who:  # any other role alone is refused
                grant({role})
                with pytest.raises(ServiceError) as refused:
                    lifecycle.check(obj, target, by=nobody, note="x")
                assert refused.value.code == "forbidden"
        assert getattr(obj, lifecycle.field) == source  # asking changes nothing


def test_a_task_s_moves_are_recorded_and_go_with_the_task(db):
    from tests.volunteers.factories import ShiftFactory
    from volunteers.services.tasks import task_close, task_publish

    task = ShiftFactory().task
    organiser = task.created_by
    task_close(task=task, by=organiser)
    task_publish(task=task, by=organiser)

    moves = [(c.from_state, c.to_state, c.by) for c in task.status_changes.all()]
    assert moves == [("published", "closed", organiser), ("closed", "published", organiser)]
    task.delete()
    assert not StatusChange.objects.exists()
