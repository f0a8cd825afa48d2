"""/profiel/meldingen/: my notifications, the bell, my e-mail choices, unsubscribing."""

from unittest import mock

import pytest
from django.urls import reverse

from mijnbuurt.notifications.emails import unsubscribe_token
from mijnbuurt.notifications.models import Notification, NotificationPreference
from mijnbuurt.notifications.selectors import notification_channel
from mijnbuurt.notifications.services import notify

pytestmark = pytest.mark.django_db


def make_notifications(user, count: int) -> list[Notification]:
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        return [
            notify(
                recipient=user,
                kind="account_security",
                context={"event": "mfa_added"},
                url_name="mfa_index",
            )
            for _ in range(count)
        ]


def test_notifications_require_login(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_bell_shows_my_unread_count_and_anonymous_visitors_see_no_bell(client, resident):
    make_notifications(resident, 3)
    assert "Meldingen" not in client.get("/").content.decode()
    client.force_login(resident)
    html = client.get(reverse("start")).content.decode()
    assert 'class="mb-bell__count" aria-hidden="true">3</span>' in html
    assert "(3 ongelezen)" in html


@pytest.mark.parametrize("count", [3, 25])
def test_list_page_query_count_does_not_grow_with_notifications(
    client, resident, django_assert_num_queries, count
):
    make_notifications(resident, count)
    client.force_login(resident)
    # session, user, unread count (bell), area-team membership (account menu),
    # paginator count, one page of rows
    with django_assert_num_queries(6):
        response = client.get(reverse("notifications:list"))
    assert response.status_code == 200
    assert len(response.context["items"]) == min(count, 20)


def test_list_is_newest_first_and_paginated_by_twenty(client, resident):
    notifications = make_notifications(resident, 21)
    client.force_login(resident)
    first = client.get(reverse("notifications:list"))
    assert first.context["items"][0][0].pk == notifications[-1].pk
    assert "Pagina 1 van 2" in first.content.decode()
    second = client.get(reverse("notifications:list"), {"page": "2"})
    assert [n.pk for n, _ in second.context["items"]] == [notifications[0].pk]
    nonsense = client.get(reverse("notifications:list"), {"page": "x'"})
    assert nonsense.status_code == 200


def test_opening_my_notification_marks_it_read_and_follows_its_link(client, resident, outsider):
    (notification,) = make_notifications(resident, 1)
    url = reverse("notifications:open", args=[notification.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None

    client.force_login(resident)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_in_english_follows_the_english_link(client, resident):
    (notification,) = make_notifications(resident, 1)
    client.force_login(resident)
    response = client.get(f"/en/profiel/meldingen/{notification.pk}/")
    assert response["Location"] == "/en/accounts/2fa/"


def test_foreign_link_is_not_followed(client, resident):
    with mock.patch("mijnbuurt.notifications.services.enqueue_delivery"):
        notification = notify(
            recipient=resident,
            kind="account_security",
            context={"event": "x"},
        )
    # notify() only builds site paths; an older row could hold any text.
    Notification.objects.filter(pk=notification.pk).update(link="https://evil.example/")
    client.force_login(resident)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:list")


def test_mark_all_read_needs_post_and_touches_only_mine(client, resident, outsider):
    make_notifications(resident, 2)
    make_notifications(outsider, 1)
    client.force_login(resident)
    assert client.get(reverse("notifications:read_all")).status_code == 405
    response = client.post(reverse("notifications:read_all"), follow=True)
    assert "Alle meldingen zijn gemarkeerd als gelezen." in response.content.decode()
    assert not Notification.objects.filter(recipient=resident, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=outsider, read_at__isnull=True).count() == 1


def test_resident_chooses_daily_digest_for_a_kind(client, resident):
    client.force_login(resident)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Beveiliging van mijn account" in page
    assert reverse("notifications:preferences") in page  # in the account menu
    form = client.get(reverse("notifications:preferences")).context["form"]
    choices = {name: field.initial for name, field in form.fields.items()}  # as the browser sends
    response = client.post(
        reverse("notifications:preferences"), {**choices, "account_security": "digest"}
    )
    assert response.status_code == 302
    assert notification_channel(user=resident, kind="account_security") == "digest"


def test_bad_preference_changes_nothing_and_says_why(client, resident):
    client.force_login(resident)
    response = client.post(reverse("notifications:preferences"), {"account_security": "pigeon"})
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden." in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_link_turns_the_kind_off_without_logging_in(client, resident):
    url = reverse(
        "notifications:unsubscribe",
        args=[unsubscribe_token(user_id=resident.pk, kinds=["account_security"])],
    )
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert notification_channel(user=resident, kind="account_security") == "email"
    response = client.post(url)  # what a mail client's one-click POST does, too
    assert response.status_code == 200
    assert "E-mails uitgezet" in response.content.decode()
    assert notification_channel(user=resident, kind="account_security") == "off"


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_unsubscribe_link_gets_a_clear_error_and_changes_nothing(
    client, resident, outsider, method
):
    token = unsubscribe_token(user_id=resident.pk, kinds=["account_security"])
    forged = unsubscribe_token(user_id=outsider.pk, kinds=["account_security"])
    tampered = forged.split(":")[0] + ":" + token.split(":", 1)[1]
    response = getattr(client, method)(reverse("notifications:unsubscribe", args=[tampered]))
    assert response.status_code == 400
    assert "Deze afmeldlink is niet geldig. Er is niets veranderd." in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_download_my_data_includes_notifications_and_deleting_erases_them(client, resident):
    make_notifications(resident, 2)
    NotificationPreference.objects.create(user=resident, kind="account_security", channel="off")
    client.force_login(resident)
    data = client.get(reverse("accounts:export")).json()
    assert len(data["notifications"]["notifications"]) == 2
    assert data["notifications"]["preferences"] == [{"kind": "account_security", "channel": "off"}]

    from mijnbuurt.accounts.services import user_delete

    user_delete(user=resident)
    assert not Notification.objects.filter(recipient=resident).exists()
    assert not NotificationPreference.objects.filter(user=resident).exists()


def test_staff_filter_and_search_notifications_in_the_admin(client, staff, resident):
    from django.contrib.auth.models import Permission

    make_notifications(resident, 2)
    staff.user_permissions.add(Permission.objects.get(codename="view_notification"))
    client.force_login(staff)
    url = reverse("admin:notifications_notification_changelist")
    response = client.get(
        url, {"kind": "account_security", "read": "no", "delivered": "no", "q": "anne@"}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2
