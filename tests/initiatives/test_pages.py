"""The resident's pages: start, edit, submit, support and follow; the review queue's actions."""

from datetime import date

import pytest
from django.urls import reverse

from initiatives.models import Initiative, Status, Support
from tests.initiatives.factories import image_upload, make_initiative

pytestmark = pytest.mark.django_db


def form_data(buurt, **overrides) -> dict:
    return {
        "title": "Bloembakken op het plein",
        "summary": "Kleur op het plein met bloembakken die de buurt zelf verzorgt.",
        "description": "We zoeken tien buren die om de beurt water geven.",
        "theme": "green",
        "neighbourhood": buurt.pk,
        "start_date": "2026-05-01",
        "end_date": "2026-09-30",
        "needs": ["volunteers", "money"],
        **overrides,
    }


def test_create_needs_login(client):
    response = client.get(reverse("initiatives:create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_resident_starts_an_initiative_as_a_draft_with_a_photo(client, organiser, buurt):
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:create"), form_data(buurt, photos=[image_upload()])
    )
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:detail", args=[initiative.pk])
    assert initiative.status == Status.DRAFT
    assert initiative.needs == ["volunteers", "money"]
    assert initiative.photos.count() == 1
    assert list(initiative.organisers.all()) == [organiser]


def test_end_before_start_is_refused_with_a_dutch_message(client, organiser, buurt):
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:create"),
        form_data(buurt, start_date="2026-05-01", end_date="2026-04-01"),
    )
    assert response.status_code == 200
    assert "De einddatum kan niet voor de begindatum liggen." in response.content.decode()
    assert not Initiative.objects.exists()


def test_end_before_start_is_refused_by_the_service_and_the_database(organiser, buurt):
    from django.db import IntegrityError, transaction

    from initiatives.services import initiative_update
    from mijnbuurt.core.exceptions import ServiceError

    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    with pytest.raises(ServiceError):
        initiative_update(initiative=initiative, by=organiser, end_date=date(2020, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(end_date=date(2020, 1, 1))


def test_organiser_edits_and_submits_their_draft(client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        form_data(buurt, title="Bloembakken en bankjes", needs=["knowledge"]),
    )
    assert response.status_code == 302
    response = client.post(
        reverse("initiatives:transition", args=[initiative.pk]), {"to_status": "submitted"}
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Bloembakken en bankjes"
    assert initiative.needs == ["knowledge"]
    assert initiative.status == Status.SUBMITTED
    assert initiative.submitted_at is not None


def test_submitted_initiative_can_no_longer_be_edited(client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    client.force_login(organiser)
    response = client.post(reverse("initiatives:edit", args=[initiative.pk]), form_data(buurt))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Moestuin in de buurt"


def test_detail_shows_history_organisers_and_supporters(client, organiser, outsider, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    client.force_login(outsider)
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert "Ingediend voor beoordeling" in page
    assert "Goedgekeurd en gepubliceerd" in page
    assert "Olga" in page
    assert 'id="supporter-count">0<' in page
    assert "Ik steun dit" in page


def test_resident_supports_once_and_withdraws(client, organiser, outsider, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    url = reverse("initiatives:support", args=[initiative.pk])
    client.force_login(outsider)
    client.post(url)
    response = client.post(url, follow=True)
    assert "Je steunt dit initiatief al." in response.content.decode()
    assert Support.objects.filter(initiative=initiative).count() == 1
    assert 'id="supporter-count">1<' in response.content.decode()

    client.post(url, {"action": "withdraw"})
    assert not Support.objects.filter(initiative=initiative).exists()


def test_supporting_a_completed_initiative_is_refused(client, organiser, outsider, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.COMPLETED)
    client.force_login(outsider)
    response = client.post(reverse("initiatives:support", args=[initiative.pk]), follow=True)
    assert "Je kunt alleen een lopend initiatief steunen." in response.content.decode()
    assert not Support.objects.exists()


def test_resident_follows_and_unfollows(client, organiser, outsider, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.PUBLISHED)
    url = reverse("initiatives:follow", args=[initiative.pk])
    client.force_login(outsider)
    client.post(url)
    assert initiative.follows.filter(user=outsider).exists()
    client.post(url, {"action": "unfollow"})
    assert not initiative.follows.exists()


def test_reviewer_asks_for_changes_from_the_queue_and_organiser_sees_the_note(
    client, organiser, staff, buurt
):
    initiative = make_initiative(by=organiser, neighbourhood=buurt, status=Status.SUBMITTED)
    client.force_login(staff)
    url = reverse("initiatives:transition", args=[initiative.pk])
    response = client.post(url, {"to_status": "changes_requested", "note": "", "next": "queue"})
    assert response["Location"] == reverse("initiatives:review_queue")
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED  # no reason, no change

    client.post(url, {"to_status": "changes_requested", "note": "Waar komen de bakken?"})
    initiative.refresh_from_db()
    assert initiative.status == Status.CHANGES_REQUESTED
    client.force_login(organiser)
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert "Waar komen de bakken?" in page


def test_bogus_status_in_a_post_gets_a_message_not_a_500(client, organiser, buurt):
    initiative = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(organiser)
    response = client.post(
        reverse("initiatives:transition", args=[initiative.pk]), {"to_status": "hacked"}
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.DRAFT


def test_my_initiatives_lists_drafts_and_published_of_mine_only(
    client, organiser, outsider, buurt
):
    make_initiative(by=organiser, neighbourhood=buurt, title="Mijn concept")
    make_initiative(by=outsider, neighbourhood=buurt, title="Van een ander")
    client.force_login(organiser)
    page = client.get(reverse("initiatives:mine")).content.decode()
    assert "Mijn concept" in page
    assert "Van een ander" not in page


def test_start_this_in_my_neighbourhood_copies_into_my_draft_crediting_the_original(
    client, organiser, outsider, buurt, other_buurt
):
    from neighbourhoods.services import home_neighbourhood_set

    original = make_initiative(
        by=organiser, neighbourhood=buurt, status=Status.COMPLETED, needs=["money"]
    )
    home_neighbourhood_set(user=outsider, neighbourhood=other_buurt)
    client.force_login(outsider)

    response = client.post(reverse("initiatives:copy", args=[original.pk]))

    copy = Initiative.objects.exclude(pk=original.pk).get()
    assert response["Location"] == reverse("initiatives:edit", args=[copy.pk])
    assert (copy.status, copy.copied_from, copy.neighbourhood) == (
        Status.DRAFT,
        original,
        other_buurt,
    )
    assert list(copy.organisers.all()) == [outsider]
    assert copy.needs == ["money"]
    page = client.get(reverse("initiatives:detail", args=[copy.pk])).content.decode()
    assert "Geïnspireerd door" in page


def test_a_draft_cannot_be_copied_by_anyone(client, organiser, outsider, buurt):
    from initiatives.services import initiative_copy
    from mijnbuurt.core.exceptions import ServiceError

    draft = make_initiative(by=organiser, neighbourhood=buurt)
    client.force_login(outsider)
    assert client.post(reverse("initiatives:copy", args=[draft.pk])).status_code == 404
    with pytest.raises(ServiceError):
        initiative_copy(original=draft, by=organiser)
    assert Initiative.objects.count() == 1


def test_place_is_picked_with_the_location_field_and_must_be_in_assen(client, organiser, buurt):
    client.force_login(organiser)
    outside = form_data(buurt, location_latitude="52.37", location_longitude="4.89")
    response = client.post(reverse("initiatives:create"), outside)
    assert response.status_code == 200
    assert not Initiative.objects.exists()

    inside = form_data(buurt, location_latitude="52.9930", location_longitude="6.5610")
    client.post(reverse("initiatives:create"), inside)
    initiative = Initiative.objects.get()
    assert (initiative.latitude, initiative.longitude) == (52.993, 6.561)
