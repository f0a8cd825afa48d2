"""Community buildings (venues), their rooms, opening hours, closures and bookings."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.phones import PhoneField

from .constraints import PostgresExclusionConstraint
from .ranges import TsTzRange


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Facility(models.TextChoices):
    """Facilities of a room; each value is also the name of a boolean field on Room."""

    KITCHEN = "kitchen", _("Kitchen")
    PROJECTOR = "projector", _("Projector or screen")
    SOUND_SYSTEM = "sound_system", _("Sound system")
    SPORTS_FLOOR = "sports_floor", _("Sports floor")
    GARDEN = "garden", _("Garden or outdoor space")
    WIFI = "wifi", _("Wi-Fi")


class Accessibility(models.TextChoices):
    """Accessibility of a venue; each value is also the name of a boolean field on Venue."""

    STEP_FREE = "step_free", _("Step-free access")
    ACCESSIBLE_TOILET = "accessible_toilet", _("Accessible toilet")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")


class Venue(models.Model):
    class OwnerKind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        FOUNDATION = "foundation", _("Foundation")
        SCHOOL = "school", _("School")
        CHURCH = "church", _("Church")
        RESIDENTS_ASSOCIATION = "residents_association", _("Residents' association")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="venues",
    )
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=200)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    owner_kind = models.CharField(_("owner"), max_length=32, choices=OwnerKind.choices)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = PhoneField(_("contact phone number"), blank=True)
    house_rules = models.TextField(_("house rules"), blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        related_name="managed_venues",
        blank=True,
    )
    auto_approve = models.BooleanField(
        _("approve requests automatically"),
        default=False,
        help_text=_("Requests that pass every rule are approved at once."),
    )
    commercial_hours_cap = models.PositiveIntegerField(
        _("maximum commercial hours per month"),
        null=True,
        blank=True,
        help_text=_(
            "Paracommercie: a subsidised building may not compete unfairly with "
            "commercial hospitality. Empty means no limit."
        ),
    )
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def accessibility_labels(self) -> list[str]:
        return [label for value, label in Accessibility.choices if getattr(self, value)]


class Room(models.Model):
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="rooms"
    )
    name = models.CharField(_("name"), max_length=100)
    capacity = models.PositiveIntegerField(_("capacity (people)"))
    description = models.TextField(_("description"), blank=True)
    kitchen = models.BooleanField(_("kitchen"), default=False)
    projector = models.BooleanField(_("projector or screen"), default=False)
    sound_system = models.BooleanField(_("sound system"), default=False)
    sports_floor = models.BooleanField(_("sports floor"), default=False)
    garden = models.BooleanField(_("garden or outdoor space"), default=False)
    wifi = models.BooleanField(_("Wi-Fi"), default=False)
    rate_initiative = models.DecimalField(
        _("hourly rate, residents' initiative"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0.00"),
    )
    rate_non_profit = models.DecimalField(
        _("hourly rate, non-profit organisation"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0.00"),
    )
    rate_commercial = models.DecimalField(
        _("hourly rate, commercial use"), max_digits=7, decimal_places=2, default=Decimal("0.00")
    )
    is_bookable = models.BooleanField(_("bookable"), default=True)
    calendar_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_token, editable=False
    )

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="room_capacity_positive"),
            models.UniqueConstraint(fields=["venue", "name"], name="room_unique_name_per_venue"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.venue})"

    @property
    def facility_labels(self) -> list[str]:
        return [label for value, label in Facility.choices if getattr(self, value)]


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["venue", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opening_hours_closes_after_opens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Closure(models.Model):
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="closures"
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["venue", "first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=models.F("first_day")),
                name="closure_last_day_not_before_first",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.venue}: {self.first_day} - {self.last_day}"


class Booking(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    class BookerKind(models.TextChoices):
        INITIATIVE = "initiative", _("Residents' initiative")
        NON_PROFIT = "non_profit", _("Non-profit organisation")
        COMMERCIAL = "commercial", _("Commercial")

    ACTIVE = (Status.PENDING, Status.APPROVED)

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="bookings"
    )
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.CASCADE,
        related_name="venue_bookings",
    )
    organisation = models.ForeignKey(
        "neighbourhoods.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venue_bookings",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("for the initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venue_bookings",
    )
    series = models.UUIDField(_("series"), null=True, blank=True, db_index=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    purpose = models.CharField(_("purpose"), max_length=200)
    booker_phone = PhoneField(
        _("phone number of the booker"),
        blank=True,
        help_text=_("Shown only to the booker and the venue's managers."),
    )
    attendees = models.PositiveIntegerField(_("expected number of people"))
    booker_kind = models.CharField(_("kind of use"), max_length=16, choices=BookerKind.choices)
    price = models.DecimalField(_("price"), max_digits=9, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["room", "start"], name="booking_room_start"),
            # The admin's list, in the model's order, reads one page of it.
            models.Index(fields=["start", "id"], name="booking_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="booking_ends_after_start"
            ),
            PostgresExclusionConstraint(
                name="booking_no_overlap_per_room",
                expressions=[
                    (TsTzRange("start", "end", RangeBoundary()), RangeOperators.OVERLAPS),
                    ("room", RangeOperators.EQUAL),
                ],
                condition=Q(status__in=["pending", "approved"]),
                violation_error_message=_("This room is already booked at that time."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room} {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_commercial(self) -> bool:
        return self.booker_kind == self.BookerKind.COMMERCIAL

    @property
    def hours(self) -> Decimal:
        return Decimal((self.end - self.start).total_seconds()) / Decimal(3600)


class BookingEvent(models.Model):
    """One transition of a booking: who, when, from which status to which."""

    booking = models.ForeignKey(
        Booking, verbose_name=_("booking"), on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=16, blank=True)
    to_status = models.CharField(_("to"), max_length=16)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.from_status or '-'} -> {self.to_status}"

    @property
    def to_status_label(self) -> str:
        return Booking.Status(self.to_status).label


class CalendarFeed(models.Model):
    """A person's private iCal feed of their own bookings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="venue_calendar",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
