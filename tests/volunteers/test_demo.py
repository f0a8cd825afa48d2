import datetime as dt
import io

import pytest
from django.utils import timezone

from helprequests import demo as helprequests_demo
from initiatives import demo as initiatives_demo
from mijnbuurt.accounts import demo as accounts_demo
from mijnbuurt.accounts.roles import Role, user_has_role
from neighbourhoods import demo as neighbourhoods_demo
from neighbourhoods.services import neighbourhood_import
from tests.neighbourhoods.conftest import BOUNDARY_FILES
from volunteers import demo
from volunteers.models import (
    HandOver,
    OffShiftHours,
    Shift,
    SignUp,
    Task,
    TaskKind,
    TrustedVolunteer,
    VogCheck,
)

pytestmark = pytest.mark.django_db


def test_seed_adds_tasks_with_shifts_a_waiting_list_and_a_volunteer_idempotently():
    neighbourhood_import(paths=BOUNDARY_FILES)
    accounts_demo.seed(out=io.StringIO())
    neighbourhoods_demo.seed(out=io.StringIO())
    helprequests_demo.seed(out=io.StringIO())
    initiatives_demo.seed(out=io.StringIO())
    account, member = demo.seed(out=io.StringIO())
    counts = (Task.objects.count(), Shift.objects.count(), SignUp.objects.count())
    demo.seed(out=io.StringIO())
    assert (Task.objects.count(), Shift.objects.count(), SignUp.objects.count()) == counts

    assert Task.objects.filter(is_private=False).count() == len(demo.TASKS)
    handover = HandOver.objects.select_related("task").get()
    assert handover.task.is_private
    assert handover.task.invitations.filter(volunteer__email=account.email).exists()
    assert TrustedVolunteer.objects.filter(volunteer__email=account.email).exists()
    assert not Task.objects.filter(kind__professional_only=True).exists()
    assert TaskKind.objects.filter(professional_only=True).count() == 2
    assert SignUp.objects.filter(status=SignUp.Status.WAITLISTED).exists()
    for shift in Shift.objects.all():
        confirmed = shift.signups.filter(status=SignUp.Status.CONFIRMED).count()
        assert confirmed <= shift.places
    volunteer = demo.VolunteerProfile.objects.get(user__email=account.email).user
    assert user_has_role(volunteer, Role.VOLUNTEER)

    # A VOG seen by an approved organisation, and that organisation's task asking for one.
    check = VogCheck.objects.valid_on(timezone.localdate()).get(volunteer=volunteer)
    assert check.organisation.members.filter(email=member.email).exists()
    seen_task = Task.objects.get(requires_seen_vog=True)
    assert seen_task.organisation == check.organisation
    assert SignUp.objects.filter(shift__task=seen_task, volunteer=volunteer).exists()


def _seed_all() -> None:
    accounts_demo.seed(out=io.StringIO())
    neighbourhoods_demo.seed(out=io.StringIO())
    helprequests_demo.seed(out=io.StringIO())
    initiatives_demo.seed(out=io.StringIO())
    demo.seed(out=io.StringIO())


def _dates() -> dict:
    from helprequests.models import HelpRequest, HelpRequestEvent
    from initiatives.models import Comment, GrantRequest, Initiative, Support

    return {
        "initiatives": sorted(Initiative.objects.values_list("created_at", flat=True)),
        "help": sorted(HelpRequest.objects.values_list("created_at", flat=True)),
        "events": sorted(HelpRequestEvent.objects.values_list("at", flat=True)),
        "supports": sorted(Support.objects.values_list("created_at", flat=True)),
        "comments": sorted(Comment.objects.values_list("created_at", flat=True)),
        "grants": sorted(GrantRequest.objects.values_list("created_at", flat=True)),
        "hours": sorted(
            SignUp.objects.filter(hours_status=SignUp.Hours.CONFIRMED).values_list(
                "shift__starts_at", flat=True
            )
        ),
        "off_shift": sorted(OffShiftHours.objects.values_list("date", "status")),
    }


def test_the_demo_is_spread_over_the_past_year_and_stays_put_when_seeded_again():
    neighbourhood_import(paths=BOUNDARY_FILES)
    _seed_all()
    first = _dates()
    _seed_all()
    assert _dates() == first  # same rows, same dates

    now = timezone.now()
    year_ago = now - dt.timedelta(days=366)
    for name in ("initiatives", "help", "supports", "comments", "grants", "hours"):
        assert first[name], name
        assert all(year_ago < moment <= now for moment in first[name]), name
    months = {(moment.year, moment.month) for moment in first["initiatives"] + first["help"]}
    assert len(months) >= 6, months
    hour_months = {(moment.year, moment.month) for moment in first["hours"]}
    assert len(hour_months) >= 6, hour_months
    assert {status for _day, status in first["off_shift"]} == {"logged", "confirmed"}
