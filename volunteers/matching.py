"""Score every open task for every opted-in volunteer, in bulk, and store the best few.

The nightly run reads everything in a handful of queries, scores all pairs as numpy
matrices (a chunk of volunteers at a time, so memory stays small), keeps the top
``VOLUNTEER_SUGGESTIONS_PER_VOLUNTEER`` per volunteer and writes what changed in
the Suggestion table in one transaction (``matching_write``). The e-mailed moment
(``notified_at``) survives for pairs that stay, so the weekly e-mail only mentions new
suggestions.

Score per pair (higher is better), after the hard filters (VOG, minimum age,
maximum distance; a task that asks for a VOG seen by an organisation only for
volunteers with such a check, as sign-up requires):

- skills: the share of the task's wanted skills the volunteer has (free tags count
  when they equal a skill's name, case-insensitively), times ``WEIGHTS["skill"]``;
- interest: the task's theme is one of the volunteer's interests;
- distance: ``exp(-km / DISTANCE_SCALE_KM)`` from the nearest of the volunteer's home
  and chosen neighbourhoods to the task's location (or its neighbourhood's centre);
  0 km when the task's buurt or wijk is one the volunteer chose;
- availability: one of the task's upcoming shifts falls in the volunteer's week;
- VOG: a small bonus for a VOG task the volunteer can do.
"""

import time
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.utils import timezone

from initiatives.models import Theme

from .matching_reasons import PlaceReasons, fragments, skill_reasons
from .matching_write import Written, suggestions_write
from .selectors.matching import (
    Places,
    Tasks,
    Volunteers,
    places_for_matching,
    skills_for_matching,
    tasks_for_matching,
    volunteers_for_matching,
)

WEIGHTS = {"skill": 3.0, "interest": 2.0, "distance": 2.0, "availability": 1.5, "vog": 0.5}
DISTANCE_SCALE_KM = 3.0
NEARBY_KM = 2.0
MIN_SCORE = 1.0
CHUNK = 1000
EARTH_KM = 6371.0088


@dataclass
class MatchRun:
    volunteers: int = 0
    tasks: int = 0
    pairs: int = 0
    suggestions: int = 0
    written: Written = field(default_factory=Written)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class _Arrays:
    """The volunteers and tasks as matrices, built once per run."""

    skills: np.ndarray  # volunteers x skills (float32 0/1)
    task_skills: np.ndarray  # skills x tasks (float32 0/1)
    task_skill_count: np.ndarray
    interests: np.ndarray  # volunteers x themes+1 (bool)
    task_theme: np.ndarray
    points: np.ndarray  # volunteers x P neighbourhood indexes (padding = the empty row)
    has_home: np.ndarray  # points[:, 0] is the volunteer's home (bool)
    distances: np.ndarray  # neighbourhoods+1 x tasks (km, inf if unknown)
    chosen: np.ndarray  # volunteers x neighbourhoods+1 (bool)
    task_place: np.ndarray
    task_wijk: np.ndarray
    max_km: np.ndarray  # nan = no limit
    availability: np.ndarray
    task_masks: np.ndarray
    has_vog: np.ndarray  # a VOG counts for a task that asks for one (own date or seen)
    has_seen_vog: np.ndarray  # an approved organisation saw it
    task_vog: np.ndarray
    task_seen_vog: np.ndarray
    age: np.ndarray  # nan = unknown
    task_min_age: np.ndarray  # nan = none


def _haversine(lat1, lon1, lat2, lon2) -> np.ndarray:
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _one_hot(rows: list, index: dict, width: int, dtype=np.float32) -> np.ndarray:
    matrix = np.zeros((len(rows), width), dtype=dtype)
    for i, keys in enumerate(rows):
        cols = [index[k] for k in keys if k in index]
        if cols:
            matrix[i, cols] = 1
    return matrix


def _arrays(vols: Volunteers, tasks: Tasks, places: Places, skill_ids: list[int]) -> _Arrays:
    skill_index = {pk: i for i, pk in enumerate(skill_ids)}
    task_skills = _one_hot(tasks.skills, skill_index, len(skill_ids)).T.copy()
    themes = {value: i for i, value in enumerate(Theme.values)}
    place_ids = list(places.names)
    place_index = {pk: i for i, pk in enumerate(place_ids)}
    empty = len(place_ids)  # an extra row/column that matches nothing

    centroids = np.array([places.centroids[pk] for pk in place_ids], dtype=np.float64).reshape(
        -1, 2
    )  # None becomes nan
    task_points = np.array(
        [
            point if None not in point else places.centroids.get(place, (None, None))
            for point, place in zip(tasks.points, tasks.neighbourhoods, strict=True)
        ],
        dtype=np.float64,
    ).reshape(-1, 2)
    distances = _haversine(
        centroids[:, :1], centroids[:, 1:], task_points[:, 0][None, :], task_points[:, 1][None, :]
    )
    distances = np.vstack([distances, np.full((1, len(tasks.ids)), np.inf)])
    distances = np.where(np.isnan(distances), np.inf, distances).astype(np.float32)

    point_lists = [
        [place_index[p] for p in ([home] if home else []) + chosen if p in place_index]
        for home, chosen in zip(vols.homes, vols.chosen, strict=True)
    ]
    width = max((len(p) for p in point_lists), default=0) or 1
    points = np.full((len(point_lists), width), empty, dtype=np.int32)
    for i, row in enumerate(point_lists):
        points[i, : len(row)] = row

    def nan_or(values):
        return np.array([np.nan if v is None else v for v in values], dtype=np.float32)

    return _Arrays(
        skills=_one_hot(vols.skills, skill_index, len(skill_ids)),
        task_skills=task_skills,
        task_skill_count=np.maximum(task_skills.sum(axis=0), 1),
        interests=_one_hot(vols.interests, themes, len(themes) + 1, dtype=bool),
        task_theme=np.array([themes.get(t, len(themes)) for t in tasks.themes], dtype=np.int32),
        points=points,
        has_home=np.array([home in place_index for home in vols.homes], dtype=bool),
        distances=distances,
        chosen=_one_hot(vols.chosen, place_index, empty + 1, dtype=bool),
        task_place=np.array([place_index.get(p, empty) for p in tasks.neighbourhoods], np.int32),
        task_wijk=np.array(
            [place_index.get(places.wijken.get(p), empty) for p in tasks.neighbourhoods], np.int32
        ),
        max_km=nan_or(vols.max_km),
        availability=np.array(vols.availability, dtype=np.uint32),
        task_masks=np.array(tasks.masks, dtype=np.uint32),
        has_vog=np.array(vols.has_vog, dtype=bool) | np.array(vols.has_seen_vog, dtype=bool),
        has_seen_vog=np.array(vols.has_seen_vog, dtype=bool),
        task_vog=np.array(tasks.requires_vog, dtype=bool),
        task_seen_vog=np.array(tasks.requires_seen_vog, dtype=bool),
        age=nan_or(vols.age),
        task_min_age=nan_or(tasks.min_age),
    )


def _score_chunk(a: _Arrays, rows: slice) -> tuple[np.ndarray, ...]:
    """Scores of volunteers ``rows`` against every task, and the parts reasons need: the
    distance (km) and whether the task lies in a buurt or wijk the volunteer chose."""
    skill = (a.skills[rows] @ a.task_skills) / a.task_skill_count
    interest = a.interests[rows][:, a.task_theme]
    distance = a.distances[a.points[rows, 0]]
    for k in range(1, a.points.shape[1]):
        np.minimum(distance, a.distances[a.points[rows, k]], out=distance)
    chosen = a.chosen[rows]
    inside = chosen[:, a.task_place] | chosen[:, a.task_wijk]
    distance[inside] = 0
    available = (a.availability[rows, None] & a.task_masks[None, :]) != 0
    score = WEIGHTS["skill"] * skill  # float32 throughout: adding a bool mask stays in place
    np.add(score, WEIGHTS["interest"], out=score, where=interest)
    score += WEIGHTS["distance"] * np.exp(-distance / DISTANCE_SCALE_KM)
    np.add(score, WEIGHTS["availability"], out=score, where=available)
    score += WEIGHTS["vog"] * a.task_vog[None, :]  # only volunteers with a VOG remain there
    excluded = a.task_vog[None, :] & ~a.has_vog[rows, None]
    excluded |= a.task_seen_vog[None, :] & ~a.has_seen_vog[rows, None]  # own date not enough
    excluded |= ~np.isnan(a.task_min_age)[None, :] & ~(
        a.age[rows, None] >= a.task_min_age[None, :]
    )
    max_km = a.max_km[rows, None]
    excluded |= np.isfinite(distance) & (distance > max_km)  # nan limit compares False
    score[excluded] = -np.inf
    return score, distance, inside


def _top(score: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indexes of each row's ``k`` best scores (at least MIN_SCORE), best first."""
    n_tasks = score.shape[1]
    if k < n_tasks:
        cols = np.argpartition(-score, k - 1, axis=1)[:, :k]
    else:
        cols = np.broadcast_to(np.arange(n_tasks), score.shape)
    best = np.take_along_axis(score, cols, axis=1)
    order = np.argsort(-best, axis=1, kind="stable")
    cols = np.take_along_axis(cols, order, axis=1)
    best = np.take_along_axis(best, order, axis=1)
    rows = np.broadcast_to(np.arange(score.shape[0])[:, None], cols.shape)
    keep = best >= MIN_SCORE
    return rows[keep], cols[keep]


def _lowest_bits(masks: np.ndarray) -> np.ndarray:
    """Index of the lowest set bit of each mask (-1 where the mask is 0)."""
    masks = masks.astype(np.int64)
    lowest = masks & -masks
    return np.where(masks > 0, np.log2(np.maximum(lowest, 1)).astype(np.int64), -1)


@dataclass
class Pairs:
    """The kept pairs of one chunk of volunteers, best first per volunteer."""

    user_ids: np.ndarray
    task_ids: np.ndarray
    scores: np.ndarray
    reasons: np.ndarray  # JSON text per pair (numpy strings)


def score_all(vols: Volunteers, tasks: Tasks, places: Places, skill_names: dict[int, str]):
    """Yield the kept pairs (``Pairs``) a chunk of volunteers at a time.

    Reasons come in the ``[code, value]`` format of matching_reasons: the skills both
    have (by name, at most three), the shared interest, the buurt or wijk the volunteer
    chose that holds the task or else the volunteer's nearest place within NEARBY_KM
    (the very distance the score used), the first part of the week that fits, and the
    VOG a VOG task asks for. They are built as JSON text from per-task and
    per-combination pieces, without a loop per pair.
    """
    if not vols.user_ids or not tasks.ids:
        return
    a = _arrays(vols, tasks, places, list(skill_names))
    k = settings.VOLUNTEER_SUGGESTIONS_PER_VOLUNTEER
    names = list(skill_names.values())
    user_ids = np.array(vols.user_ids, dtype=np.int64)
    task_ids = np.array(tasks.ids, dtype=np.int64)
    interest = fragments([["interest", theme] for theme in tasks.themes])
    # By place index, as in _arrays; the empty row last.
    place_reasons = PlaceReasons([*places.names.values(), ""], near_km=NEARBY_KM)
    moments = fragments([["availability", [b // 3, b % 3]] for b in range(21)] + [None])
    vog = fragments([["vog", ""]])[0]
    for start in range(0, len(vols.user_ids), CHUNK):
        score, distance, inside = _score_chunk(a, slice(start, start + CHUNK))
        r, c = _top(score, k)
        i = r + start
        scores = score[r, c].round(4)
        km, in_area = distance[r, c], inside[r, c]
        del score, distance, inside
        bits = _lowest_bits(a.availability[i] & a.task_masks[c])
        text = (
            skill_reasons(a, i, c, names)
            + np.where(a.interests[i, a.task_theme[c]], interest[c], "")
            + place_reasons(a, i, c, km=km, in_area=in_area)
            + moments[bits]  # -1: the empty piece at the end
            + np.where(a.task_vog[c], vog, "")
        )
        reasons = "[" + np.strings.rstrip(text, ",") + "]"
        yield Pairs(user_ids[i], task_ids[c], scores, reasons)


def match(*, user_id: int | None = None) -> MatchRun:
    """Recompute the suggestions of every volunteer, or only of ``user_id``."""
    run = MatchRun()
    started = time.perf_counter()
    skill_names = skills_for_matching()
    places = places_for_matching()
    vols = volunteers_for_matching(skill_names=skill_names, user_id=user_id)
    tasks = tasks_for_matching()
    loaded = time.perf_counter()
    chunks = list(score_all(vols, tasks, places, skill_names))
    scored = time.perf_counter()
    run.written = suggestions_write(chunks, user_id=user_id, now=timezone.now())
    done = time.perf_counter()
    run.volunteers, run.tasks = len(vols.user_ids), len(tasks.ids)
    run.pairs = run.volunteers * run.tasks
    run.suggestions = sum(len(pairs.user_ids) for pairs in chunks)
    run.seconds = {
        "load": loaded - started,
        "score": scored - loaded,
        "write": done - scored,
        "total": done - started,
    }
    return run
