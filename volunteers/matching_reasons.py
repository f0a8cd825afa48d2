"""Reasons the matching job stores with a suggestion: built from the scorer's own
arrays (so a reason always names the data that raised the score), turned into text when
shown.

Stored as JSON pairs ``[code, value]`` so that a page shows them in the reader's
language: ``["skill", "Koken"]``, ``["interest", "green"]`` (a Theme value),
``["in_area", "Lariks"]`` (the buurt or wijk the volunteer chose that holds the task),
``["near_home", ["Lariks", 1.2]]`` and ``["near_area", ["Lariks", 1.2]]`` (the
volunteer's home neighbourhood, or a chosen buurt or wijk, the task is nearest to, and
the distance in km the score used), ``["availability", [1, 2]]`` (weekday, part of day
as in models.Availability), ``["vog", ""]``.

Rows stored before 2026-12 may hold ``["nearby", "<the task's buurt>"]``: it named the
task's place, not the volunteer's, so it is no longer shown (the nightly run replaces it).
"""

import json

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from numpy.dtypes import StringDType

from initiatives.models import Theme

from .models import Availability

TEXT = StringDType()
MAX_SKILL_REASONS = 3
CODES = ("near_home", "near_area")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def fragments(values) -> np.ndarray:
    """JSON texts, each followed by a comma, as a numpy string array."""
    return np.array([_json(v) + "," if v else "" for v in values], dtype=TEXT)


def skill_reasons(a, i, c, names: list[str]) -> np.ndarray:
    """The ``["skill", name]`` reasons of each pair: shared skills, by name, at most three."""
    if not names:
        return np.full(len(i), "", dtype=TEXT)
    common = np.packbits((a.skills[i] > 0) & (a.task_skills.T[c] > 0), axis=1)
    combinations, inverse = np.unique(common, axis=0, return_inverse=True)
    texts = []
    for packed in combinations:
        columns = np.flatnonzero(np.unpackbits(packed)[: len(names)])
        chosen = sorted(names[col] for col in columns)[:MAX_SKILL_REASONS]
        texts.append("".join(_json(["skill", name]) + "," for name in chosen))
    return np.array(texts, dtype=TEXT)[inverse.ravel()]


class PlaceReasons:
    """The place reason of each pair (volunteer ``i``, task ``c``), from the scorer's arrays.

    Called with the scorer's own ``km`` (distance of each pair) and ``in_area`` (the task
    lies in a buurt or wijk the volunteer chose). In a chosen area the reason names that
    choice (the task's buurt if chosen, else its wijk). Otherwise, within ``near_km``, it
    names the volunteer's place the distance was measured from: the arg-min over the same
    ``points`` and ``distances`` the score took the minimum of, so place and km agree
    with the score. A pair gets a number; each number that occurs is written once.
    """

    def __init__(self, names: list[str], *, near_km: float):
        self.quoted = [_json(name) for name in names]  # each name as a JSON string, once
        self.near_km = near_km
        self.steps = round(near_km * 10) + 1  # 0.0 ... near_km in tenths of a km
        self.places = len(names)
        self.tenths = [repr(tenth / 10) for tenth in range(self.steps)]  # 0.0, 0.1, ...

    def _text(self, index: int) -> str:
        """The text of one reason index (0: none; then in_area per place; then per code,
        place and tenth of a km)."""
        if index == 0:
            return ""
        index -= 1
        if index < self.places:
            return f'["in_area",{self.quoted[index]}],'
        code, rest = divmod(index - self.places, self.places * self.steps)
        place, tenth = divmod(rest, self.steps)
        return f'["{CODES[code]}",[{self.quoted[place]},{self.tenths[tenth]}]],'

    def __call__(self, a, i, c, *, km, in_area) -> np.ndarray:
        index = np.zeros(len(i), dtype=np.int64)
        place, wijk = a.task_place[c], a.task_wijk[c]
        area = np.where(a.chosen[i, place], place, wijk)
        index[in_area] = 1 + area[in_area]
        near = ~in_area & (km <= self.near_km)
        if near.any():
            points = a.points[i[near]]  # pairs x P: home first (if any), then the chosen
            nearest = a.distances[points, c[near][:, None]].argmin(axis=1)
            which = points[np.arange(len(nearest)), nearest]
            home = (nearest == 0) & a.has_home[i[near]]
            tenths = np.minimum(np.rint(km[near] * 10).astype(np.int64), self.steps - 1)
            first = 1 + self.places + np.where(home, 0, self.places * self.steps)
            index[near] = first + which * self.steps + tenths
        found, inverse = np.unique(index, return_inverse=True)
        texts = np.array([self._text(int(n)) for n in found], dtype=TEXT)
        return texts[inverse.ravel()]


def _km(value) -> str:
    return number_format(value, decimal_pos=1)


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
        elif code == "in_area":
            texts.append(_("in a buurt or wijk you chose: %(place)s") % {"place": value})
        elif code == "near_home" and not value[1]:
            texts.append(_("in your home neighbourhood: %(place)s") % {"place": value[0]})
        elif code == "near_home":
            texts.append(
                _("about %(km)s km from your home neighbourhood %(place)s")
                % {"km": _km(value[1]), "place": value[0]}
            )
        elif code == "near_area":
            texts.append(
                _("about %(km)s km from %(place)s, where you want to help")
                % {"km": _km(value[1]), "place": value[0]}
            )
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
        elif code == "in_area":
            texts.append(_("wants to help in: %(place)s") % {"place": value})
        elif code == "near_home" and not value[1]:
            texts.append(_("lives in the same neighbourhood: %(place)s") % {"place": value[0]})
        elif code == "near_home":
            texts.append(
                _("lives about %(km)s km away (%(place)s)")
                % {"km": _km(value[1]), "place": value[0]}
            )
        elif code == "near_area":
            texts.append(
                _("wants to help about %(km)s km away (%(place)s)")
                % {"km": _km(value[1]), "place": value[0]}
            )
        elif code == "availability":
            texts.append(_("available: %(moment)s") % {"moment": _moment(value)})
        elif code == "vog":
            texts.append(_("has a valid certificate of conduct (VOG)"))
    return texts
