"""Activities in the neighbourhood ("Wat is er te doen") and the registrations for them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Activity(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        COURSE = "course", _("Course or training")
        FESTIVITY = "festivity", _("Festivity")
        SPORTS = "sports", _("Sports")
        COFFEE_MORNING = "coffee_morning", _("Coffee morning")
        INFORMATION = "information", _("Information session")
        OTHER = "other", _("Other")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        CHILDREN = "children", _("Children")
        YOUTH = "youth", _("Young people")
        ADULTS = "adults", _("Adults")
        SENIORS = "seniors", _("Older people")

    class OrganiserKind(models.TextChoices):
        INITIATIVE = "initiative", _("Initiative")
        ORGANISATION = "organisation", _("Organisation")
        VENUE = "venue", _("Community building")
        AREA_TEAM = "area_team", _("Area team")

    class Place(models.TextChoices):
        ROOM = "room", _("A room in a community building")
        ADDRESS = "address", _("An address")
        ONLINE = "online", _("Online")

    class Registration(models.TextChoices):
        NONE = "none", _("No need to register: just come")
        PLATFORM = "platform", _("Register on this site")
        ELSEWHERE = "elsewhere", _("Register elsewhere (a link)")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(
        _("for whom"), max_length=12, choices=Audience.choices, default=Audience.EVERYONE
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    place = models.CharField(_("place"), max_length=10, choices=Place.choices)
    room = models.ForeignKey(
        "venues.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    booking = models.OneToOneField(
        "venues.Booking",
        verbose_name=_("booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity",
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    online_link = models.URLField(_("link to join online"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    is_free = models.BooleanField(_("free"), default=True)
    costs = models.CharField(_("costs"), max_length=120, blank=True)
    organiser_kind = models.CharField(
        _("organised by"), max_length=16, choices=OrganiserKind.choices
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "neighbourhoods.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    venue = models.ForeignKey(
        "venues.Venue",
        verbose_name=_("community building"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    area_team = models.ForeignKey(
        "neighbourhoods.AreaTeam",
        verbose_name=_("area team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration = models.CharField(
        _("registration"), max_length=10, choices=Registration.choices, default=Registration.NONE
    )
    registration_link = models.URLField(_("link to register"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Afterwards, by an organiser: how many came and what happened (shown on the page).
    attendance = models.PositiveIntegerField(_("how many came"), null=True, blank=True)
    report = models.TextField(_("what happened"), blank=True)
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["status", "start", "id"], name="activity_status_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="activity_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(place="room") | Q(room__isnull=False), name="activity_room_given"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organiser_name(self) -> str:
        owner = self.initiative or self.organisation or self.venue or self.area_team
        return str(owner) if owner else ""

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.end <= timezone.now()

    @property
    def place_text(self) -> str:
        if self.place == self.Place.ROOM and self.room_id:
            return f"{self.room.venue.name}, {self.room.name}, {self.room.venue.address}"
        if self.place == self.Place.ONLINE:
            return str(_("Online"))
        return self.address


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.REGISTERED, Status.WAITING)

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="activity_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    # Shown at the door (typed or scanned as a QR code); unique within the activity.
    code = models.CharField(_("check-in code"), max_length=8)
    attended_at = models.DateTimeField(_("present since"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "user"],
                condition=Q(status__in=["registered", "waiting"]),
                name="registration_one_active_per_user",
            ),
            models.UniqueConstraint(fields=["activity", "code"], name="registration_code_unique"),
        ]
        indexes = [
            models.Index(fields=["activity", "status", "created_at"], name="registration_queue")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.activity_id}"
