"""Migration 0007 hangs every earlier "is het gelukt?" answer on its conversation (the
match's), so one-answer-per-person-per-conversation and the profile's thanks hold for
answers given before it. The database goes back to 0006, an answer is written through
the historical models, and forward again; then to the latest state for later tests."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from exchange.matches import Feedback

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("exchange", "0006_reports")]


def _migrate(targets=None) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


def test_earlier_answers_get_their_conversation():
    executor = _migrate(BEFORE)
    try:
        apps = executor.loader.project_state(BEFORE).apps
        user_model = apps.get_model("accounts", "User")
        owner = user_model.objects.create(email="o@example.org", display_name="O")
        replier = user_model.objects.create(email="r@example.org", display_name="R")
        wijk = apps.get_model("neighbourhoods", "Neighbourhood").objects.create(
            code="WK999", name="W", slug="w", level="wijk"
        )
        category = apps.get_model("exchange", "Category").objects.create(name="C", slug="c")
        listing = apps.get_model("exchange", "Listing").objects.create(
            owner=owner,
            direction="offer",
            kind="help",
            title="T",
            description="D",
            category=category,
            neighbourhood=wijk,
            status="done",
            expires_at=timezone.now(),
        )
        conversation = apps.get_model("exchange", "Conversation").objects.create(
            listing=listing, replier=replier
        )
        match = apps.get_model("exchange", "Match").objects.create(
            conversation=conversation, proposed_by=replier, confirmed_at=timezone.now()
        )
        old = apps.get_model("exchange", "Feedback").objects.create(
            match=match, author=replier, outcome="yes", thanks="Dank"
        )
    finally:
        _migrate()
    answer = Feedback.objects.get(pk=old.pk)
    assert (answer.conversation_id, answer.match_id) == (conversation.pk, match.pk)
