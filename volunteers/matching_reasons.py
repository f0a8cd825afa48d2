"""Reasons the matching job stores with a suggestion, turned into text when shown.

Stored as JSON pairs ``[code, value]`` so that a page shows them in the reader's
language: ``["skill", "Koken"]``, ``["interest", "green"]`` (a Theme value),
``["nearby", "Lariks"]`` (a neighbourhood name), ``["availability", [1, 2]]``
(weekday, part of day as in models.Availability), ``["vog", ""]``.
"""

from django.utils.translation import gettext as _

from initiatives.models import Theme

from .models import Availability


def _moment(value) -> str:
    weekday, part = value
    return _("%(day)s %(part)s") % {
        "day": dict(Availability.DAYS)[weekday],
        "part": dict(Availability.PARTS)[part],
    }


def reason_texts(reasons) -> list[str]:
    texts = []
    for code, value in reasons or []:
        if code == "skill":
            texts.append(_("matches your skill: %(skill)s") % {"skill": value})
        elif code == "interest":
            label = Theme(value).label if value in Theme.values else value
            texts.append(_("one of your interests: %(theme)s") % {"theme": label})
        elif code == "nearby":
            texts.append(_("close to home: %(place)s") % {"place": value})
        elif code == "availability":
            texts.append(_("when you are available: %(moment)s") % {"moment": _moment(value)})
        elif code == "vog":
            texts.append(_("you have the certificate of conduct (VOG) it asks for"))
    return texts


def organiser_reason_texts(reasons) -> list[str]:
    """The same reasons, worded for the organiser who looks at a suggested volunteer."""
    texts = []
    for code, value in reasons or []:
        if code == "skill":
            texts.append(_("has the skill: %(skill)s") % {"skill": value})
        elif code == "interest":
            label = Theme(value).label if value in Theme.values else value
            texts.append(_("interested in: %(theme)s") % {"theme": label})
        elif code == "nearby":
            texts.append(_("lives or volunteers nearby: %(place)s") % {"place": value})
        elif code == "availability":
            texts.append(_("available: %(moment)s") % {"moment": _moment(value)})
        elif code == "vog":
            texts.append(_("has a valid certificate of conduct (VOG)"))
    return texts
