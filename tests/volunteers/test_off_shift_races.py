"""Hours outside shifts under concurrency: two organisers confirming the same hours at
one moment tell the volunteer once, and logging at once never passes the daily maximum
(PostgreSQL; in sequence the same rules are in test_off_shift_hours.py)."""

from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import OrganisationFactory
from tests.races import postgres_only, run_concurrently
from volunteers.models import OffShiftHours
from volunteers.services.off_shift import off_shift_hours_decide, off_shift_hours_log

from .factories import OffShiftHoursFactory, ShiftFactory, TaskFactory, signup_in_the_past


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_organisers_confirming_at_once_tell_the_volunteer_once():
    organisation = OrganisationFactory()
    organisers = [UserFactory(), UserFactory()]
    organisation.members.add(*organisers)
    task = TaskFactory(initiative=None, organisation=organisation, created_by=organisers[0])
    entry = OffShiftHoursFactory(task=task)

    results = run_concurrently(
        lambda by: off_shift_hours_decide(entry=entry, by=by, confirm=True).status, organisers
    )

    assert results == [OffShiftHours.Status.CONFIRMED] * 2, results
    assert Notification.objects.filter(recipient=entry.volunteer).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_logging_at_once_stays_within_a_day():
    volunteer = UserFactory()
    task = TaskFactory()
    signup_in_the_past(shift=ShiftFactory(task=task), volunteer=volunteer)

    def log(n: int):
        return off_shift_hours_log(
            volunteer=volunteer,
            task=task,
            date=timezone.localdate(),
            hours=Decimal("5"),
            description=f"Klus {n}",
        )

    results = run_concurrently(log, range(4))

    refused = [r for r in results if isinstance(r, ServiceError)]
    assert [r.code for r in refused] == ["day_full"] * 2, results
    total = OffShiftHours.objects.filter(volunteer=volunteer).aggregate(t=Sum("hours"))["t"]
    assert total == Decimal("10")
