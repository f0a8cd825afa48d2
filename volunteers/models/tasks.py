"""Volunteer tasks, their shifts and the sign-ups for a shift."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from initiatives.models import Theme


class TaskKind(models.Model):
    """A kind of task, from a list staff maintain.

    A professional-only kind (personal care, debt counselling, ...) marks the line
    between volunteer and professional work: no task of that kind is published.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)
    professional_only = models.BooleanField(_("professionals only"), default=False)
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_("Why this is professional work, and where residents can go instead."),
    )

    class Meta:
        verbose_name = _("kind of task")
        verbose_name_plural = _("kinds of task")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Task(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"))
    kind = models.ForeignKey(
        TaskKind, verbose_name=_("kind of task"), on_delete=models.PROTECT, related_name="tasks"
    )
    skills = models.ManyToManyField(
        "volunteers.Skill", verbose_name=_("skills wanted"), blank=True, related_name="tasks"
    )
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="volunteer_tasks",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    requires_vog = models.BooleanField(_("requires a certificate of conduct (VOG)"), default=False)
    requires_seen_vog = models.BooleanField(
        _("the VOG must have been seen by an organisation"),
        default=False,
        help_text=_(
            "The volunteer's own VOG date is not enough: a member of an approved "
            "organisation has to have seen the VOG."
        ),
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    is_recurring = models.BooleanField(_("recurring"), default=False)
    cancellation_hours = models.PositiveSmallIntegerField(
        _("cancel up to (hours before the shift)"),
        default=24,
        help_text=_("Volunteers can cancel their sign-up until this many hours before a shift."),
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="volunteer_tasks",
    )
    organisation = models.ForeignKey(
        "neighbourhoods.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="volunteer_tasks",
    )
    is_private = models.BooleanField(
        _("private"),
        default=False,
        help_text=_(
            "A hand-over of a help request: only invited volunteers and the area team "
            "can open it; it is never listed."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The start of the next shift still to come (None: none), kept by
    # volunteers.services.next_shift: the task list filters and sorts on it.
    next_shift_at = models.DateTimeField(
        _("next shift starts at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Moves of the lifecycle (core.StatusChange); they go when this row goes.
    status_changes = GenericRelation("core.StatusChange", related_query_name="+")

    class Meta:
        verbose_name = _("volunteer task")
        verbose_name_plural = _("volunteer tasks")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(initiative__isnull=False)
                | Q(organisation__isnull=False)
                | Q(is_private=True),
                name="task_has_initiative_organisation_or_handover",
                violation_error_message=_(
                    "A task belongs to an initiative, an organisation or a hand-over."
                ),
            ),
            models.CheckConstraint(
                condition=Q(requires_seen_vog=False) | Q(requires_vog=True),
                name="task_seen_vog_is_a_vog",
                violation_error_message=_(
                    "A task that asks for a VOG seen by an organisation asks for a VOG."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="task_status_published"),
            # The task list: open tasks soonest first, read in index order (and counted
            # from the index alone).
            models.Index(
                fields=["next_shift_at", "id"],
                condition=Q(status="published", is_private=False),
                name="task_listed_next_shift",
            ),
            # The refresh of tasks whose next shift has started.
            models.Index(fields=["next_shift_at"], name="task_next_shift"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Shift(models.Model):
    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="shifts"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    places = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="shift_ends_after_start",
                violation_error_message=_("A shift ends after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(places__gte=1),
                name="shift_has_places",
                violation_error_message=_("A shift has at least one place."),
            ),
        ]
        indexes = [
            models.Index(fields=["starts_at"], name="shift_starts_at"),
            # A task's next shift and whether it has one still to come: one index probe
            # per task on the task list and the map (volunteers.selectors).
            models.Index(fields=["task", "starts_at"], name="shift_task_starts_at"),
        ]

    def __str__(self) -> str:
        return f"{self.task} ({self.starts_at:%Y-%m-%d %H:%M})"


class SignUp(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Signed up")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Hours(models.TextChoices):
        NONE = "", _("Not logged")
        LOGGED = "logged", _("Logged, awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        CORRECTED = "corrected", _("Corrected by the organiser")

    shift = models.ForeignKey(
        Shift, verbose_name=_("shift"), on_delete=models.CASCADE, related_name="signups"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="shift_signups",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2, null=True, blank=True)
    hours_status = models.CharField(
        _("hours status"), max_length=10, choices=Hours.choices, default=Hours.NONE, blank=True
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=~Q(status="cancelled"),
                name="one_active_signup_per_shift",
                violation_error_message=_("You are already signed up for this shift."),
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gt=0, hours__lte=24),
                name="signup_hours_within_a_day",
                violation_error_message=_("Hours must be more than 0 and at most 24."),
            ),
        ]
        indexes = [
            models.Index(fields=["shift", "status"], name="signup_shift_status"),
            models.Index(fields=["volunteer", "status"], name="signup_volunteer_status"),
            # The admin's list, in the model's order, reads one page of it.
            models.Index(fields=["created_at", "id"], name="signup_created"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.shift}"
