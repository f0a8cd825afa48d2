"""Writes of pilots (the admin writes the pilots themselves)."""

from django.db import transaction
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError

from ..models import Experiment, ExperimentNote

NOTE_MAX = 5000


def experiment_note_add(*, experiment: Experiment, author, text: str) -> ExperimentNote:
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write a note first."))
    if len(text) > NOTE_MAX:
        raise ServiceError(_("A note can be at most %(max)s characters long.") % {"max": NOTE_MAX})
    with transaction.atomic():
        return ExperimentNote.objects.create(experiment=experiment, author=author, text=text)
