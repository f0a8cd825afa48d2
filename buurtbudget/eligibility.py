"""Who may vote in a round: the one interface behind which the check sits.

Today a resident proves they live in a buurt with a single-use code the municipality
sends by letter to the households of that buurt; the code's buurt decides the wijk
they vote in. ``verify(round, user, code)`` is all the rest of the app asks, so DigiD
(or another proof of address) can replace the letter later without touching the
ballot.

How codes are kept: a code is 12 characters from an alphabet of 32 that cannot be
confused (no 0/O, 1/I), about 60 bits of chance, so guessing is hopeless, all the more
under the rate limit of the entry page. The database keeps only
``HMAC-SHA256(key=SECRET_KEY + the round's salt, code)``: keyed and salted per round,
so a stolen table alone cannot be checked against codes, and the same code in two
rounds gives two hashes. A deliberately slow hash (PBKDF2) is not needed against
such random codes, and a keyed hash lets the code be found by its hash in one
indexed query, where a per-code random salt would mean trying every code of the
round. Changing ``SECRET_KEY`` invalidates the codes of running rounds.
"""

import hashlib
import hmac
import logging
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError

from .models import LetterCode, Phase, Round, Voter

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 12
MAX_CODES = 5000  # per buurt, per batch

logger = logging.getLogger(__name__)


def code_digest(round: Round, code: str) -> str:
    key = (settings.SECRET_KEY + round.code_salt).encode()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def code_normalise(text: str) -> str:
    """What a person typed, as stored: capitals, without spaces and dashes."""
    return "".join(text.split()).replace("-", "").upper()


def code_format(code: str) -> str:
    """``ABCD-EFGH-JKLM``, as printed on the letter."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def letter_codes_generate(*, round: Round, buurt, count: int, by) -> list[str]:
    """Make ``count`` new codes for the households of ``buurt``; return them printed.

    The codes are returned once, for the mail merge; only their hashes are stored.
    """
    if not (by is not None and by.is_authenticated and by.is_active and by.is_staff):
        raise ServiceError(_("Only municipal staff make letter codes."), code="forbidden")
    if not isinstance(count, int) or not 1 <= count <= MAX_CODES:
        raise ServiceError(
            _("Make between 1 and %(max)s codes at a time.") % {"max": MAX_CODES}, code="count"
        )
    if buurt is None or buurt.level != "buurt" or buurt.wijk_id not in _wijk_ids(round):
        raise ServiceError(
            _("Choose a neighbourhood in one of the round's districts."), code="buurt"
        )
    if round.phase in (Phase.COUNTING, Phase.RESULTS):
        raise ServiceError(_("Voting in this round has closed."), code="closed")
    codes: set[str] = set()
    while len(codes) < count:
        codes.add("".join(secrets.choice(ALPHABET) for _n in range(LENGTH)))
    with transaction.atomic():
        LetterCode.objects.bulk_create(
            LetterCode(round=round, buurt=buurt, digest=code_digest(round, code)) for code in codes
        )
    return [code_format(code) for code in sorted(codes)]


def _wijk_ids(round: Round) -> set[int]:
    return set(round.wijken.values_list("pk", flat=True))


def verify(round: Round, user, code: str) -> Voter:
    """Verify ``user`` for ``round`` with a letter code, once. A used or unknown code
    is refused and changes nothing."""
    if not user.is_authenticated or not user.is_active:
        raise ServiceError(_("Log in to enter your code."), code="login")
    if round.phase in (Phase.COUNTING, Phase.RESULTS):
        raise ServiceError(_("Voting in this round has closed."), code="closed")
    code = code_normalise(code or "")
    unknown = ServiceError(
        _("We do not know this code. Check the letter and try again."), code="unknown"
    )
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        raise unknown
    try:
        with transaction.atomic():
            if Voter.objects.filter(round=round, user=user).exists():
                raise ServiceError(_("You are already verified for this round."), code="already")
            letter = (
                LetterCode.objects.select_for_update()
                .select_related("buurt")
                .filter(round=round, digest=code_digest(round, code))
                .first()
            )
            if letter is None:
                raise unknown
            if letter.used_at is not None:
                raise ServiceError(_("This code has already been used."), code="used")
            now = timezone.now()
            letter.used_at = now
            letter.save(update_fields=["used_at"])
            return Voter.objects.create(
                round=round,
                user=user,
                code=letter,
                buurt=letter.buurt,
                wijk_id=letter.buurt.wijk_id,
                verified_at=now,
            )
    except IntegrityError:  # the same person verified at the same moment with another code
        raise ServiceError(_("You are already verified for this round."), code="already") from None
