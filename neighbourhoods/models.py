"""Assen's geography: wijken (districts) and the buurten (neighbourhoods) within them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
