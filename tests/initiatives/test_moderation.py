"""Staff moderate: the queue, hide and restore with a reason, dismiss, block from posting."""

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import (
    AbuseReport,
    Comment,
    Initiative,
    InitiativeUpdate,
    ModerationAction,
    PostingBlock,
    Status,
)
from initiatives.services import (
    comment_post,
    content_report,
    initiative_update_post,
    moderation_hide,
    moderation_restore,
    user_block,
)
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import make_initiative
from tests.neighbourhoods.factories import BuurtFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("initiatives:moderation_queue")
# session, user, two-factor check, unread count; count, page of grouped reports, their
# comments, news, initiatives and organisers, open reports, blocked authors; 3 x recently
# hidden; blocks; the panels of other apps (moderation.queue: the exchange's open reports)
QUEUE_QUERIES = 17


@pytest.fixture
def running(organiser, buurt, staff):
    return make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff
    )


@pytest.fixture
def abusive(running, resident, outsider):
    """A comment by ``resident``, reported by ``outsider``."""
    comment = comment_post(initiative=running, by=resident, body="Jullie zijn allemaal idioten")
    content_report(item=comment, by=outsider, reason="abusive")
    return comment


def _detail(client, initiative) -> str:
    return client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()


# --- Who sees the queue ------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["resident", "organiser", "professional_a"])
def test_queue_is_not_there_for_anyone_but_staff(client, request, persona, abusive, staff):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 404
    hide = reverse("initiatives:moderation_hide", args=["comment", abusive.pk])
    assert client.post(hide, {"reason": "Weg"}).status_code == 404
    assert Comment.objects.get(pk=abusive.pk).hidden_at is None

    client.force_login(staff)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert "Jullie zijn allemaal idioten" in response.content.decode()


def test_queue_groups_reports_per_item_oldest_first(client, staff, running, organiser, abusive):
    update = initiative_update_post(initiative=running, by=organiser, text="Later nieuws")
    for reporter in UserFactory.create_batch(2):
        content_report(item=update, by=reporter, reason="spam")
    content_report(item=abusive, by=UserFactory(), reason="spam")

    client.force_login(staff)
    items = client.get(QUEUE).context["items"]

    assert [(i.kind, i.item.pk, len(i.reports)) for i in items] == [
        ("comment", abusive.pk, 2),
        ("update", update.pk, 2),
    ]
    assert dict(items[0].reasons) == {"Beledigend of discriminerend": 1, "Spam of reclame": 1}


@pytest.mark.parametrize("size", [1, 4])
def test_queue_runs_a_fixed_number_of_queries(
    size, client, staff, organiser, buurt, django_assert_max_num_queries
):
    for n in range(size):
        initiative = make_initiative(
            by=organiser, neighbourhood=BuurtFactory(), status=Status.PUBLISHED, reviewer=staff
        )
        author = UserFactory()
        comment = comment_post(initiative=initiative, by=author, body=f"Reactie {n}")
        update = initiative_update_post(initiative=initiative, by=organiser, text=f"Nieuws {n}")
        for item in (comment, update, initiative):
            for reporter in UserFactory.create_batch(2):
                content_report(item=item, by=reporter, reason="spam")
        hidden = comment_post(initiative=initiative, by=author, body=f"Weg {n}")
        moderation_hide(item=hidden, by=staff, reason="Scheldwoorden")
        user_block(user=author, by=staff, reason="Herhaaldelijk schelden")
    client.force_login(staff)
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE)
    assert len(response.context["items"]) == 3 * size
    assert len(response.context["hidden_items"]) == size
    assert len(response.context["blocks"]) == size


# --- Hide, restore, dismiss -------------------------------------------------------------


def test_hidden_comment_leaves_the_page_but_stays_on_record(
    client, staff, running, resident, outsider, abusive, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("initiatives:moderation_hide", args=["comment", abusive.pk]),
            {"reason": "Schelden tegen de buren"},
            follow=True,
        )
    assert "Verborgen. De schrijver heeft bericht gekregen waarom." in response.content.decode()

    comment = Comment.objects.get(pk=abusive.pk)
    assert comment.body == "Jullie zijn allemaal idioten"
    assert (comment.hidden_by, comment.hidden_reason) == (staff, "Schelden tegen de buren")
    report = AbuseReport.objects.get()
    assert (report.outcome, report.handled_by) == ("hidden", staff)
    assert ModerationAction.objects.filter(action="hide", comment=comment).exists()

    client.force_login(outsider)
    assert "allemaal idioten" not in _detail(client, running)
    client.logout()
    assert "allemaal idioten" not in _detail(client, running)
    client.force_login(resident)
    page = _detail(client, running)
    assert "allemaal idioten" in page
    assert "Schelden tegen de buren" in page

    notification = Notification.objects.get(recipient=resident, kind="initiative_moderation")
    assert notification.context["reason"] == "Schelden tegen de buren"
    assert notification.context["item"] == "comment"
    (message,) = [m for m in mail.outbox if resident.email in m.to]
    assert "verborgen door de moderatoren" in message.subject
    assert "Schelden tegen de buren" in message.body
    assert "allemaal idioten" in message.body


def test_hiding_needs_a_reason(client, staff, abusive):
    client.force_login(staff)
    response = client.post(
        reverse("initiatives:moderation_hide", args=["comment", abusive.pk]),
        {"reason": "  "},
        follow=True,
    )
    assert "Geef een reden voor dit besluit" in response.content.decode()
    assert Comment.objects.get(pk=abusive.pk).hidden_at is None
    assert AbuseReport.objects.get().handled_at is None


def test_restore_shows_the_item_again_and_tells_the_author(
    client, staff, running, resident, outsider, abusive
):
    moderation_hide(item=abusive, by=staff, reason="Schelden")
    client.force_login(staff)
    assert "allemaal idioten" in client.get(QUEUE).content.decode()  # recently hidden
    client.post(
        reverse("initiatives:moderation_restore", args=["comment", abusive.pk]),
        {"reason": "Bij nader inzien geen schelden"},
    )
    assert Comment.objects.get(pk=abusive.pk).hidden_at is None
    notification = Notification.objects.filter(recipient=resident).latest("pk")
    assert notification.context["action"] == "restored"
    assert list(
        ModerationAction.objects.filter(comment=abusive).values_list("action", flat=True)
    ) == ["restore", "hide"]
    client.force_login(outsider)
    assert "allemaal idioten" in _detail(client, running)


def test_dismiss_closes_the_reports_and_keeps_the_item(client, staff, running, abusive):
    client.force_login(staff)
    response = client.post(
        reverse("initiatives:moderation_dismiss", args=["comment", abusive.pk]), follow=True
    )
    assert "De meldingen zijn afgewezen" in response.content.decode()
    assert AbuseReport.objects.get().outcome == "dismissed"
    assert Comment.objects.get(pk=abusive.pk).hidden_at is None
    assert response.context["items"] == []
    client.logout()
    assert "allemaal idioten" in _detail(client, running)


def test_hidden_news_is_gone_for_the_public_and_marked_for_organisers(
    client, staff, running, organiser, outsider
):
    update = initiative_update_post(initiative=running, by=organiser, text="Gratis bier voor wie")
    moderation_hide(item=update, by=staff, reason="Alcohol-reclame")
    assert InitiativeUpdate.objects.filter(pk=update.pk, hidden_reason="Alcohol-reclame").exists()
    client.force_login(outsider)
    assert "Gratis bier" not in _detail(client, running)
    client.force_login(organiser)
    page = _detail(client, running)
    assert "Gratis bier" in page
    assert "Alcohol-reclame" in page
    assert Notification.objects.filter(recipient=organiser, kind="initiative_moderation")


def test_hidden_initiative_is_off_the_list_and_map_but_visible_to_organisers(
    client, staff, running, organiser, outsider, buurt
):
    moderation_hide(item=running, by=staff, reason="Persoonsgegevens van buren in de tekst")
    detail = reverse("initiatives:detail", args=[running.pk])

    client.force_login(outsider)
    assert client.get(detail).status_code == 404
    assert running.title not in client.get(reverse("initiatives:list")).content.decode()
    layer = client.get(reverse("neighbourhoods:layer", args=["initiatieven"])).json()
    assert not layer["features"]
    hidden = Initiative.objects.get(pk=running.pk)
    with pytest.raises(ServiceError):
        comment_post(initiative=hidden, by=outsider, body="Hoi")
    with pytest.raises(ServiceError):
        initiative_update_post(initiative=hidden, by=organiser, text="We gaan gewoon door")

    client.force_login(organiser)
    page = client.get(detail).content.decode()
    assert "Persoonsgegevens van buren in de tekst" in page
    assert Initiative.objects.filter(pk=running.pk).exists()

    moderation_restore(item=running, by=staff, reason="Tekst is aangepast")
    client.force_login(outsider)
    assert client.get(detail).status_code == 200


# --- Blocking ---------------------------------------------------------------------------


def test_blocked_user_cannot_comment_post_news_or_start_initiatives(
    client, staff, running, organiser, resident, buurt
):
    client.force_login(staff)
    client.post(
        reverse("initiatives:user_block", args=[organiser.pk]), {"reason": "Blijft schelden"}
    )
    assert PostingBlock.objects.filter(user=organiser, blocked_by=staff).exists()
    client.force_login(organiser)

    response = client.post(
        reverse("initiatives:comment_post", args=[running.pk]), {"body": "Hallo"}, follow=True
    )
    assert "Je bent geblokkeerd voor plaatsen" in response.content.decode()
    response = client.post(
        reverse("initiatives:post_update", args=[running.pk]), {"text": "Nieuws"}, follow=True
    )
    assert "Je bent geblokkeerd voor plaatsen" in response.content.decode()
    with pytest.raises(ServiceError, match="geblokkeerd"):
        make_initiative(by=organiser, neighbourhood=buurt)
    assert not Comment.objects.exists()
    assert not InitiativeUpdate.objects.exists()
    assert Initiative.objects.count() == 1
    assert "Je bent geblokkeerd voor plaatsen, dus je kunt niet reageren." in _detail(
        client, running
    )

    client.force_login(staff)
    client.post(
        reverse("initiatives:user_block", args=[organiser.pk]),
        {"action": "unblock", "reason": "Excuses aangeboden"},
    )
    assert not PostingBlock.objects.exists()
    assert comment_post(initiative=running, by=organiser, body="Sorry, buren.")


def test_blocking_needs_staff_and_a_reason(resident, outsider, staff):
    with pytest.raises(ServiceError):
        user_block(user=outsider, by=resident, reason="Ik mag hem niet")
    with pytest.raises(ServiceError):
        user_block(user=outsider, by=staff, reason="")
    assert not PostingBlock.objects.exists()


@pytest.mark.parametrize("model", ["comment", "abusereport", "postingblock", "moderationaction"])
def test_moderation_records_are_readable_in_the_admin(client, staff, abusive, model):
    moderation_hide(item=abusive, by=staff, reason="Schelden")
    user_block(user=abusive.author, by=staff, reason="Herhaaldelijk")
    client.force_login(staff)
    assert client.get(f"/admin/initiatives/{model}/").status_code == 200
    assert client.get(f"/admin/initiatives/{model}/add/").status_code == 403
