"""A shift never has more confirmed sign-ups than places, also under concurrent sign-ups.

On PostgreSQL twenty threads, each with its own connection, sign up at the same
moment; the shift's row lock counts them one after the other. On SQLite the same
runs in sequence (its IMMEDIATE transactions serialise writers).
"""

import pytest

from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory
from tests.races import postgres_only, run_concurrently
from volunteers.models import SignUp
from volunteers.services import shift_sign_up

from .factories import ShiftFactory

CONCURRENT = 20
PLACES = 5


def _as_text(results: list) -> list:
    """Refusals as "<code>: <message>" for the assertions, other results as they are."""
    return [f"{r.code}: {r.message}" if isinstance(r, ServiceError) else r for r in results]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_signups_for_five_places_confirm_exactly_five():
    shift = ShiftFactory(places=PLACES)
    volunteers = [UserFactory() for _ in range(CONCURRENT)]

    outcomes = _as_text(
        run_concurrently(lambda v: shift_sign_up(shift=shift, volunteer=v).status, volunteers)
    )

    assert len(outcomes) == CONCURRENT
    assert outcomes.count(SignUp.Status.CONFIRMED) == PLACES, outcomes
    refused = [o for o in outcomes if o != SignUp.Status.CONFIRMED]
    assert len(refused) == CONCURRENT - PLACES
    assert all(o.startswith("full: ") and "wachtlijst" in o for o in refused), refused
    assert SignUp.objects.filter(shift=shift, status=SignUp.Status.CONFIRMED).count() == PLACES
    assert SignUp.objects.filter(shift=shift).count() == PLACES


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_signups_with_waiting_list_confirm_five_and_queue_fifteen():
    shift = ShiftFactory(places=PLACES)
    volunteers = [UserFactory() for _ in range(CONCURRENT)]

    outcomes = _as_text(
        run_concurrently(
            lambda v: shift_sign_up(shift=shift, volunteer=v, join_waitlist=True).status,
            volunteers,
        )
    )

    assert outcomes.count(SignUp.Status.CONFIRMED) == PLACES, outcomes
    assert outcomes.count(SignUp.Status.WAITLISTED) == CONCURRENT - PLACES, outcomes
    assert SignUp.objects.filter(shift=shift, status=SignUp.Status.CONFIRMED).count() == PLACES


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_one_volunteer_signing_up_for_overlapping_shifts_at_once_gets_one():
    first = ShiftFactory()
    overlapping = [
        ShiftFactory(starts_at=first.starts_at, ends_at=first.ends_at) for _ in range(5)
    ]
    shifts = [first, *overlapping]
    volunteer = UserFactory()

    outcomes = _as_text(
        run_concurrently(lambda s: shift_sign_up(shift=s, volunteer=volunteer).status, shifts)
    )

    assert outcomes.count(SignUp.Status.CONFIRMED) == 1, outcomes
    assert all(o.startswith("overlap: ") for o in outcomes if o != SignUp.Status.CONFIRMED)
    assert SignUp.objects.filter(volunteer=volunteer).count() == 1


@pytest.mark.django_db
def test_twenty_signups_in_sequence_for_five_places_confirm_exactly_five():
    shift = ShiftFactory(places=PLACES)
    outcomes = []
    for _ in range(CONCURRENT):
        try:
            outcomes.append(shift_sign_up(shift=shift, volunteer=UserFactory()).status)
        except ServiceError as error:
            outcomes.append(error.code)
    assert outcomes.count(SignUp.Status.CONFIRMED) == PLACES
    assert outcomes.count("full") == CONCURRENT - PLACES
    assert SignUp.objects.filter(shift=shift).count() == PLACES
