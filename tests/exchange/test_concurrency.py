"""Twenty people reply to one listing at the same moment: twenty conversations; one
person pressing twice at once: one conversation."""

import pytest

from exchange.models import Conversation, Message
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
