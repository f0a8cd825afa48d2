"""What every report to the moderators has in common, whatever is reported (a comment
or an initiative, a listing or a message): why, how long the explanation may be, and
how the moderators decided. The apps keep their own report models."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_REPORT_CHARS = 1000


class ReportReason(models.TextChoices):
    ABUSIVE = "abusive", _("Abusive or discriminating")
    SPAM = "spam", _("Spam or advertising")
    PERSONAL_DATA = "personal_data", _("Personal data of others")
    OTHER = "other", _("Something else")


class ReportOutcome(models.TextChoices):
    HIDDEN = "hidden", _("Hidden")
    DISMISSED = "dismissed", _("Dismissed")
