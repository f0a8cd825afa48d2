"""The nightly matching writes only the suggestions that changed."""

from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from initiatives.models import Theme
from volunteers import matching_write
from volunteers.matching import match
from volunteers.models import Suggestion

from .test_matching import _task, _volunteer, cooking, places

pytestmark = pytest.mark.django_db
__all__ = ["cooking", "places"]  # fixtures


@pytest.fixture(params=["postgresql", "python"])
def writer(request):
    """Both ways of writing: set-wise on PostgreSQL, compared in Python elsewhere."""
    if request.param == "postgresql":
        if connection.vendor != "postgresql":
            pytest.skip("PostgreSQL only")
        yield
        return
    with mock.patch.object(matching_write, "_write_postgresql", matching_write._write_python):
        yield


def rows(**filters) -> set[tuple]:
    """The stored suggestions, every column."""
    return {
        (pk, volunteer, task, score, str(reasons), computed_at, notified_at)
        for pk, volunteer, task, score, reasons, computed_at, notified_at in (
            Suggestion.objects.filter(**filters).values_list(
                "pk", "volunteer_id", "task_id", "score", "reasons", "computed_at", "notified_at"
            )
        )
    }


def pairs() -> set[tuple]:
    """What a volunteer sees: each suggestion's task, score and reasons."""
    return {row[1:5] for row in rows()}


@pytest.fixture
def matched(places, cooking):
    for theme in (Theme.CARE, Theme.GREEN):
        _task(place=places["near"], skills=[cooking], theme=theme)
    _task(place=places["other"], theme=Theme.GREEN)
    alice = _volunteer(home=places["near"], skills=[cooking], interests=[Theme.GREEN])
    bob = _volunteer(home=places["other"], interests=[Theme.CARE])
    run = match()
    assert run.written.inserted == run.suggestions > 0
    Suggestion.objects.filter(volunteer=bob.user).update(notified_at=timezone.now())
    return alice, bob


def test_a_rerun_on_unchanged_data_writes_nothing(matched, writer):
    before = rows()
    run = match()
    assert (run.written.inserted, run.written.updated, run.written.deleted) == (0, 0, 0)
    assert rows() == before


def test_a_changed_profile_changes_only_that_volunteers_rows(matched, writer, places):
    alice, bob = matched
    others = rows(volunteer=bob.user)
    alice.skills.clear()
    alice.interests = [Theme.CARE]
    alice.save()

    run = match()

    assert run.written.rows > 0
    assert rows(volunteer=bob.user) == others  # same rows, scores, e-mailed moments
    changed = pairs()
    Suggestion.objects.all().delete()
    match()  # from nothing: the same result the changes led to
    assert pairs() == changed


def test_a_single_volunteers_rerun_writes_only_their_changes(matched, writer, places):
    alice, bob = matched
    others = rows(volunteer=bob.user)
    alice_before = rows(volunteer=alice.user)
    assert match(user_id=alice.user_id).written.rows == 0
    _task(place=places["near"], theme=Theme.GREEN)
    run = match(user_id=alice.user_id)
    assert run.written.inserted == 1
    assert alice_before < rows(volunteer=alice.user)  # her earlier rows untouched
    assert rows(volunteer=bob.user) == others
