"""Money in initiatives, in one place: amounts in euros and cents, their limits, how an
amount typed by a person is read, and how an amount reads in a message.

Services check every rule here again; forms use the same limits so that a person sees
the refusal next to the field.
"""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from mijnbuurt.core.exceptions import ServiceError

CENT = Decimal("0.01")
MIN_AMOUNT = CENT  # every amount is at least one cent
AMOUNT_MAX_DIGITS = 10  # as stored: up to 99.999.999,99
AMOUNT_DECIMAL_PLACES = 2
MAX_GRANT = Decimal("25000.00")  # a single request above this is not a neighbourhood grant
MAX_GRANT_ITEMS = 20  # items of one grant request
MAX_COSTS = 30  # cost lines of one accountability report
ZERO = Decimal("0.00")


def euros(amount: Decimal) -> str:
    """``1.250,50`` in Dutch: what a message shows after the € sign."""
    return number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)


def money_parse(value) -> Decimal:
    """An amount in euros with at most two decimals ("125,50" or 125.5); ServiceError
    with a translated message otherwise. Whether it must be positive is the caller's rule."""
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ServiceError(
            _("Enter an amount in euros, like 125,50."), code="bad_amount"
        ) from None
    if not amount.is_finite():
        raise ServiceError(_("Enter an amount in euros, like 125,50."), code="bad_amount")
    if amount != amount.quantize(CENT):
        raise ServiceError(_("Amounts have at most two decimals (cents)."), code="bad_amount")
    return amount.quantize(CENT)
