"""Comments, abuse reports and invitations by e-mail are rate limited."""

import pytest
from django.urls import reverse

from initiatives.models import AbuseReport, Comment, OrganiserInvitation, Status
from initiatives.services import comment_post
from tests.initiatives.factories import make_initiative
from tests.rate_limits import assert_limited, set_limit

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(organiser, buurt, staff):
    return make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.PUBLISHED, reviewer=staff
    )


def _comment(client, initiative, body):
    return client.post(reverse("initiatives:comment_post", args=[initiative.pk]), {"body": body})


def test_comments_over_the_limit_get_429_and_post_nothing(client, settings, running, resident):
    set_limit(settings, "comments", "2/m/user")
    client.force_login(resident)
    assert [_comment(client, running, f"Reactie {n}").status_code for n in range(2)] == [302] * 2

    response = _comment(client, running, "Reactie 3")

    assert_limited(response)
    assert sorted(Comment.objects.values_list("body", flat=True)) == ["Reactie 0", "Reactie 1"]


def test_one_residents_comment_limit_leaves_others_free(
    client, settings, running, resident, outsider
):
    set_limit(settings, "comments", "1/m/user")
    client.force_login(resident)
    _comment(client, running, "Eerste")
    assert _comment(client, running, "Tweede").status_code == 429

    client.force_login(outsider)

    assert _comment(client, running, "Van Bram").status_code == 302
    assert sorted(Comment.objects.values_list("body", flat=True)) == ["Eerste", "Van Bram"]


def test_reports_are_limited_but_opening_the_report_form_is_not(
    client, settings, running, resident, organiser
):
    comment = comment_post(initiative=running, by=organiser, body="Koop nu bij mijn winkel!")
    set_limit(settings, "reports", "1/m/user")
    client.force_login(resident)
    url = reverse("initiatives:report_initiative", args=[running.pk])
    for _view in range(3):
        assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "spam", "text": "Reclame"}).status_code == 302

    response = client.post(
        reverse("initiatives:report_comment", args=[running.pk, comment.pk]),
        {"reason": "spam", "text": "Ook reclame"},
    )

    assert_limited(response)
    assert AbuseReport.objects.count() == 1


def test_invitations_by_e_mail_over_the_limit_send_no_more_mail(
    client, settings, organiser, buurt, mailoutbox, django_capture_on_commit_callbacks
):
    draft = make_initiative(by=organiser, neighbourhood=buurt, title="Samen plannen")
    set_limit(settings, "invitations", "2/h/user")
    client.force_login(organiser)
    url = reverse("initiatives:invite", args=[draft.pk])
    for n in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"email": f"nieuw{n}@example.org"}).status_code == 302
    assert [mail.to for mail in mailoutbox] == [["nieuw0@example.org"], ["nieuw1@example.org"]]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "nieuw2@example.org"})

    assert_limited(response)
    assert OrganiserInvitation.objects.count() == 2
    assert len(mailoutbox) == 2
