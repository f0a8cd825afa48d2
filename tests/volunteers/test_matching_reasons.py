"""The "why suggested" reasons name the volunteer's own data that raised the score.

Known profiles in a small Assen: a volunteer who only chose Brinkkwartier, one who
only has a home neighbourhood, one who chose a whole wijk; tasks in De Lariks West
and in Oranjebuurt. A reason never names the task's buurt as the volunteer's home.
"""

import math

import pytest
from django.utils import translation

from tests.neighbourhoods.factories import BuurtFactory, WijkFactory
from volunteers.matching import DISTANCE_SCALE_KM, WEIGHTS, match
from volunteers.matching_reasons import organiser_reason_texts, reason_texts
from volunteers.models import Suggestion
from volunteers.selectors.handover import handover_suggestions

from .factories import ShiftFactory, TaskFactory, VolunteerProfileFactory, in_days

pytestmark = pytest.mark.django_db

BRINK = (53.0000, 6.5600)
ORANJE = (53.0040, 6.5680)  # ~0.7 km from Brinkkwartier
LARIKS_WEST = (53.0000, 6.5370)  # ~1.5 km from Brinkkwartier, ~2.1 km from Oranjebuurt
KLOOSTERVEEN = (52.9700, 6.5200)  # ~4 km and more from all of them


def _km(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture
def assen():
    centrum = WijkFactory(name="Centrum", latitude=53.002, longitude=6.564)
    lariks = WijkFactory(name="Lariks", latitude=53.0, longitude=6.54)
    return {
        "centrum": centrum,
        "brink": BuurtFactory(
            name="Brinkkwartier", wijk=centrum, latitude=BRINK[0], longitude=BRINK[1]
        ),
        "oranje": BuurtFactory(
            name="Oranjebuurt", wijk=centrum, latitude=ORANJE[0], longitude=ORANJE[1]
        ),
        "lariks_west": BuurtFactory(
            name="De Lariks West", wijk=lariks, latitude=LARIKS_WEST[0], longitude=LARIKS_WEST[1]
        ),
        "kloosterveen": BuurtFactory(
            name="Kloosterveen", latitude=KLOOSTERVEEN[0], longitude=KLOOSTERVEEN[1]
        ),
    }


def _volunteer(*, home=None, chosen=()):
    profile = VolunteerProfileFactory()  # no skills, interests or availability: place only
    profile.user.home_neighbourhood = home
    profile.user.save(update_fields=["home_neighbourhood"])
    profile.neighbourhoods.set(chosen)
    return profile


def _task(place):
    task = TaskFactory(neighbourhood=place)
    ShiftFactory(task=task, starts_at=in_days(7))
    return task


@pytest.fixture
def people(assen):
    return {
        "only_brink": _volunteer(chosen=[assen["brink"]]),
        "lives_lariks_west": _volunteer(home=assen["lariks_west"]),
        "chose_centrum": _volunteer(home=assen["kloosterveen"], chosen=[assen["centrum"]]),
        "lives_brink": _volunteer(home=assen["brink"]),
    }


def _reasons(profile, task) -> list:
    return Suggestion.objects.get(volunteer=profile.user, task=task).reasons


def _distance_score(km: float) -> float:
    return WEIGHTS["distance"] * math.exp(-km / DISTANCE_SCALE_KM)


def test_a_volunteer_who_chose_brinkkwartier_is_told_the_distance_from_brinkkwartier(
    assen, people
):
    task = _task(assen["lariks_west"])

    match()

    [(code, (place, km))] = _reasons(people["only_brink"], task)
    assert (code, place) == ("near_area", "Brinkkwartier")
    assert km == pytest.approx(_km(BRINK, LARIKS_WEST), abs=0.06)
    # The reason's distance (in tenths of a km) is the one the score used: nothing
    # else adds to this score, and 0.05 km changes it by at most 0.02.
    suggestion = Suggestion.objects.get(volunteer=people["only_brink"].user, task=task)
    assert suggestion.score == pytest.approx(_distance_score(km), abs=0.02)
    with translation.override("en"):
        [text] = reason_texts(suggestion.reasons)
    assert text == "about 1.5 km from Brinkkwartier, where you want to help"
    assert "De Lariks West" not in text


def test_distance_based_and_list_based_volunteers_get_their_own_reasons(assen, people):
    task = _task(assen["oranje"])

    match()

    assert _reasons(people["chose_centrum"], task) == [["in_area", "Centrum"]]
    [(code, (place, km))] = _reasons(people["lives_brink"], task)
    assert (code, place) == ("near_home", "Brinkkwartier")
    assert km == pytest.approx(_km(BRINK, ORANJE), abs=0.06)
    [(code, (place, _))] = _reasons(people["only_brink"], task)
    assert (code, place) == ("near_area", "Brinkkwartier")
    # Lariks West lies just over the 2 km that counts as nearby: a score, no place reason.
    lives_far = Suggestion.objects.filter(volunteer=people["lives_lariks_west"].user, task=task)
    assert not any(r[0].startswith(("near", "in_area")) for s in lives_far for r in s.reasons)
    in_own = _task(assen["lariks_west"])
    match()
    assert _reasons(people["lives_lariks_west"], in_own) == [
        ["near_home", ["De Lariks West", 0.0]]
    ]
    with translation.override("en"):
        assert reason_texts(_reasons(people["lives_lariks_west"], in_own)) == [
            "in your home neighbourhood: De Lariks West"
        ]


def test_hand_over_suggestions_give_each_volunteer_their_own_place(assen, people):
    task = _task(assen["oranje"])

    rows = handover_suggestions(task=task, exclude=set())

    by_user = {row["profile"].user_id: row["reasons"] for row in rows}
    assert by_user[people["chose_centrum"].user_id] == [["in_area", "Centrum"]]
    assert by_user[people["lives_brink"].user_id][0][:1] == ["near_home"]
    assert by_user[people["only_brink"].user_id][0][:1] == ["near_area"]
    with translation.override("en"):
        texts = {uid: organiser_reason_texts(reasons) for uid, reasons in by_user.items()}
    assert texts[people["chose_centrum"].user_id] == ["wants to help in: Centrum"]
    assert texts[people["lives_brink"].user_id] == ["lives about 0.7 km away (Brinkkwartier)"]
    assert texts[people["only_brink"].user_id] == [
        "wants to help about 0.7 km away (Brinkkwartier)"
    ]
    assert not any("Oranjebuurt" in text for found in texts.values() for text in found)


def test_reasons_stored_in_the_old_format_are_not_shown():
    # ["nearby", <the task's buurt>] named the task's place as the volunteer's home.
    with translation.override("en"):
        assert reason_texts([["nearby", "Oranjebuurt"], ["skill", "Koken"]]) == [
            "matches your skill: Koken"
        ]
