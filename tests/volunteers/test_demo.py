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
from volunteers.models import HandOver, Shift, SignUp, Task, TaskKind, TrustedVolunteer, VogCheck

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
