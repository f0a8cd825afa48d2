"""Pilots (proeven): an experiment in some wijken or buurten over a period, measured by
figures the platform already computes and compared with the same areas before or with
other areas in the same period (``reports.pilots``). Only reports reads these."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pilots.choices import INDICATOR_CHOICES


class Experiment(models.Model):
    class Comparison(models.TextChoices):
        BEFORE = "before", _("The same areas in the same-length period before the start")
        AREAS = "areas", _("Comparable areas in the same period")
        REST = "rest", _("The rest of Assen in the same period")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    question = models.TextField(
        _("question or hypothesis"), help_text=_("What the pilot should show.")
    )
    wijken = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("wijken"),
        related_name="+",
        blank=True,
        limit_choices_to={"level": "wijk"},
        help_text=_("A wijk counts with all its buurten."),
    )
    buurten = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("buurten"),
        related_name="+",
        blank=True,
        limit_choices_to={"level": "buurt"},
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    indicators = models.JSONField(
        _("indicators"), default=list, blank=True, help_text=_("The figures to follow.")
    )
    comparison = models.CharField(
        _("compared with"), max_length=10, choices=Comparison.choices, default=Comparison.BEFORE
    )
    comparison_wijken = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("comparable wijken"),
        related_name="+",
        blank=True,
        limit_choices_to={"level": "wijk"},
    )
    comparison_buurten = models.ManyToManyField(
        "neighbourhoods.Neighbourhood",
        verbose_name=_("comparable buurten"),
        related_name="+",
        blank=True,
        limit_choices_to={"level": "buurt"},
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shows the public summary at /proeven/.")
    )
    public_summary = models.TextField(_("public summary"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="experiment_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        known = {key for key, _label in INDICATOR_CHOICES}
        if not isinstance(self.indicators, list) or not set(self.indicators) <= known:
            raise ValidationError({"indicators": _("Choose indicators from the list.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})

    @property
    def area_names(self) -> str:
        """The pilot's wijken and buurten by name (from the prefetched relations)."""
        return _names(self.wijken, self.buurten)

    @property
    def comparison_area_names(self) -> str:
        return _names(self.comparison_wijken, self.comparison_buurten)

    @property
    def period(self) -> tuple[dt.datetime, dt.datetime]:
        """[first day 00:00, the day after the last day 00:00), local time."""
        return _midnight(self.start_date), _midnight(self.end_date + dt.timedelta(days=1))

    @property
    def comparison_period(self) -> tuple[dt.datetime, dt.datetime]:
        start, end = self.period
        if self.comparison == self.Comparison.BEFORE:
            days = (self.end_date - self.start_date).days + 1
            return _midnight(self.start_date - dt.timedelta(days=days)), start
        return start, end


def _names(*relations) -> str:
    return ", ".join(area.name for relation in relations for area in relation.all())


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


class ExperimentNote(models.Model):
    """What staff noticed during a pilot (what happened, what changed), dated."""

    experiment = models.ForeignKey(
        Experiment, verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("pilot note")
        verbose_name_plural = _("pilot notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("Note %(number)s") % {"number": self.pk}
