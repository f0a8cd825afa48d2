"""Pilots: each indicator for the pilot and its comparison on a small known data set,
the difference, and what the public summary suppresses."""

import datetime as dt
from decimal import Decimal

import pytest

from activities.models import Registration
from exchange.matches import Match
from exchange.models import Conversation, Listing
from helprequests.models import HelpKind
from initiatives.models import Status, Theme
from reports.models import Experiment
from reports.pilots.comparison import SUPPRESSED, compare, indicator_table
from reports.pilots.indicators import Areas, indicator, indicator_values
from tests.accounts.factories import UserFactory
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.exchange.factories import ConversationFactory, ListingFactory
from tests.neighbourhoods.factories import BuurtFactory, WijkFactory
from tests.reports.data import at, help_request, initiative
from tests.volunteers.factories import TaskFactory
from venues.models import Booking, OpeningHours, Room, Venue
from volunteers.models import HandOver, OffShiftHours, Shift, SignUp

pytestmark = pytest.mark.django_db

# March 2025 (31 days); the 31 days before it run from 29 January to 28 February.
START, END = at(3, 1, 0), at(4, 1, 0)
ALL = [
    "median_days_first_contact",
    "help_requests",
    "handover_share",
    "exchange_match_rate",
    "volunteer_hours",
    "activity_registrations",
    "activity_attended",
    "venue_occupancy",
    "venue_commercial_share",
    "initiatives_started",
]


def _handed_over(request) -> None:
    task = TaskFactory(neighbourhood=request.neighbourhood)
    HandOver.objects.create(
        task=task, help_request=request, status="confirmed", confirmed_at=request.created_at
    )


def _exchange(place, *, replies: int, matches: int, month: int) -> None:
    listing = ListingFactory(neighbourhood=place)
    Listing.objects.filter(pk=listing.pk).update(created_at=at(month, 2))
    for n in range(replies):
        reply = ConversationFactory(listing=listing, replier=UserFactory())
        Conversation.objects.filter(pk=reply.pk).update(created_at=at(month, 3 + n))
        if n < matches:
            Match.objects.create(conversation=reply, confirmed_at=at(month, 10 + n))


def build_pilot(*, extra: int = 0):
    """The pilot wijk P (with buurt P-Midden) and the comparison wijk C.

    March in P: 6 help requests (+ ``extra``), 4 answered after 1, 2, 3 and 4 days
    (median 2.5), 3 handed to a volunteer (50.0 %); 3 initiatives started (a draft not
    counted); 2 replies and 1 match (50.0 %); 3 h on a shift and 1.5 h outside shifts
    (4.5 h); 5 registrations (a cancelled one not counted), 2 attended; a venue with one
    room open on Mondays 9-17 (5 Mondays: 40 h), 4 h booked of which 2 h commercial
    (10.0 % and 50.0 %).
    March in C: 2 help requests answered after 4 and 6 days (median 5.0), none handed
    over; 1 initiative; 2 h volunteered. February in P (the period before): 1 request.
    """
    p = WijkFactory(name="Pilotwijk")
    p_buurt = BuurtFactory(name="P-Midden", wijk=p)
    c = WijkFactory(name="Vergelijkwijk")
    day = dt.timedelta(days=1)
    for n in range(6 + extra):
        made = help_request(
            p_buurt,
            kind=HelpKind.PRACTICAL,
            created=at(3, 2 + n % 20),
            contact_after=(n + 1) * day if n < 4 else None,
        )
        if n < 3:
            _handed_over(made)
    for after in (4, 6):
        help_request(c, kind=HelpKind.PRACTICAL, created=at(3, 5), contact_after=after * day)
    help_request(p, kind=HelpKind.PRACTICAL, created=at(2, 10), contact_after=day)
    for _n in range(3):
        initiative(p_buurt, status=Status.PUBLISHED, theme=Theme.GREEN, created=at(3, 4), by=None)
    initiative(p, status=Status.DRAFT, theme=Theme.GREEN, created=at(3, 4), by=None)
    initiative(c, status=Status.PUBLISHED, theme=Theme.GREEN, created=at(3, 4), by=None)
    _exchange(p_buurt, replies=2, matches=1, month=3)
    for place, hours, off in ((p_buurt, "3", "1.5"), (c, "2", None)):
        task = TaskFactory(neighbourhood=place)
        shift = Shift.objects.create(task=task, starts_at=at(3, 8), ends_at=at(3, 8, 13), places=3)
        SignUp.objects.create(
            shift=shift,
            volunteer=UserFactory(),
            status="confirmed",
            hours=Decimal(hours),
            hours_status="confirmed",
        )
        if off:
            OffShiftHours.objects.create(
                task=task,
                volunteer=UserFactory(),
                date=dt.date(2025, 3, 12),
                hours=Decimal(off),
                description="Flyers",
                status=OffShiftHours.Status.CONFIRMED,
            )
    activity = ActivityFactory(neighbourhood=p_buurt, start=at(3, 15), end=at(3, 15, 12))
    for n in range(5):
        RegistrationFactory(activity=activity, attended_at=at(3, 15) if n < 2 else None)
    RegistrationFactory(activity=activity, status=Registration.Status.CANCELLED)
    venue = Venue.objects.create(
        name="Buurthuis P", slug="buurthuis-p", neighbourhood=p_buurt, address="Straat 1"
    )
    room = Room.objects.create(venue=venue, name="Zaal", capacity=20)
    OpeningHours.objects.create(venue=venue, weekday=0, opens=dt.time(9), closes=dt.time(17))
    for kind, start in (("non_profit", 9), ("commercial", 13)):
        Booking.objects.create(
            room=room,
            booker=UserFactory(),
            start=at(3, 3, start),
            end=at(3, 3, start + 2),
            purpose="x",
            attendees=3,
            booker_kind=kind,
            price=0,
            status="approved",
        )
    experiment = Experiment.objects.create(
        name="Gebiedsteam in P",
        slug="gebiedsteam-p",
        question="Sneller contact?",
        start_date=dt.date(2025, 3, 1),
        end_date=dt.date(2025, 3, 31),
        indicators=ALL,
        comparison=Experiment.Comparison.AREAS,
        published=True,
        public_summary="Een samenvatting.",
    )
    experiment.wijken.set([p])
    experiment.comparison_wijken.set([c])
    return experiment


def test_indicators_for_the_pilot_areas():
    experiment = build_pilot()
    p = experiment.wijken.get()
    values = indicator_values(ALL, Areas(wijken=frozenset([p.pk])), START, END)
    assert {key: value.value for key, value in values.items()} == {
        "median_days_first_contact": Decimal("2.5"),
        "help_requests": 6,
        "handover_share": Decimal("50.0"),
        "exchange_match_rate": Decimal("50.0"),
        "volunteer_hours": Decimal("4.5"),
        "activity_registrations": 5,
        "activity_attended": 2,
        "venue_occupancy": Decimal("10.0"),
        "venue_commercial_share": Decimal("50.0"),
        "initiatives_started": 3,
    }
    assert values["median_days_first_contact"].base == 4  # answered requests
    assert values["exchange_match_rate"].base == 2  # replies


def test_a_buurt_counts_only_itself_and_the_rest_is_everything_else():
    experiment = build_pilot()
    p = experiment.wijken.get()
    buurt = p.buurten.get()
    assert indicator("help_requests", Areas(buurten=frozenset([buurt.pk])), START, END).value == 6
    rest = Areas(wijken=frozenset([p.pk]), rest=True)
    assert indicator("help_requests", rest, START, END).value == 2
    assert indicator("initiatives_started", rest, START, END).value == 1


def test_compare_gives_pilot_comparison_and_the_difference():
    rows = {row.indicator.key: row for row in compare(build_pilot())}
    requests = rows["help_requests"]
    assert (requests.pilot.value, requests.comparison.value) == (6, 2)
    assert (requests.difference, requests.percent) == (4, Decimal("200.0"))
    medians = rows["median_days_first_contact"]
    assert medians.comparison.value == Decimal("5.0")
    assert (medians.difference, medians.percent) == (Decimal("-2.5"), Decimal("-50.0"))
    hours = rows["volunteer_hours"]
    assert (hours.difference, hours.percent) == (Decimal("2.5"), Decimal("125.0"))
    share = rows["handover_share"]
    assert (share.difference, share.percent) == (Decimal("50.0"), None)  # nothing to divide by
    assert rows["venue_occupancy"].comparison.value is None  # no venue in C


def test_the_period_before_is_as_long_and_ends_at_the_start():
    experiment = build_pilot()
    experiment.comparison = Experiment.Comparison.BEFORE
    assert experiment.comparison_period == (at(1, 29, 0), START)
    rows = {row.indicator.key: row for row in compare(experiment)}
    assert rows["help_requests"].comparison.value == 1


def test_the_public_table_suppresses_counts_below_five_and_their_difference():
    compared = compare(build_pilot())
    table = indicator_table(compared, public=True)
    rows = {r.indicator.key: row[1:] for r, row in zip(compared, table.rows, strict=True)}
    assert rows["help_requests"] == [6, SUPPRESSED, None, None]  # C: 2 requests
    assert rows["handover_share"] == [Decimal("50.0"), SUPPRESSED, None, None]
    assert rows["median_days_first_contact"] == [SUPPRESSED, SUPPRESSED, None, None]
    assert rows["exchange_match_rate"][0] == SUPPRESSED  # 2 replies
    assert rows["activity_attended"][0] == SUPPRESSED
    assert rows["activity_registrations"][0] == 5
    # Hours and initiatives count no people or requests: shown in full.
    assert rows["volunteer_hours"] == [
        Decimal("4.5"),
        Decimal("2.0"),
        Decimal("2.5"),
        Decimal("125.0"),
    ]
    assert rows["initiatives_started"] == [3, 1, 2, Decimal("200.0")]
    staff_rows = indicator_table(compared).rows
    assert staff_rows[1][1:] == [6, 2, 4, Decimal("200.0")]  # staff see everything
