"""Assen's geography (wijken and buurten), its area teams and its social map."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.phones import PhoneField


class Neighbourhood(models.Model):
    class Level(models.TextChoices):
        WIJK = "wijk", _("District (wijk)")
        BUURT = "buurt", _("Neighbourhood (buurt)")

    code = models.CharField(
        _("CBS code"), max_length=12, unique=True, help_text=_("WK0106xx or BU0106xxxx.")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    wijk = models.ForeignKey(
        "self",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="buurten",
        limit_choices_to={"level": Level.WIJK},
    )
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"), default=dict, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(level="wijk") & Q(wijk__isnull=True))
                | (Q(level="buurt") & Q(wijk__isnull=False)),
                name="neighbourhood_buurt_has_wijk",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AreaTeam(models.Model):
    """A gebiedsgebonden team: professionals who serve one or more (parts of) wijken."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    neighbourhoods = models.ManyToManyField(
        Neighbourhood,
        verbose_name=_("neighbourhoods covered"),
        related_name="area_teams",
        blank=True,
        help_text=_("A team on a district also serves every neighbourhood in it."),
    )
    phone = PhoneField(_("public phone number"), blank=True)
    email = models.EmailField(_("public e-mail address"), blank=True)
    walk_in_hours = models.TextField(_("walk-in hours"), blank=True)
    walk_in_place = models.CharField(_("walk-in place"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("area team")
        verbose_name_plural = _("area teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    class Discipline(models.TextChoices):
        SOCIAL_WORK = "social_work", _("Social work")
        YOUTH_AND_FAMILY = "youth_and_family", _("Youth and family (CJG)")
        ELDERLY_CARE = "elderly_care", _("Elderly care")
        DEBT_SUPPORT = "debt_support", _("Debt support")
        COMMUNITY_DEVELOPMENT = "community_development", _("Community development")
        OTHER = "other", _("Other")

    team = models.ForeignKey(
        AreaTeam, verbose_name=_("area team"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    discipline = models.CharField(
        _("discipline"), max_length=32, choices=Discipline.choices, default=Discipline.OTHER
    )
    is_coordinator = models.BooleanField(_("coordinator"), default=False)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="team_membership_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.team}"


class Organisation(models.Model):
    """An entry on the social map (sociale kaart)."""

    class Kind(models.TextChoices):
        WELFARE = "welfare", _("Welfare")
        CARE = "care", _("Care")
        YOUTH = "youth", _("Youth")
        SPORT = "sport", _("Sport")
        CULTURE = "culture", _("Culture")
        RELIGIOUS = "religious", _("Religious community")
        SCHOOL = "school", _("School")
        RESIDENTS_ASSOCIATION = "residents_association", _("Residents' association")
        BUSINESS = "business", _("Business")
        NEIGHBOURHOOD_ENTERPRISE = "neighbourhood_enterprise", _("Neighbourhood enterprise")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)
    neighbourhoods = models.ManyToManyField(
        Neighbourhood,
        verbose_name=_("neighbourhoods served"),
        related_name="organisations",
        blank=True,
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    phone = PhoneField(_("phone number"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        related_name="organisations",
        blank=True,
        help_text=_("People who may edit this entry."),
    )
    is_approved = models.BooleanField(
        _("approved"), default=False, help_text=_("Only approved entries are shown publicly.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None
