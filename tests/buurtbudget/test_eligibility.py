"""Letter codes: made per buurt, kept only as a keyed hash, used once; the code's
buurt decides the wijk a resident votes in."""

import pytest

from buurtbudget.eligibility import (
    ALPHABET,
    code_digest,
    code_normalise,
    letter_codes_generate,
    verify,
)
from buurtbudget.models import LetterCode, Voter
from mijnbuurt.core.exceptions import ServiceError
from tests.accounts.factories import UserFactory

from .factories import RoundFactory

pytestmark = pytest.mark.django_db


def test_codes_are_made_per_buurt_and_only_their_hashes_are_kept(budget_round, places, staff):
    codes = letter_codes_generate(round=budget_round, buurt=places["pittelo"], count=25, by=staff)
    assert len(set(codes)) == 25
    assert all(len(code) == 14 and code[4] == code[9] == "-" for code in codes)
    assert all(char in ALPHABET for code in codes for char in code_normalise(code))
    stored = set(LetterCode.objects.values_list("digest", flat=True))
    assert len(stored) == 25
    assert not any(code_normalise(code) in digest for code in codes for digest in stored)
    assert stored == {code_digest(budget_round, code_normalise(code)) for code in codes}
    assert set(LetterCode.objects.values_list("buurt", flat=True)) == {places["pittelo"].pk}


def test_the_same_code_hashes_differently_in_another_round(budget_round):
    other = RoundFactory()
    assert code_digest(budget_round, "ABCDEFGHJKLM") != code_digest(other, "ABCDEFGHJKLM")


@pytest.mark.parametrize(
    ("count", "buurt", "code"),
    [(0, "pittelo", "count"), (5001, "pittelo", "count"), (3, "noord", "buurt")],
)
def test_bad_requests_for_codes_are_refused(budget_round, places, staff, count, buurt, code):
    with pytest.raises(ServiceError) as refused:
        letter_codes_generate(round=budget_round, buurt=places[buurt], count=count, by=staff)
    assert refused.value.code == code
    assert not LetterCode.objects.exists()


def test_a_buurt_outside_the_round_gets_no_codes(places, staff):
    budget_round = RoundFactory(wijken=[places["noord"]])
    with pytest.raises(ServiceError):
        letter_codes_generate(round=budget_round, buurt=places["kloosterveen"], count=1, by=staff)


def test_only_staff_make_codes(budget_round, places, resident):
    with pytest.raises(ServiceError) as refused:
        letter_codes_generate(round=budget_round, buurt=places["pittelo"], count=1, by=resident)
    assert refused.value.code == "forbidden"


def test_a_resident_is_verified_once_and_the_code_decides_the_wijk(
    budget_round, places, resident, zuid_code
):
    voter = verify(budget_round, resident, " zuda 2345-6789 ")
    assert (voter.buurt, voter.wijk) == (places["kloosterveen"], places["zuid"])
    code = LetterCode.objects.get()
    assert code.used_at is not None
    assert voter.code == code


def test_a_used_code_is_refused_and_changes_nothing(budget_round, resident, noord_code):
    verify(budget_round, resident, noord_code)
    other = UserFactory()
    with pytest.raises(ServiceError) as refused:
        verify(budget_round, other, noord_code)
    assert refused.value.code == "used"
    assert not Voter.objects.filter(user=other).exists()


@pytest.mark.parametrize(
    "typed", ["", "ABCD", "NRDA-2345-6788", "NRDA-2345-67890", "OOOO11110000"]
)
def test_an_unknown_code_is_refused_and_changes_nothing(budget_round, resident, noord_code, typed):
    with pytest.raises(ServiceError) as refused:
        verify(budget_round, resident, typed)
    assert refused.value.code == "unknown"
    assert not Voter.objects.exists()
    assert LetterCode.objects.get().used_at is None


def test_a_second_code_for_the_same_person_is_refused_and_stays_unused(
    budget_round, resident, noord_code, zuid_code
):
    verify(budget_round, resident, noord_code)
    with pytest.raises(ServiceError) as refused:
        verify(budget_round, resident, zuid_code)
    assert refused.value.code == "already"
    assert LetterCode.objects.filter(used_at__isnull=True).count() == 1


def test_a_code_of_another_round_is_unknown(places, resident, noord_code):
    other = RoundFactory(wijken=[places["noord"]])
    with pytest.raises(ServiceError) as refused:
        verify(other, resident, noord_code)
    assert refused.value.code == "unknown"


def test_no_codes_after_voting_closed(places, resident, staff):
    closed = RoundFactory(phase="counting", wijken=[places["noord"]])
    with pytest.raises(ServiceError) as refused:
        verify(closed, resident, "ABCD-EFGH-JKLM")
    assert refused.value.code == "closed"
    with pytest.raises(ServiceError):
        letter_codes_generate(round=closed, buurt=places["pittelo"], count=1, by=staff)
