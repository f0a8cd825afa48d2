"""Twenty people reply to one listing at the same moment: twenty conversations; one
person pressing twice at once: one conversation. Both sides pressing "match" at once:
one confirmed match; hours confirmed twice at once: counted once."""

import pytest

from exchange.matches import CreditMovement, Match
from exchange.models import Conversation, Listing, Message
from exchange.reciprocity import credit_confirm, credit_record, match_press
from exchange.services import conversation_start
from tests.accounts.factories import UserFactory
from tests.races import postgres_only, run_concurrently

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


def test_twenty_parallel_replies_give_twenty_conversations(listing):
    repliers = [UserFactory(home_neighbourhood=listing.neighbourhood) for _n in range(20)]
    results = run_concurrently(
        lambda person: conversation_start(listing=listing, replier=person, body="Ik kan helpen"),
        repliers,
    )
    assert all(isinstance(result, Conversation) for result in results)
    assert Conversation.objects.filter(listing=listing).count() == 20
    assert set(Conversation.objects.values_list("replier", flat=True)) == {r.pk for r in repliers}
    assert Message.objects.count() == 20


def test_one_person_replying_twice_at_once_gets_one_conversation(listing, replier):
    results = run_concurrently(
        lambda body: conversation_start(listing=listing, replier=replier, body=body),
        ["Eerste", "Tweede"],
    )
    assert len({result.pk for result in results}) == 1
    assert Conversation.objects.filter(listing=listing, replier=replier).count() == 1
    assert Message.objects.count() == 2


def test_both_sides_pressing_match_at_once_give_one_confirmed_match(conversation, owner, replier):
    results = run_concurrently(
        lambda person: match_press(conversation=conversation, by=person), [owner, replier]
    )
    assert all(isinstance(result, Match) for result in results)
    match = Match.objects.get()
    assert match.is_confirmed
    conversation.listing.refresh_from_db()
    assert conversation.listing.status == Listing.Status.MATCHED


def test_one_side_pressing_match_twice_at_once_gives_one_proposal(conversation, replier):
    results = run_concurrently(
        lambda _n: match_press(conversation=conversation, by=replier), [1, 2]
    )
    assert sorted(type(result).__name__ for result in results) == ["Match", "ServiceError"]
    assert Match.objects.get().confirmed_at is None


def test_confirming_hours_twice_at_once_writes_two_movements(matched, owner, replier):
    credit_record(conversation=matched, by=replier, hours=2, gave=True)
    results = run_concurrently(lambda _n: credit_confirm(conversation=matched, by=owner), [1, 2])
    assert sorted(type(result).__name__ for result in results) == [
        "CreditTransfer",
        "ServiceError",
    ]
    assert CreditMovement.objects.count() == 2
    assert sum(CreditMovement.objects.values_list("hours", flat=True)) == 0


def test_three_people_reporting_at_once_hide_the_listing_exactly_once(listing, owner):
    from exchange.models import Report
    from exchange.moderation import report_listing
    from mijnbuurt.notifications.models import Notification

    reporters = UserFactory.create_batch(3)
    results = run_concurrently(
        lambda person: report_listing(listing=listing, by=person, reason="spam"), reporters
    )
    assert all(isinstance(result, Report) for result in results)
    assert sorted(Report.objects.values_list("reporter", flat=True)) == sorted(
        r.pk for r in reporters
    )
    listing.refresh_from_db()
    assert listing.hidden_at is not None
    assert Notification.objects.filter(recipient=owner, kind="exchange_moderation").count() == 1


def test_one_person_reporting_twice_at_once_gives_one_report(listing, third):
    from exchange.models import Report
    from exchange.moderation import report_listing

    results = run_concurrently(
        lambda reason: report_listing(listing=listing, by=third, reason=reason),
        ["spam", "abusive"],
    )
    assert sorted(type(result).__name__ for result in results) == ["Report", "ServiceError"]
    assert Report.objects.count() == 1
