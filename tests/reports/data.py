"""A small, known dataset for the reports, in 2025 (a year in the past, so "overdue"
does not depend on today). Every figure the tests expect is worked out in the comments.

Wijken: Noord (with buurt Noord-Midden) has everything, Oost (the wijk itself) a
little, Zuid nothing at all.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from itertools import count

from django.utils import timezone

from helprequests.models import HelpKind, HelpRequest, HelpStatus
from initiatives.models import (
    BudgetAllocation,
    BudgetLine,
    GrantRequest,
    Initiative,
    Status,
    Support,
    Theme,
)
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory
from venues.models import Booking, Closure, OpeningHours, Room, Venue
from volunteers.models import Shift, SignUp, Task, TaskKind

YEAR = 2025
_n = count()


def at(month, day, hour=10, minute=0, year=YEAR) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


@dataclass
class Known:
    noord: object
    noord_buurt: object
    oost: object
    zuid: object


def initiative(neighbourhood, *, status, theme, created, by) -> Initiative:
    made = Initiative.objects.create(
        title=f"Initiatief {next(_n)}",
        summary="Samen iets doen",
        description="Beschrijving",
        theme=theme,
        neighbourhood=neighbourhood,
        start_date=created.date(),
        status=status,
    )
    Initiative.objects.filter(pk=made.pk).update(created_at=created)
    return made


def support(target, user, when) -> None:
    made = Support.objects.create(initiative=target, user=user)
    Support.objects.filter(pk=made.pk).update(created_at=when)


def help_request(neighbourhood, *, kind, created, contact_after=None, status=HelpStatus.NEW):
    return HelpRequest.objects.create(
        requester=UserFactory(),
        kind=kind,
        description="Geheim: mevrouw Jansen, Dorpsstraat 1",
        contact_name="Mevrouw Jansen",
        neighbourhood=neighbourhood,
        status=status,
        created_at=created,
        due_at=created + dt.timedelta(days=3),
        first_contact_at=None if contact_after is None else created + contact_after,
    )


def build() -> Known:
    noord = WijkFactory(name="Noord")
    noord_buurt = BuurtFactory(name="Noord-Midden", wijk=noord)
    oost = WijkFactory(name="Oost")
    zuid = WijkFactory(name="Zuid")
    users = [UserFactory() for _ in range(5)]

    # Initiatives: Noord 3 in 2025 (2 running, 1 draft; themes green, care, green),
    # Oost 1 (completed, youth); one in 2024 that no 2025 figure counts.
    green = initiative(
        noord_buurt, status=Status.PUBLISHED, theme=Theme.GREEN, created=at(3, 5), by=users[0]
    )
    initiative(noord_buurt, status=Status.PUBLISHED, theme=Theme.CARE, created=at(3, 9), by=None)
    initiative(noord_buurt, status=Status.DRAFT, theme=Theme.GREEN, created=at(6, 1), by=None)
    youth = initiative(
        oost, status=Status.COMPLETED, theme=Theme.YOUTH, created=at(1, 20), by=None
    )
    old = initiative(
        noord_buurt,
        status=Status.PUBLISHED,
        theme=Theme.GREEN,
        created=at(5, 1, year=2024),
        by=None,
    )
    # Support: Noord 2 in March; Oost 1 in January; 2024's does not count.
    support(green, users[0], at(3, 10))
    support(green, users[1], at(3, 11))
    support(youth, users[2], at(1, 21))
    support(old, users[3], at(5, 2, year=2024))

    # Volunteers. Noord: u0 (2 h confirmed in April, 1.5 h corrected in May), u1 (3 h
    # only logged: active, hours not counted), u2 on the waiting list, u3 cancelled.
    # Oost: u0 again, 4 h confirmed in April. Active: Noord 2, Oost 1, in all 2 people.
    kind = TaskKind.objects.create(name="Tuin", slug="tuin")
    noord_task = Task.objects.create(
        title="Moestuin",
        description="x",
        kind=kind,
        theme=Theme.GREEN,
        neighbourhood=noord_buurt,
        initiative=green,
    )
    oost_task = Task.objects.create(
        title="Speeltuin",
        description="x",
        kind=kind,
        theme=Theme.YOUTH,
        neighbourhood=oost,
        initiative=youth,
    )
    april = Shift.objects.create(
        task=noord_task, starts_at=at(4, 7), ends_at=at(4, 7, 12), places=5
    )
    may = Shift.objects.create(task=noord_task, starts_at=at(5, 5), ends_at=at(5, 5, 12), places=5)
    oost_april = Shift.objects.create(
        task=oost_task, starts_at=at(4, 14), ends_at=at(4, 14, 14), places=5
    )
    old_shift = Shift.objects.create(
        task=noord_task, starts_at=at(4, 7, year=2024), ends_at=at(4, 7, 12, year=2024), places=5
    )
    confirmed, hours = SignUp.Status.CONFIRMED, SignUp.Hours
    for shift, user, status, logged, hours_status in [
        (april, users[0], confirmed, "2", hours.CONFIRMED),
        (may, users[0], confirmed, "1.5", hours.CORRECTED),
        (april, users[1], confirmed, "3", hours.LOGGED),
        (april, users[2], SignUp.Status.WAITLISTED, None, hours.NONE),
        (may, users[3], SignUp.Status.CANCELLED, None, hours.NONE),
        (oost_april, users[0], confirmed, "4", hours.CONFIRMED),
        (old_shift, users[4], confirmed, "8", hours.CONFIRMED),
    ]:
        SignUp.objects.create(
            shift=shift,
            volunteer=user,
            status=status,
            hours=None if logged is None else Decimal(logged),
            hours_status=hours_status,
        )

    # A venue in Noord with 2 rooms, open Mondays 9-17 (8 h). 2025 has 52 Mondays;
    # closed 6-12 January (one Monday): 51 x 8 x 2 = 816 hours open; January 3 x 16 = 48.
    # Approved: 4 h (initiative) on 13 January, 3 h commercial on 20 January = 7 h,
    # occupancy 7 / 816 = 0.9 %, commercial share 3 / 7 = 42.9 %, January 14.6 %.
    venue = Venue.objects.create(
        name="Buurthuis",
        slug="buurthuis",
        neighbourhood=noord_buurt,
        address="Straat 1",
        owner_kind=Venue.OwnerKind.FOUNDATION,
    )
    rooms = [Room.objects.create(venue=venue, name=f"Zaal {n}", capacity=20) for n in (1, 2)]
    OpeningHours.objects.create(venue=venue, weekday=0, opens=dt.time(9), closes=dt.time(17))
    Closure.objects.create(
        venue=venue, first_day=dt.date(2025, 1, 6), last_day=dt.date(2025, 1, 12)
    )
    for room, start, end, kind_of_use, status in [
        (rooms[0], at(1, 13, 10), at(1, 13, 14), Booking.BookerKind.INITIATIVE, "approved"),
        (rooms[1], at(1, 20, 9), at(1, 20, 12), Booking.BookerKind.COMMERCIAL, "approved"),
        (rooms[1], at(2, 3, 9), at(2, 3, 11), Booking.BookerKind.COMMERCIAL, "pending"),
        (rooms[0], at(1, 15, 9, year=2024), at(1, 15, 17, year=2024), "initiative", "approved"),
    ]:
        Booking.objects.create(
            room=room,
            booker=users[0],
            start=start,
            end=end,
            purpose="Bijeenkomst",
            attendees=10,
            booker_kind=kind_of_use,
            price=Decimal("0"),
            status=status,
        )

    # Help requests. Noord: 2 practical (first contact after 2 h and 4 h) and 1 company
    # (no contact, open, due 4 February 2025: overdue). Oost: 1 paperwork, contact after
    # 10 h. Medians: Noord 3.0 h, Oost 10.0 h, all 4.0 h; February 3.0 h, March 10.0 h.
    hour = dt.timedelta(hours=1)
    help_request(noord_buurt, kind=HelpKind.PRACTICAL, created=at(2, 1, 9), contact_after=2 * hour)
    help_request(
        noord_buurt,
        kind=HelpKind.PRACTICAL,
        created=at(2, 1, 9),
        contact_after=4 * hour,
        status=HelpStatus.RESOLVED,
    )
    help_request(noord, kind=HelpKind.COMPANY, created=at(2, 1, 9))
    help_request(oost, kind=HelpKind.PAPERWORK, created=at(3, 1, 9), contact_after=10 * hour)
    return Known(noord=noord, noord_buurt=noord_buurt, oost=oost, zuid=zuid)


def build_budget(initiative_for_grants) -> None:
    """2025: line A 1,000 (target 300): grants 200 awarded + 100 paid, allocations 150
    commitment + 250 expense: committed 700, spent 350, remaining 300, savings realised
    300 (target met). Line B 500 (target 100), nothing committed: realised 500.
    Totals: 1,500, target 400, committed 700, spent 350, realised 800. A 2024 line and
    a declined grant count for nothing."""
    line_a = BudgetLine.objects.create(
        year=YEAR, code="a", name="A lijn", amount=Decimal("1000"), savings_target=Decimal("300")
    )
    BudgetLine.objects.create(
        year=YEAR, code="b", name="B lijn", amount=Decimal("500"), savings_target=Decimal("100")
    )
    old = BudgetLine.objects.create(year=2024, code="a", name="A lijn", amount=Decimal("999"))
    for status, amount, line in [
        ("awarded", "200", line_a),
        ("paid", "100", line_a),
        ("declined", None, line_a),
        ("paid", "999", old),
    ]:
        GrantRequest.objects.create(
            initiative=initiative_for_grants,
            status=status,
            amount_requested=Decimal("1000"),
            amount_awarded=None if amount is None else Decimal(amount),
            budget_line=line,
        )
    for kind, amount in [("commitment", "150"), ("expense", "250")]:
        BudgetAllocation.objects.create(
            budget_line=line_a,
            description="Jaarsubsidie",
            recipient="Wijkvereniging",
            amount=Decimal(amount),
            kind=kind,
            date=dt.date(YEAR, 2, 1),
        )
