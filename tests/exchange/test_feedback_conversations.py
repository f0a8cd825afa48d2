""" "Is het gelukt?" also without a confirmed match: once the listing is closed, both
sides of a conversation in which each of them wrote are asked, and answer once each
(a second answer replaces the first); thanks show on the profile if agreed."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from exchange.matches import Feedback
from exchange.models import Listing
from exchange.reciprocity import feedback_give, thanks_show
from exchange.services import listing_close
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification

from .factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def talked(listing, owner, replier):
    """The open listing's conversation in which both sides wrote (no match)."""
    conversation = ConversationFactory(listing=listing, replier=replier)
    MessageFactory(conversation=conversation, sender=replier, body="Mijn band is lek.")
    MessageFactory(conversation=conversation, sender=owner, body="Kom morgen langs.")
    return conversation


def _close(listing, to=Listing.Status.WITHDRAWN):
    listing_close(listing=listing, by=listing.owner, to=to)


def test_closing_asks_both_sides_of_a_conversation_both_wrote_in(listing, talked, third):
    one_sided = ConversationFactory(listing=listing, replier=third)
    MessageFactory(conversation=one_sided, sender=third)
    _close(listing)
    asked = Notification.objects.filter(kind="exchange_feedback")
    assert sorted(asked.values_list("recipient_id", flat=True)) == sorted(
        [listing.owner_id, talked.replier_id]
    )


def test_both_sides_answer_once_each_and_a_second_answer_replaces_the_first(
    listing, talked, owner, replier
):
    _close(listing)
    feedback_give(conversation=talked, by=replier, outcome="partly")
    answer = feedback_give(conversation=talked, by=replier, outcome="yes", thanks="Dank!")
    feedback_give(conversation=talked, by=owner, outcome="no")
    assert Feedback.objects.count() == 2
    answer.refresh_from_db()
    assert (answer.conversation, answer.match, answer.outcome) == (talked, None, "yes")
    with pytest.raises(IntegrityError), transaction.atomic():
        Feedback.objects.create(conversation=talked, author=replier, outcome="no")


@pytest.mark.parametrize(
    ("setup", "kwargs", "code"),
    [
        ("open", {"outcome": "yes"}, "open"),
        ("one_sided", {"outcome": "yes"}, "no_exchange"),
        ("closed", {"outcome": "maybe"}, "outcome"),
        ("closed", {"outcome": "yes", "thanks": "x" * 1001}, "long"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(listing, talked, replier, setup, kwargs, code):
    if setup == "one_sided":
        talked.messages.filter(sender=listing.owner).delete()
    if setup != "open":
        _close(listing)
    with pytest.raises(ServiceError) as refused:
        feedback_give(conversation=talked, by=replier, **kwargs)
    assert refused.value.code == code
    assert refused.value.message
    assert not Feedback.objects.exists()


def test_an_outsider_cannot_answer(listing, talked, third):
    _close(listing)
    with pytest.raises(ServiceError) as refused:
        feedback_give(conversation=talked, by=third, outcome="yes")
    assert refused.value.code == "forbidden"
    assert not Feedback.objects.exists()


def test_the_feedback_page_opens_only_once_closed_and_both_wrote(client, listing, talked, replier):
    url = reverse("exchange:feedback", kwargs={"pk": talked.pk})
    client.force_login(replier)
    assert client.get(url).status_code == 404  # still open
    _close(listing, to=Listing.Status.DONE)
    assert client.get(url).status_code == 200
    response = client.post(url, {"outcome": "yes", "thanks": "Fijn geholpen"})
    assert response.status_code == 302
    assert Feedback.objects.get().thanks == "Fijn geholpen"
    response = client.post(url, {"outcome": ""})
    assert response.status_code == 200
    assert Feedback.objects.get().outcome == "yes"  # unchanged
    talked.messages.filter(sender=listing.owner).delete()
    assert client.get(url).status_code == 404  # no longer both wrote (deleted)


def test_the_conversation_page_and_list_ask_until_answered(client, listing, talked, replier):
    client.force_login(replier)
    page = reverse("exchange:conversation", kwargs={"pk": talked.pk})
    feedback = reverse("exchange:feedback", kwargs={"pk": talked.pk})
    assert feedback not in client.get(page).content.decode()
    assert feedback not in client.get(reverse("exchange:conversations")).content.decode()
    _close(listing)
    assert 'id="feedback"' in client.get(page).content.decode()
    listed = client.get(reverse("exchange:conversations"))
    assert [c.feedback_due for c in listed.context["page"].object_list] == [True]
    assert feedback in listed.content.decode()
    feedback_give(conversation=talked, by=replier, outcome="yes")
    listed = client.get(reverse("exchange:conversations"))
    assert [c.feedback_due for c in listed.context["page"].object_list] == [False]
    assert client.get(page).context["feedback_answered"] is True


def test_thanks_without_a_match_show_on_the_profile_once_agreed(
    client, listing, talked, owner, replier
):
    _close(listing)
    feedback_give(conversation=talked, by=replier, outcome="partly", thanks="Dank je, Olga!")
    client.force_login(owner)
    profile = reverse("accounts:profile")
    assert "Dank je, Olga!" not in client.get(profile).content.decode()
    thanks_show(conversation=talked, by=owner, shown=True)
    assert "Dank je, Olga!" in client.get(profile).content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_the_conversations_list_costs_the_same_with_answers_due(
    client, owner, replier, category, places, size, django_assert_num_queries
):
    from .factories import ListingFactory

    for _i in range(size):
        closed = ListingFactory(owner=owner, category=category, status=Listing.Status.DONE)
        conversation = ConversationFactory(listing=closed, replier=replier)
        MessageFactory(conversation=conversation, sender=replier)
        MessageFactory(conversation=conversation, sender=owner)
    client.force_login(replier)
    with django_assert_num_queries(5):
        response = client.get(reverse("exchange:conversations"))
    assert all(c.feedback_due for c in response.context["page"].object_list)
