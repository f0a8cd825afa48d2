"""Vraag en aanbod: listings (offers and requests), the categories they are filed under,
and the conversations (the relay) between a listing's owner and the people who reply."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """A managed list (admin). A care category is never published as a listing: the
    form offers "ask the area team for help" instead."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=90, unique=True)
    is_care = models.BooleanField(
        _("is care"),
        default=False,
        help_text=_("Care or casework (personal care, debts, medication): not published."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("exchange category")
        verbose_name_plural = _("exchange categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Listing(models.Model):
    class Direction(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    class Kind(models.TextChoices):
        HELP = "help", _("Help or a favour")
        SKILL = "skill", _("A skill or lesson")
        LEND = "lend", _("Lend or give away")
        PAID = "paid", _("Paid service")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_CONTACT = "in_contact", _("In contact")
        MATCHED = "matched", _("Matched")
        DONE = "done", _("Done")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone who is logged in")
        NEIGHBOURHOOD = "neighbourhood", _("Only people from my neighbourhood (wijk)")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="exchange_listings",
    )
    organisation = models.ForeignKey(
        "neighbourhoods.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange_listings",
    )
    direction = models.CharField(_("offer or request"), max_length=8, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=4000)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="listings"
    )
    neighbourhood = models.ForeignKey(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="exchange_listings",
    )
    audience = models.CharField(
        _("who may reply"), max_length=16, choices=Audience.choices, default=Audience.EVERYONE
    )
    price_info = models.CharField(_("price information"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    expires_at = models.DateTimeField(_("expires at"))
    # Hidden from everyone but the owner: by three open reports (``hidden_by`` empty:
    # pending review) or by a moderator (exchange.moderation).
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="exchange_listing_listed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="paid") | Q(organisation__isnull=False),
                name="exchange_paid_needs_organisation",
            ),
            models.CheckConstraint(
                condition=Q(kind="paid") | Q(price_info=""),
                name="exchange_price_only_when_paid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


LISTED_STATUSES = (Listing.Status.OPEN, Listing.Status.IN_CONTACT)
ACTIVE_STATUSES = (Listing.Status.OPEN, Listing.Status.IN_CONTACT, Listing.Status.MATCHED)


class Conversation(models.Model):
    """One per (listing, replier): the relay between the replier and the owner."""

    listing = models.ForeignKey(
        Listing, verbose_name=_("listing"), on_delete=models.CASCADE, related_name="conversations"
    )
    replier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replier"),
        on_delete=models.CASCADE,
        related_name="exchange_conversations",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message at"), null=True, blank=True)
    owner_read_at = models.DateTimeField(_("read by the owner at"), null=True, blank=True)
    replier_read_at = models.DateTimeField(_("read by the replier at"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "replier"], name="exchange_one_conversation_per_replier"
            ),
        ]
        indexes = [models.Index(fields=["replier", "created_at"], name="exchange_conv_replier")]

    def __str__(self) -> str:
        return f"{self.listing} · {self.replier}"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    # Hidden by a moderator: both sides see a notice instead of the text (kept on record).
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.conversation_id} · {self.created_at:%Y-%m-%d %H:%M}"


class Preference(models.Model):
    """A person's choices for the exchange (one row, made when first changed)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="exchange_preference",
    )
    neighbourhood_only = models.BooleanField(
        _("only people from my neighbourhood (wijk) may message me"), default=False
    )

    class Meta:
        verbose_name = _("exchange preference")
        verbose_name_plural = _("exchange preferences")

    def __str__(self) -> str:
        return str(self.user_id)


class Block(models.Model):
    """A person blocked by another: they can no longer message the blocker, and the
    blocker no longer sees their listings."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        on_delete=models.CASCADE,
        related_name="exchange_blocks",
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="exchange_block_once"),
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} · {self.blocked_id}"


from .matches import CreditMovement, CreditTransfer, Feedback, Match  # noqa: E402, F401
from .photos import ListingPhoto  # noqa: E402, F401
from .reports import ConversationAccess, Report  # noqa: E402, F401
