"""A shift never has more confirmed sign-ups than places, also under concurrent sign-ups.

On PostgreSQL twenty threads, each with its own connection, sign up at the same
moment; the shift's row lock counts them one after the other. On SQLite the same
runs in sequence (its IMMEDIATE transactions serialise writers).
"""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory
from volunteers.models import SignUp
from volunteers.services import shift_sign_up

from .factories import ShiftFactory

CONCURRENT = 20
PLACES = 5

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Real concurrency needs PostgreSQL; the SQLite path is tested in sequence below.",
)


def run_concurrently(work, count: int) -> list[str]:
    barrier = threading.Barrier(count)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            with translation.override("nl"):  # as a Dutch request would
                result = work(n)
        except ServiceError as error:
            result = f"{error.code}: {error.message}"
        except Exception as error:  # reported by the assertions
            result = f"error: {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_signups_for_five_places_confirm_exactly_five():
    shift = ShiftFactory(places=PLACES)
    volunteers = [UserFactory() for _ in range(CONCURRENT)]

    outcomes = run_concurrently(
        lambda n: shift_sign_up(shift=shift, volunteer=volunteers[n]).status, CONCURRENT
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

    outcomes = run_concurrently(
        lambda n: shift_sign_up(shift=shift, volunteer=volunteers[n], join_waitlist=True).status,
        CONCURRENT,
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

    outcomes = run_concurrently(
        lambda n: shift_sign_up(shift=shifts[n], volunteer=volunteer).status, len(shifts)
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
