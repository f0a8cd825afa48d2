"""Residents react on a public initiative, delete their own comment and report abuse."""

import re

import pytest
from django.urls import reverse

from initiatives.models import MAX_COMMENT_CHARS, AbuseReport, Comment, Status
from initiatives.services import comment_delete, comment_post, content_report, moderation_hide
from mijnbuurt.core.exceptions import ServiceError
from tests.initiatives.factories import make_initiative
from tests.initiatives.test_queries import DETAIL_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(organiser, buurt, staff):
    return make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff
    )


def _post(client, initiative, body):
    return client.post(
        reverse("initiatives:comment_post", args=[initiative.pk]), {"body": body}, follow=True
    )


def test_resident_posts_a_comment_everyone_sees(client, running, resident):
    client.force_login(resident)
    response = _post(client, running, "  Leuk plan, ik help mee!  ")

    assert "Je reactie is geplaatst." in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.author, comment.body) == (resident, "Leuk plan, ik help mee!")
    client.logout()
    page = client.get(reverse("initiatives:detail", args=[running.pk])).content.decode()
    assert "Leuk plan, ik help mee!" in page
    assert "Anne" in page


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("   ", "Schrijf iets voordat je je reactie plaatst."),
        ("x" * (MAX_COMMENT_CHARS + 1), "Een reactie mag hoogstens 2000 tekens zijn"),
    ],
)
def test_empty_or_too_long_comment_is_refused(client, running, resident, body, message):
    client.force_login(resident)
    response = _post(client, running, body)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in(client, running):
    response = _post(client, running, "Hallo")
    assert "/accounts/login/" in response.redirect_chain[0][0]
    assert not Comment.objects.exists()
    page = client.get(reverse("initiatives:detail", args=[running.pk])).content.decode()
    assert "Log in om te reageren" in page


def test_no_comments_on_a_draft(client, organiser, buurt, resident):
    draft = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(resident)
    assert _post(client, draft, "Hallo").status_code == 404
    with pytest.raises(ServiceError):
        comment_post(initiative=draft, by=organiser, body="Hallo")
    assert not Comment.objects.exists()


def test_author_deletes_own_comment_but_nobody_else_can(client, running, resident, outsider):
    comment = comment_post(initiative=running, by=resident, body="Oeps, verkeerde plek")
    url = reverse("initiatives:comment_delete", args=[running.pk, comment.pk])

    client.force_login(outsider)
    response = client.post(url, follow=True)
    assert "Je kunt alleen je eigen reacties verwijderen." in response.content.decode()
    assert Comment.objects.filter(pk=comment.pk).exists()

    client.force_login(resident)
    response = client.post(url, follow=True)
    assert "Je reactie is verwijderd." in response.content.decode()
    assert not Comment.objects.filter(pk=comment.pk).exists()


def test_hidden_comment_stays_on_record(running, resident, staff):
    comment = comment_post(initiative=running, by=resident, body="Scheldwoord")
    moderation_hide(item=comment, by=staff, reason="Schelden")
    with pytest.raises(ServiceError):
        comment_delete(comment=comment, by=resident)
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_a_comment_is_reported_once_per_person(client, running, resident, outsider):
    comment = comment_post(initiative=running, by=resident, body="Koop nu goedkope horloges!")
    url = reverse("initiatives:report_comment", args=[running.pk, comment.pk])
    client.force_login(outsider)

    assert "Koop nu goedkope horloges!" in client.get(url).content.decode()
    response = client.post(url, {"reason": "spam"}, follow=True)
    assert "Bedankt." in response.content.decode()
    response = client.post(url, {"reason": "abusive"})
    assert "Je hebt dit al gemeld." in response.content.decode()

    report = AbuseReport.objects.get()
    assert (report.reporter, report.comment, report.reason) == (outsider, comment, "spam")
    assert report.handled_at is None


def test_reports_of_news_and_of_the_initiative(client, running, organiser, outsider):
    from initiatives.services import initiative_update_post

    update = initiative_update_post(initiative=running, by=organiser, text="Nieuws")
    client.force_login(outsider)
    client.post(
        reverse("initiatives:report_update", args=[running.pk, update.pk]),
        {"reason": "other", "text": "Dit klopt niet"},
    )
    client.post(
        reverse("initiatives:report_initiative", args=[running.pk]),
        {"reason": "personal_data"},
    )
    assert AbuseReport.objects.filter(update=update, text="Dit klopt niet").exists()
    assert AbuseReport.objects.filter(initiative=running, reason="personal_data").exists()


def test_report_refuses_own_posts_and_other_without_explanation(running, organiser, resident):
    comment = comment_post(initiative=running, by=resident, body="Mijn reactie")
    with pytest.raises(ServiceError, match="zelf"):
        content_report(item=comment, by=resident, reason="spam")
    with pytest.raises(ServiceError, match="zelf"):
        content_report(item=running, by=organiser, reason="spam")
    with pytest.raises(ServiceError):
        content_report(item=comment, by=organiser, reason="other", text="  ")
    with pytest.raises(ServiceError):
        content_report(item=comment, by=organiser, reason="nonsense")
    assert not AbuseReport.objects.exists()


def test_one_report_may_point_at_one_item_only(running, resident):
    from django.db import IntegrityError, transaction

    comment = comment_post(initiative=running, by=resident, body="Hallo")
    with pytest.raises(IntegrityError), transaction.atomic():
        AbuseReport.objects.create(
            reporter=resident, reason="spam", comment=comment, initiative=running
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        AbuseReport.objects.create(reporter=resident, reason="spam")


@pytest.mark.parametrize("comments", [0, 5])
def test_detail_query_count_does_not_grow_with_comments(
    comments, client, running, staff, resident, django_assert_max_num_queries
):
    from tests.accounts.factories import UserFactory

    for n in range(comments):
        comment = comment_post(initiative=running, by=UserFactory(), body=f"Reactie {n}")
        if n % 2:
            moderation_hide(item=comment, by=staff, reason="Weg ermee")
    client.force_login(resident)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("initiatives:detail", args=[running.pk]))
    page = response.content.decode()
    assert len(re.findall(r'id="comment-\d+"', page)) == comments - comments // 2
    assert "Reactie 1" not in page
