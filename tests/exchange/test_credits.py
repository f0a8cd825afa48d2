"""Time credits: one side records the hours given in a matched conversation, the
other confirms; a confirmed transfer is two movements (+h, -h), so all movements
together add up to zero, and each person sees "gegeven / ontvangen"."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db.models import Sum
from django.urls import reverse

from exchange.matches import CreditMovement, CreditTransfer
from exchange.matches_selectors import credit_balance
from exchange.reciprocity import credit_confirm, credit_decline, credit_record
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification

from .factories import ConversationFactory, confirmed_match

pytestmark = pytest.mark.django_db


def _total() -> Decimal:
    return CreditMovement.objects.aggregate(total=Sum("hours"))["total"] or Decimal("0")


def test_recorded_and_confirmed_hours_are_two_movements(matched, owner, replier):
    credit_record(conversation=matched, by=replier, hours="1,5", gave=True)
    assert Notification.objects.filter(recipient=owner, kind="exchange_match").count() == 1
    assert not CreditMovement.objects.exists()  # counted only once confirmed
    credit_confirm(conversation=matched, by=owner)
    legs = dict(CreditMovement.objects.values_list("person", "hours"))
    assert legs == {replier.pk: Decimal("1.50"), owner.pk: Decimal("-1.50")}
    assert credit_balance(replier) == {"given": Decimal("1.5"), "received": Decimal("0")}
    assert credit_balance(owner) == {"given": Decimal("0"), "received": Decimal("1.5")}


def test_the_total_over_all_movements_is_always_zero(matched, owner, replier, third, listing):
    other = ConversationFactory(listing=listing, replier=third)
    confirmed_match(other)
    for hours, by, gave, confirmer in [
        ("2", replier, True, owner),
        ("0.75", owner, True, replier),
        ("3", third, False, owner),
    ]:
        conversation = other if by == third else matched
        credit_record(conversation=conversation, by=by, hours=hours, gave=gave)
        credit_confirm(conversation=conversation, by=confirmer)
    assert CreditMovement.objects.count() == 6
    assert _total() == 0
    assert credit_balance(owner) == {"given": Decimal("3.75"), "received": Decimal("2")}
    assert credit_balance(third) == {"given": Decimal("0"), "received": Decimal("3")}


def test_the_recorder_cannot_confirm_their_own_hours(matched, replier):
    credit_record(conversation=matched, by=replier, hours=1, gave=True)
    with pytest.raises(ServiceError):
        credit_confirm(conversation=matched, by=replier)
    assert not CreditMovement.objects.exists()


def test_one_transfer_waits_at_a_time_and_can_be_removed(matched, owner, replier):
    credit_record(conversation=matched, by=replier, hours=1, gave=True)
    with pytest.raises(ServiceError):
        credit_record(conversation=matched, by=owner, hours=2, gave=False)
    credit_decline(conversation=matched, by=owner)
    assert not CreditTransfer.objects.exists()
    credit_record(conversation=matched, by=owner, hours=2, gave=False)
    assert CreditTransfer.objects.get().giver == replier


def test_no_hours_without_a_confirmed_match(conversation, replier):
    with pytest.raises(ServiceError):
        credit_record(conversation=conversation, by=replier, hours=1, gave=True)
    assert not CreditTransfer.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"hours": "veel", "gave": "1"},
        {"hours": "0", "gave": "1"},
        {"hours": "-2", "gave": "1"},
        {"hours": "1000", "gave": "1"},
        {"hours": "1", "gave": "misschien"},
        {},
    ],
)
def test_bad_hours_give_a_message_and_change_nothing(client, matched, replier, data):
    client.force_login(replier)
    response = client.post(reverse("exchange:credit", kwargs={"pk": matched.pk}), data)
    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert not CreditTransfer.objects.exists()


def test_both_sides_record_and_confirm_through_the_pages(client, matched, owner, replier):
    client.force_login(replier)
    client.post(reverse("exchange:credit", kwargs={"pk": matched.pk}), {"hours": "2", "gave": "1"})
    mine = client.get(reverse("exchange:conversation", kwargs={"pk": matched.pk}))
    assert "2,00 uur gegeven door jou, wacht op bevestiging." in mine.content.decode()
    client.force_login(owner)
    page = client.get(reverse("exchange:conversation", kwargs={"pk": matched.pk}))
    assert page.context["pending_hours"].hours == Decimal("2")
    name = replier.public_name
    assert f"2,00 uur gegeven door {name}, wacht op bevestiging." in page.content.decode()
    client.post(reverse("exchange:credit_confirm", kwargs={"pk": matched.pk}))
    assert _total() == 0
    assert CreditMovement.objects.count() == 2
    response = client.get(reverse("exchange:mine"))
    assert response.context["balance"] == {"given": Decimal("0"), "received": Decimal("2")}


def test_erasing_a_person_keeps_the_total_at_zero(matched, owner, replier):
    credit_record(conversation=matched, by=replier, hours=2, gave=True)
    credit_confirm(conversation=matched, by=owner)
    replier.delete()
    assert not CreditMovement.objects.exists()
    assert _total() == 0
    assert credit_balance(owner) == {"given": Decimal("0"), "received": Decimal("0")}
