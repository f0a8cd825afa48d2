"""What volunteering shows on the pages of other apps, through the panels it registers
(mijnbuurt.core.panels): an initiative's tasks, a help request's hand-overs."""

import pytest
from django.urls import reverse

from initiatives.models import Status
from tests.initiatives.factories import make_initiative
from volunteers.services.handover import handover_end

from .factories import ShiftFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_organiser_of_a_completed_initiative_sees_its_tasks_but_posts_no_new_one(
    client, organiser
):
    initiative = make_initiative(by=organiser, status=Status.COMPLETED)
    ShiftFactory(task=TaskFactory(initiative=initiative, title="Opruimen na afloop"))
    client.force_login(organiser)
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert "Opruimen na afloop" in page
    assert reverse("volunteers:task_new") + f"?initiative={initiative.pk}" not in page


def test_initiative_without_tasks_shows_no_volunteer_section_to_visitors(client, organiser):
    initiative = make_initiative(by=organiser, status=Status.PUBLISHED)
    url = reverse("initiatives:detail", args=[initiative.pk])
    assert 'id="volunteer-tasks"' not in client.get(url).content.decode()
    client.force_login(organiser)
    assert 'id="volunteer-tasks"' in client.get(url).content.decode()


def test_team_page_offers_no_second_hand_over_while_one_is_offered(
    client, handover, professional_a
):
    url = reverse("help:team_detail", args=[handover.help_request_id])
    new = reverse("volunteers:handover_new", args=[handover.help_request_id])
    client.force_login(professional_a)
    page = client.get(url).content.decode()
    assert reverse("volunteers:handover", args=[handover.pk]) in page
    assert new not in page
    handover_end(handover=handover, by=professional_a)
    assert new in client.get(url).content.decode()


def test_resident_hears_of_no_volunteer_while_the_hand_over_is_only_offered(
    client, handover, invited, resident
):
    client.force_login(resident)
    body = client.get(reverse("help:detail", args=[handover.help_request_id])).content.decode()
    assert "vrijwilliger voor je gevonden" not in body
