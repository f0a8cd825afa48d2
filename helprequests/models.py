"""Help requests of residents, their triage by the area team, and the audit trail.

This is the most sensitive data of the platform (special personal data): who may see
a request is decided in one place (``helprequests/rules.py``), every read or action
of a professional is written to ``AccessLog``, and closed requests are anonymised
after ``settings.HELP_REQUEST_RETENTION_DAYS``.

The models lived in ``neighbourhoods`` until this app was split off; their tables kept
the names they had there (``Meta.db_table``), so the move changed no data.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.phones import PhoneField


class HelpKind(models.TextChoices):
    PRACTICAL = "practical", _("Practical help at home")
    COMPANY = "company", _("Company or loneliness")
    PAPERWORK = "paperwork", _("Paperwork and money")
    TRANSPORT = "transport", _("Transport")
    SHOPPING = "shopping", _("Shopping")
    PARENTING = "parenting", _("Parenting and youth")
    HEALTH = "health", _("Health and care")
    HOUSING = "housing", _("Housing")
    OTHER = "other", _("Other")


# Kinds a volunteer may help with (after the professional's triage and the resident's
# consent); every other kind is for professionals only and is never handed over.
VOLUNTEER_SUITABLE_KINDS = frozenset(
    {
        HelpKind.PRACTICAL,
        HelpKind.COMPANY,
        HelpKind.TRANSPORT,
        HelpKind.SHOPPING,
        HelpKind.OTHER,
    }
)


class Urgency(models.TextChoices):
    LOW = "low", _("It can wait a while")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("Soon, please")
    URGENT = "urgent", _("Urgent")


class ContactWay(models.TextChoices):
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By e-mail")
    VISIT = "visit", _("A visit at home")


class HelpStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_TRIAGE = "in_triage", _("Being looked at")
    HANDED_TO_VOLUNTEER = "handed_to_volunteer", _("Handed to a volunteer")
    LIGHT_INTERVENTION = "light_intervention", _("The team helps")
    REFERRED = "referred", _("Referred to a specialist")
    RESOLVED = "resolved", _("Resolved")
    CLOSED_NOT_NEEDED = "closed_not_needed", _("Closed, no help needed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = frozenset(
    {
        HelpStatus.NEW,
        HelpStatus.IN_TRIAGE,
        HelpStatus.HANDED_TO_VOLUNTEER,
        HelpStatus.LIGHT_INTERVENTION,
        HelpStatus.REFERRED,
    }
)
OPEN_STATUSES_LIST = sorted(OPEN_STATUSES)
CLOSED_STATUSES = frozenset(
    {HelpStatus.RESOLVED, HelpStatus.CLOSED_NOT_NEEDED, HelpStatus.WITHDRAWN}
)
CLOSED_STATUSES_LIST = sorted(CLOSED_STATUSES)


class HelpRequest(models.Model):
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
        help_text=_("Empty for an intake on behalf of someone without an account."),
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by professional"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_phone = PhoneField(_("phone number"), blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_address = models.CharField(_("address"), max_length=200, blank=True)
    contact_way = models.CharField(
        _("how to contact"), max_length=8, choices=ContactWay, default=ContactWay.PHONE
    )
    kind = models.CharField(_("kind of help"), max_length=16, choices=HelpKind)
    description = models.TextField(_("description"), blank=True)
    urgency = models.CharField(_("urgency"), max_length=8, choices=Urgency, default=Urgency.NORMAL)
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="help_requests",
    )
    team = models.ForeignKey(
        "neighbourhoods.AreaTeam",
        verbose_name=_("area team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="help_requests",
        help_text=_("Empty: the municipality's fallback queue."),
    )
    status = models.CharField(
        _("status"), max_length=24, choices=HelpStatus, default=HelpStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_help_requests",
    )
    referred_to = models.ForeignKey(
        "neighbourhoods.Organisation",
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_share_anonymised = models.BooleanField(
        _("consent to share an anonymised version with volunteers"), default=False
    )
    first_contact_at = models.DateTimeField(_("first contact at"), null=True, blank=True)
    due_at = models.DateTimeField(_("first contact due at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        db_table = "neighbourhoods_helprequest"
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["due_at", "pk"]
        indexes = [
            models.Index(fields=["team", "status", "due_at"], name="help_team_status_due"),
            models.Index(fields=["status", "closed_at"], name="help_status_closed"),
            # The team's queue and the admin's list, soonest due first: a page of them
            # is read in index order, whichever open statuses are asked for.
            models.Index(fields=["team", "due_at", "id"], name="help_team_due"),
            models.Index(fields=["due_at", "id"], name="help_due"),
        ]

    def __str__(self) -> str:
        # Never the description or a name: this shows in the admin and in logs.
        return _("Help request %(number)s") % {"number": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def is_overdue(self) -> bool:
        return (
            self.first_contact_at is None
            and self.status in OPEN_STATUSES
            and self.due_at < timezone.now()
        )

    @property
    def volunteers_may_help(self) -> bool:
        """Whether this request could be handed to a volunteer later on."""
        return self.kind in VOLUNTEER_SUITABLE_KINDS and self.consent_share_anonymised


class HelpRequestEvent(models.Model):
    """One status change: who, when, from, to, and a note in plain words for the resident."""

    request = models.ForeignKey(
        HelpRequest,
        verbose_name=_("help request"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=24, choices=HelpStatus, blank=True)
    to_status = models.CharField(_("to"), max_length=24, choices=HelpStatus)
    note = models.TextField(_("note for the resident"), blank=True)

    class Meta:
        db_table = "neighbourhoods_helprequestevent"
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"


class HelpMessage(models.Model):
    """A message between the team and the resident, or (``is_internal``) a team note."""

    class Direction(models.TextChoices):
        TO_RESIDENT = "to_resident", _("To the resident")
        FROM_RESIDENT = "from_resident", _("From the resident")
        INTERNAL = "internal", _("Internal note (team only)")

    request = models.ForeignKey(
        HelpRequest,
        verbose_name=_("help request"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    direction = models.CharField(_("direction"), max_length=16, choices=Direction)
    body = models.TextField(_("message"), blank=True)
    asks_for_information = models.BooleanField(_("asks for more information"), default=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        db_table = "neighbourhoods_helpmessage"
        verbose_name = _("help request message")
        verbose_name_plural = _("help request messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} #{self.pk}"

    @property
    def is_internal(self) -> bool:
        return self.direction == self.Direction.INTERNAL


class AccessLog(models.Model):
    """Audit trail: a professional or staff member opened a request or acted on it."""

    class Action(models.TextChoices):
        VIEW = "view", _("Looked at the request")
        ASSIGN = "assign", _("Assigned the request")
        STATUS = "status", _("Changed the status")
        MESSAGE = "message", _("Sent a message")
        NOTE = "note", _("Wrote an internal note")
        CONTACT = "contact", _("Recorded contact with you")
        INTAKE = "intake", _("Filed the request for you")

    request = models.ForeignKey(
        HelpRequest,
        verbose_name=_("help request"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="access_logs",
    )
    request_number = models.PositiveBigIntegerField(_("request number"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=16, choices=Action)
    # Views only: the start of the period whose repeated views this entry stands for
    # (settings.HELP_REQUEST_VIEW_LOG_MINUTES); the constraint keeps them one entry.
    view_period = models.DateTimeField(_("views since"), null=True, blank=True, editable=False)

    class Meta:
        db_table = "neighbourhoods_accesslog"
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["request", "-at"], name="help_access_request_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "user", "view_period"],
                condition=Q(view_period__isnull=False),
                name="help_access_one_view_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.action} #{self.request_number}"


class ReplyTemplate(models.Model):
    """A standard reply staff maintain; a professional picks it and edits it before sending."""

    kind = models.CharField(
        _("kind of help"),
        max_length=16,
        choices=HelpKind,
        blank=True,
        help_text=_("Empty: for every kind."),
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=HelpStatus,
        blank=True,
        help_text=_("Empty: for every status."),
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(
        _("text"),
        help_text=_(
            "Write [naam] where the resident's first name goes, for example "
            '"Beste [naam],". Where no name is known, it says "bewoner".'
        ),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        db_table = "neighbourhoods_replytemplate"
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class Satisfaction(models.Model):
    request = models.OneToOneField(
        HelpRequest,
        verbose_name=_("help request"),
        on_delete=models.CASCADE,
        related_name="satisfaction",
    )
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        db_table = "neighbourhoods_satisfaction"
        verbose_name = _("satisfaction")
        verbose_name_plural = _("satisfaction scores")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="help_satisfaction_score_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score}/5"
