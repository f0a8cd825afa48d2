"""The team's pages at size: the synthetic requests of ``seed_scale`` reach the teams, and
the queue and the dashboard run a fixed number of queries however many requests a team has."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from helprequests.models import HelpKind, HelpRequest
from helprequests.services import help_request_transition
from neighbourhoods.scale import EMAIL_DOMAIN
from neighbourhoods.selectors import area_team_for
from tests.helprequests.factories import file_request

pytestmark = pytest.mark.django_db

# Every team page: session, user, the team ids (asked once: the MFA middleware's role
# check, may use the queue? and the page's teams), the authenticator check, the header's
# unread notifications (5). The queue:
# the requests counted and one page of them; the dashboard: by status, by kind, the
# overdue list and the median of this month.
QUEUE_OPEN_QUERIES = 5 + 2
DASHBOARD_QUERIES = 5 + 4


def _synthetic():
    return HelpRequest.objects.filter(requester__email__endswith=f"@{EMAIL_DOMAIN}")


def _teams_by_request():
    return dict(_synthetic().values_list("pk", "team_id"))


def test_synthetic_help_requests_go_to_the_team_covering_their_buurt(settings, area):
    settings.DEBUG = True
    call_command("seed_scale", factor=0.05, stdout=io.StringIO())

    assert _synthetic().count() == 60  # 1,200 x 0.05
    for buurt in area.values():
        team = area_team_for(buurt)
        teams = set(_synthetic().filter(neighbourhood=buurt).values_list("team_id", flat=True))
        assert teams <= {team.pk if team else None}
    assert _synthetic().filter(team__isnull=False).exists()  # buurten a and b
    assert _synthetic().filter(team__isnull=True).exists()  # buurt c: no team covers it
    teams = _teams_by_request()
    kept = list(_synthetic().order_by("pk").values_list("pk", "status", "created_at", "kind"))

    # Requests generated without teams get them on the next run; nothing else changes.
    _synthetic().update(team=None)
    call_command("seed_scale", factor=0.05, stdout=io.StringIO())
    assert _teams_by_request() == teams
    assert (
        list(_synthetic().order_by("pk").values_list("pk", "status", "created_at", "kind")) == kept
    )


def _grow(resident, area, professional, n):
    for i in range(n):
        help_request = file_request(resident, area["a"], kind=list(HelpKind)[i % 9])
        if i % 2:
            help_request_transition(
                help_request=help_request, to_status="in_triage", by=professional
            )


@pytest.mark.parametrize("size", [2, 8])
def test_the_open_queue_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, area, resident, professional_a, size
):
    _grow(resident, area, professional_a, size)
    client.force_login(professional_a)
    with django_assert_num_queries(QUEUE_OPEN_QUERIES):
        response = client.get(reverse("help:queue"))
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == list(
        HelpRequest.objects.filter(team__neighbourhoods=area["a"].wijk).order_by("due_at", "pk")
    )


@pytest.mark.parametrize("size", [2, 8])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, area, resident, professional_a, size
):
    _grow(resident, area, professional_a, size)
    client.force_login(professional_a)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("help:dashboard"))
    assert response.status_code == 200
    assert response.context["total"] == size


def _selected(html: str, name: str) -> list[str]:
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return [
        part.split('"', 1)[0]
        for part in select.split('<option value="')[1:]
        if part.split(">", 1)[0].endswith(" selected")
    ]


def test_the_queue_filter_form_shows_each_choice_of_filters_also_from_the_cache(
    client, area, resident, professional_a
):
    _grow(resident, area, professional_a, 2)
    client.force_login(professional_a)
    url = reverse("help:queue")
    first = client.get(url, {"status": "in_triage", "kind": "shopping"}).content.decode()
    other = client.get(url, {"status": "closed", "sort": "newest"}).content.decode()
    again = client.get(url, {"status": "in_triage", "kind": "shopping"}).content.decode()
    assert _selected(first, "status") == ["in_triage"]
    assert _selected(first, "kind") == ["shopping"]
    assert _selected(other, "status") == ["closed"]
    assert _selected(other, "sort") == ["newest"]
    assert _selected(other, "kind") == [""]
    form = 'role="search"'
    assert (
        again.split(form, 1)[1].split("</form>", 1)[0]
        == first.split(form, 1)[1].split("</form>", 1)[0]
    )


def test_a_queue_filter_of_no_such_choice_is_refused_in_the_form(
    client, area, resident, professional_a
):
    client.force_login(professional_a)
    response = client.get(reverse("help:queue"), {"kind": "nonsense"})
    assert response.status_code == 200
    form = response.content.decode().split('role="search"', 1)[1].split("</form>", 1)[0]
    assert "utrecht-form-field-error-message" in form


def test_the_queue_and_dashboard_show_the_labels_of_kind_urgency_and_status(
    client, area, resident, professional_a
):
    _grow(resident, area, professional_a, 2)
    client.force_login(professional_a)
    queue = client.get(reverse("help:queue"), {"status": "all"}).content.decode()
    for help_request in HelpRequest.objects.all():
        assert str(help_request.get_kind_display()) in queue
        assert str(help_request.get_urgency_display()) in queue
        assert str(help_request.get_status_display()) in queue
