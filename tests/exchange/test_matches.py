"""'We hebben een match': one side proposes, the other confirms, the listing becomes
matched and the other side hears of it; after the listing closes both are asked
"is het gelukt?", and a thank-you is shown on a profile only when its receiver agrees."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from exchange.matches import Feedback, Match
from exchange.matches_selectors import thanks_for_profile
from exchange.models import Listing
from exchange.reciprocity import feedback_give, match_press, thanks_show
from exchange.services import listing_close
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification

from .factories import ConversationFactory, CreditTransferFactory, MessageFactory

pytestmark = pytest.mark.django_db


def _notes(person, kind):
    return list(Notification.objects.filter(recipient=person, kind=kind))


def test_one_side_proposes_the_other_confirms(conversation, owner, replier):
    match = match_press(conversation=conversation, by=replier)
    assert not match.is_confirmed
    assert [n.link for n in _notes(owner, "exchange_match")] == [
        f"/vraag-en-aanbod/gesprekken/{conversation.pk}/"
    ]
    conversation.listing.refresh_from_db()
    assert conversation.listing.status == Listing.Status.OPEN  # not yet: one side only

    match = match_press(conversation=conversation, by=owner)
    assert match.is_confirmed
    conversation.listing.refresh_from_db()
    assert conversation.listing.status == Listing.Status.MATCHED
    assert len(_notes(replier, "exchange_match")) == 1
    assert Match.objects.count() == 1


def test_pressing_twice_yourself_is_refused_without_change(conversation, replier):
    match_press(conversation=conversation, by=replier)
    with translation.override("en"), pytest.raises(ServiceError, match="other person confirms"):
        match_press(conversation=conversation, by=replier)
    assert Match.objects.get().confirmed_at is None


def test_a_closed_listing_takes_no_match(withdrawn, replier):
    conversation = withdrawn.conversations.get()
    with pytest.raises(ServiceError):
        match_press(conversation=conversation, by=replier)
    assert not Match.objects.exists()


def test_a_second_match_keeps_the_listing_matched(conversation, listing, owner, replier, third):
    match_press(conversation=conversation, by=replier)
    match_press(conversation=conversation, by=owner)
    second = ConversationFactory(listing=listing, replier=third)
    match_press(conversation=second, by=third)
    assert match_press(conversation=second, by=owner).is_confirmed
    listing.refresh_from_db()
    assert listing.status == Listing.Status.MATCHED


def test_both_sides_confirm_on_the_conversation_page(client, conversation, owner, replier):
    url = reverse("exchange:conversation", kwargs={"pk": conversation.pk})
    match_url = reverse("exchange:match", kwargs={"pk": conversation.pk})
    credit_url = reverse("exchange:credit", kwargs={"pk": conversation.pk})
    client.force_login(replier)
    assert f'action="{match_url}"' in client.get(url).content.decode()
    response = client.post(match_url, follow=True)
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    assert f'action="{match_url}"' not in response.content.decode()  # waiting for the owner
    client.force_login(owner)
    assert f'action="{match_url}"' in client.get(url).content.decode()
    client.post(match_url)
    response = client.get(url)
    assert response.context["match"].is_confirmed
    assert f'action="{credit_url}"' in response.content.decode()


def test_closing_the_listing_asks_both_sides_once(conversation, listing, owner, replier):
    match_press(conversation=conversation, by=replier)
    match_press(conversation=conversation, by=owner)
    listing_close(listing=listing, by=owner, to=Listing.Status.DONE)
    link = f"/vraag-en-aanbod/gesprekken/{conversation.pk}/gelukt/"
    for person in (owner, replier):
        assert [n.link for n in _notes(person, "exchange_feedback")] == [link]


def test_no_question_without_a_confirmed_match(conversation, listing, owner, replier):
    match_press(conversation=conversation, by=replier)
    listing_close(listing=listing, by=owner, to=Listing.Status.DONE)
    assert not Notification.objects.filter(kind="exchange_feedback").exists()


def test_feedback_waits_until_the_listing_is_closed(conversation, owner, replier):
    match_press(conversation=conversation, by=replier)
    match_press(conversation=conversation, by=owner)
    with pytest.raises(ServiceError):
        feedback_give(conversation=conversation, by=replier, outcome="yes")
    assert not Feedback.objects.exists()


def test_thanks_is_shown_only_when_the_receiver_agrees(client, matched, owner, replier):
    feedback_give(conversation=matched, by=replier, outcome="yes", thanks="Dank je, Olga!")
    assert list(thanks_for_profile(owner)) == []
    with pytest.raises(ServiceError):  # the writer cannot show their own thanks
        thanks_show(conversation=matched, by=replier, shown=True)
    client.force_login(owner)
    url = reverse("exchange:feedback", kwargs={"pk": matched.pk})
    assert "Dank je, Olga!" in client.get(url).content.decode()
    client.post(reverse("exchange:thanks", kwargs={"pk": matched.pk}), {"shown": "1"})
    assert [f.thanks for f in thanks_for_profile(owner)] == ["Dank je, Olga!"]
    assert list(thanks_for_profile(replier)) == []
    client.post(reverse("exchange:thanks", kwargs={"pk": matched.pk}), {"shown": "0"})
    assert list(thanks_for_profile(owner)) == []


def test_the_feedback_page_records_and_changes_the_answer(client, matched, replier):
    client.force_login(replier)
    url = reverse("exchange:feedback", kwargs={"pk": matched.pk})
    assert client.post(url, {"outcome": "partly", "thanks": ""}).status_code == 302
    client.post(url, {"outcome": "yes", "thanks": "Top"})
    feedback = Feedback.objects.get()
    assert (feedback.outcome, feedback.thanks, feedback.author) == ("yes", "Top", replier)


@pytest.mark.parametrize(
    "data", [{"outcome": "misschien"}, {}, {"outcome": "yes", "thanks": "x" * 1001}]
)
def test_bad_feedback_shows_a_message_and_changes_nothing(client, matched, replier, data):
    client.force_login(replier)
    url = reverse("exchange:feedback", kwargs={"pk": matched.pk})
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Feedback.objects.exists()


def test_no_feedback_page_without_a_confirmed_match(client, conversation, replier):
    client.force_login(replier)
    url = reverse("exchange:feedback", kwargs={"pk": conversation.pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_conversation_page_queries_stay_flat_with_a_match(
    client, matched, owner, replier, size, django_assert_num_queries
):
    for _i in range(size):
        MessageFactory(conversation=matched)
        CreditTransferFactory(conversation=matched, confirmed=True)
    CreditTransferFactory(conversation=matched, confirmed=False)
    client.force_login(owner)
    with django_assert_num_queries(8):  # +1: has this side answered "is het gelukt?"
        response = client.get(reverse("exchange:conversation", kwargs={"pk": matched.pk}))
    assert response.context["match"].is_confirmed
    assert response.context["pending_hours"] is not None
    assert len(response.context["chat"]) == size
