"""Resident initiatives: the initiative, its organisers, photos, history, support, follows."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    GREEN = "green", _("Green and public space")
    MEETING = "meeting", _("Meeting and community")
    CARE = "care", _("Care and welfare")
    YOUTH = "youth", _("Youth")
    ELDERLY = "elderly", _("Elderly")
    SAFETY = "safety", _("Safety")
    CULTURE = "culture", _("Culture")
    SPORT = "sport", _("Sport and play")
    SUSTAINABILITY = "sustainability", _("Sustainability")
    ECONOMY = "economy", _("Neighbourhood economy")


class Need(models.TextChoices):
    """What an initiative asks for; each is stored as its own ``needs_<value>`` boolean."""

    VOLUNTEERS = "volunteers", _("Volunteers")
    MEETING_PLACE = "meeting_place", _("A place to meet")
    MONEY = "money", _("Money")
    KNOWLEDGE = "knowledge", _("Knowledge")
    PROFESSIONAL = "professional", _("A professional")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Running")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    STOPPED = "stopped", _("Stopped")


PUBLIC_STATUSES = (Status.PUBLISHED, Status.COMPLETED)  # listed, on the map, followable
# Everyone may open these; a stopped initiative was public, and its followers were told.
VISIBLE_STATUSES = (*PUBLIC_STATUSES, Status.STOPPED)
EDITABLE_STATUSES = (Status.DRAFT, Status.CHANGES_REQUESTED)
REVIEW_STATUSES = (Status.SUBMITTED, Status.IN_REVIEW)


class Hideable(models.Model):
    """Content the moderators can hide with a reason; it stays in the database."""

    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        """Hidden by the moderators: only its author (or organisers) and reviewers see it."""
        return self.hidden_at is not None


class Initiative(Hideable):
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("short summary"),
        max_length=280,
        help_text=_("One or two sentences: what do you want to do, and for whom?"),
    )
    description = models.TextField(_("description"))
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty if it keeps going.")
    )
    needs_volunteers = models.BooleanField(_("needs volunteers"), default=False)
    needs_meeting_place = models.BooleanField(_("needs a place to meet"), default=False)
    needs_money = models.BooleanField(_("needs money"), default=False)
    needs_knowledge = models.BooleanField(_("needs knowledge"), default=False)
    needs_professional = models.BooleanField(_("needs a professional"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        through="Organiser",
        related_name="organised_initiatives",
    )
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="initiative_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="initiative_status_published"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def needs(self) -> list[str]:
        return [need.value for need in Need if getattr(self, f"needs_{need.value}")]

    @property
    def needs_labels(self) -> list[str]:
        return [need.label for need in Need if getattr(self, f"needs_{need.value}")]

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_public(self) -> bool:
        return self.status in VISIBLE_STATUSES


class Organiser(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        CO_ORGANISER = "co_organiser", _("Co-organiser")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="initiative_memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.OWNER)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        ordering = ["-role", "created_at", "pk"]  # the owner first ("owner" > "co_organiser")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="organiser_unique_user"),
            models.UniqueConstraint(
                fields=["initiative"], condition=Q(role="owner"), name="organiser_one_owner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.initiative}"


class OrganiserInvitation(models.Model):
    """An organiser asks someone, by e-mail address, to organise the initiative with them.

    The person accepts while logged in with that address; until then they see no
    more of the initiative than its title.
    """

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("co-organiser invitation")
        verbose_name_plural = _("co-organiser invitations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "email"], name="invitation_once_per_address"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.initiative_id}"


class InitiativePhoto(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to="initiatives/photos/%Y/%m/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="initiatives/thumbnails/%Y/%m/")
    description = models.CharField(
        _("what the photo shows"),
        max_length=200,
        blank=True,
        help_text=_("For people who cannot see the photo."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.description or self.image.name


class InitiativeUpdate(Hideable):
    """A short news post by an organiser on a running or completed initiative."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"))
    photo = models.ImageField(_("photo"), upload_to="initiatives/updates/%Y/%m/", blank=True)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to="initiatives/updates/%Y/%m/", blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:60]


class StatusChange(models.Model):
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.from_status or '-'} → {self.to_status}"


class Support(models.Model):
    """ "Ik steun dit": one per person per initiative; withdrawing deletes it."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="initiative_supports",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="support_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.initiative_id}"


class Follow(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="initiative_follows",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="follow_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.initiative_id}"
