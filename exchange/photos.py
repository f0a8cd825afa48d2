"""Photos of a listing: at most four, each with a description for people who cannot
see it. Stored as a large copy and a thumbnail without metadata (``exchange.images``)
and served by their URL only while the listing is listed (``exchange.media``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_PHOTOS = 4
MAX_ALT = 200


class ListingPhoto(models.Model):
    listing = models.ForeignKey(
        "exchange.Listing",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(_("photo"), upload_to="exchange/photos/%Y/%m/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="exchange/thumbnails/%Y/%m/")
    alt_text = models.CharField(
        _("what the photo shows"),
        max_length=MAX_ALT,
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
        verbose_name = _("listing photo")
        verbose_name_plural = _("listing photos")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.alt_text
