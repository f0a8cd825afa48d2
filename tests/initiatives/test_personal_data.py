"""Download my data and delete my account: public initiatives stay, the rest goes."""

import pytest

from initiatives.models import Follow, Initiative, Status, Support
from initiatives.services import initiative_follow, initiative_support
from mijnbuurt.accounts.roles import Role, user_has_role
from mijnbuurt.accounts.services import user_delete, user_export_data
from tests.initiatives.factories import make_initiative

pytestmark = pytest.mark.django_db


def test_export_lists_my_initiatives_and_support(organiser, outsider, buurt):
    mine = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    initiative_support(initiative=mine, by=outsider)
    assert user_export_data(user=organiser)["initiatives"]["organised"][0]["title"] == mine.title
    assert user_export_data(user=outsider)["initiatives"]["supported"] == [mine.title]


def test_account_deletion_keeps_public_initiatives_as_former_resident(organiser, outsider, buurt):
    public = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    draft = make_initiative(by=organiser, neighbourhood=buurt, title="Nooit ingediend")
    other = make_initiative(by=outsider, neighbourhood=buurt, status=Status.PUBLISHED)
    initiative_support(initiative=other, by=organiser)
    initiative_follow(initiative=other, by=organiser)

    user_delete(user=organiser)

    assert Initiative.objects.filter(pk=public.pk).exists()
    assert not Initiative.objects.filter(pk=draft.pk).exists()
    assert not Support.objects.filter(user=organiser).exists()
    assert not Follow.objects.filter(user=organiser).exists()
    assert public.memberships.get().user.public_name == "Voormalig bewoner"


def test_organising_makes_someone_an_organiser(organiser, buurt):
    assert not user_has_role(organiser, Role.ORGANISER)
    make_initiative(by=organiser, neighbourhood=buurt)
    assert user_has_role(organiser, Role.ORGANISER)


def test_export_holds_my_comments_reports_and_grant_requests(organiser, outsider, buurt):
    from initiatives.services.moderation import comment_post, content_report
    from tests.initiatives.factories import make_grant

    public = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    make_grant(public, organiser)
    comment = comment_post(initiative=public, by=outsider, body="Goed plan, ik help mee!")
    content_report(item=comment, by=organiser, reason="spam")

    mine = user_export_data(user=outsider)["initiatives"]
    assert mine["comments"][0]["comment"] == "Goed plan, ik help mee!"
    theirs = user_export_data(user=organiser)["initiatives"]
    assert theirs["abuse_reports_made"][0]["reason"] == "spam"
    assert theirs["grant_requests"][0]["initiative"] == public.title
