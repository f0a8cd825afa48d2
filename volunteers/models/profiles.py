"""The volunteer profile (opt-in) and the managed list of skills."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Skill(models.Model):
    """A skill from the list staff maintain (cooking, driving, language coaching, ...)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=90, unique=True)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
    FRISIAN = "fy", _("Frisian")
    DRENTS = "nds", _("Drents")
    SIGN = "sgn", _("Dutch Sign Language")


class Availability:
    """Weekly availability as a bitmask: bit ``weekday * 3 + part`` (Monday morning = 0).

    Parts: morning until 12:00, afternoon until 18:00, evening after. A mask keeps
    the matching vectorised: availability against a shift is one AND.
    """

    MORNING, AFTERNOON, EVENING = 0, 1, 2
    PARTS = (
        (MORNING, _("morning")),
        (AFTERNOON, _("afternoon")),
        (EVENING, _("evening")),
    )
    DAYS = (
        (0, _("Monday")),
        (1, _("Tuesday")),
        (2, _("Wednesday")),
        (3, _("Thursday")),
        (4, _("Friday")),
        (5, _("Saturday")),
        (6, _("Sunday")),
    )
    ALL = (1 << 21) - 1

    @staticmethod
    def bit(weekday: int, part: int) -> int:
        return 1 << (weekday * 3 + part)

    @staticmethod
    def part_of(time: dt.time) -> int:
        if time.hour < 12:
            return Availability.MORNING
        if time.hour < 18:
            return Availability.AFTERNOON
        return Availability.EVENING

    @classmethod
    def mask_for_span(cls, start: dt.datetime, end: dt.datetime) -> int:
        """The bits a (local) shift from ``start`` to ``end`` touches."""
        mask = 0
        moment = start
        while moment < end:
            mask |= cls.bit(moment.weekday(), cls.part_of(moment.time()))
            moment += dt.timedelta(hours=1)
        return mask or cls.bit(start.weekday(), cls.part_of(start.time()))


class VolunteerProfile(models.Model):
    """Exists once a user opts in as a volunteer at /vrijwilligerswerk/profiel/."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
    )
    skills = models.ManyToManyField(
        Skill, verbose_name=_("skills"), blank=True, related_name="volunteers"
    )
    tags = models.JSONField(
        _("other skills"),
        default=list,
        blank=True,
        help_text=_("Free words, for what is not in the list."),
    )
    interests = models.JSONField(_("interests (themes)"), default=list, blank=True)
    neighbourhoods = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("neighbourhoods"),
        blank=True,
        related_name="+",
    )
    max_distance_km = models.PositiveSmallIntegerField(
        _("maximum distance from home (km)"), null=True, blank=True
    )
    availability = models.PositiveIntegerField(_("weekly availability"), default=0)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    birth_date = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        help_text=_("Only used to check a task's minimum age."),
    )
    vog_date = models.DateField(
        _("certificate of conduct (VOG) issued on"),
        null=True,
        blank=True,
        help_text=_("Leave empty if you have no VOG."),
    )
    max_hours_per_month = models.PositiveSmallIntegerField(
        _("maximum hours per month"), null=True, blank=True
    )
    is_findable = models.BooleanField(
        _("organisers may find and invite me"),
        default=False,
        help_text=_(
            "Organisers then see your name, skills and neighbourhoods, never your contact details."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def vog_expires_on(self) -> dt.date | None:
        """The first day the VOG of the volunteer's own date no longer counts."""
        if self.vog_date is None:
            return None
        return self.vog_date + dt.timedelta(days=settings.VOLUNTEER_VOG_VALID_DAYS)

    def has_valid_vog(self, on: dt.date | None = None) -> bool:
        """A VOG counts for VOLUNTEER_VOG_VALID_DAYS after it was issued."""
        if self.vog_date is None:
            return False
        on = on or dt.date.today()
        return self.vog_date <= on < self.vog_expires_on

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class AgendaFeed(models.Model):
    """The private address of a person's iCal feed of their shifts (renewable)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="volunteer_agenda_feed",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("shift calendar feed")
        verbose_name_plural = _("shift calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
