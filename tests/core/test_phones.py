"""How phone numbers read (mijnbuurt.core.phones): Dutch numbers the Dutch way, others
internationally, and a value from before numbers were checked as it was typed."""

import pytest
from phonenumber_field.phonenumber import to_python

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import phone_display, phone_normalise, phone_tel


@pytest.mark.parametrize(
    ("value", "shown", "tel"),
    [
        ("+31612345678", "06 12345678", "+31612345678"),
        (to_python("+31592123456"), "0592 123 456", "+31592123456"),
        ("+493012345678", "+49 30 12345678", "+493012345678"),
        ("bel de balie", "bel de balie", "beldebalie"),
        ("", "", ""),
        (None, "", ""),
    ],
)
def test_numbers_are_shown_as_people_write_them(value, shown, tel):
    assert phone_display(value) == shown
    assert phone_tel(value) == tel


def test_services_get_e164_or_a_refusal():
    assert phone_normalise(" 06-12345678 ") == "+31612345678"
    assert phone_normalise("") == ""
    with pytest.raises(ServiceError):
        phone_normalise("0000")
