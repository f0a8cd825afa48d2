"""Phone numbers: read as Dutch, stored as E.164, shown the way people write them.

django-phonenumber-field (Google's libphonenumber) parses and validates; this module adds
the house's message, the model and form fields that carry it, the check services use,
and the display: national for Dutch numbers ("06 12345678", "0592 123 456"),
international for others ("+49 30 12345678"). A number without a leading + is read as
Dutch (``PHONENUMBER_DEFAULT_REGION``).

A value that is no valid number can only be one typed before numbers were checked (the
data migrations normalise the valid ones and keep the others as typed, so nobody's only
way to be reached is lost): it is shown as typed, and the next edit must correct it.
"""

import logging

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from phonenumber_field import formfields, modelfields
from phonenumber_field.phonenumber import PhoneNumber, to_python
from phonenumbers import region_codes_for_country_code

from .exceptions import ServiceError

INVALID_PHONE = _(
    "Fill in a valid phone number, such as 06 12345678 or 0592 123456. "
    "A number from abroad starts with + and the country code."
)


class PhoneFormField(formfields.PhoneNumberField):
    """A phone number in a form: ``type="tel"``, shown nationally, the house's message."""

    default_error_messages = {"invalid": INVALID_PHONE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("autocomplete", "tel")


class PhoneField(modelfields.PhoneNumberField):
    """A phone number on a model: E.164 in the database; forms get ``PhoneFormField``."""

    default_error_messages = {"invalid": INVALID_PHONE}

    def __init__(self, *args, **kwargs):
        # E.164 has at most 16 characters; 30 keeps what was typed before numbers were checked.
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneFormField, **kwargs})


def _number(value) -> PhoneNumber | None:
    if not value:
        return None
    return to_python(value.strip() if isinstance(value, str) else value)


def phone_normalise(value) -> str:
    """``value`` in E.164 ("" when empty), for services; ServiceError when it is no number."""
    number = _number(value)
    if number is None:
        return ""
    if not number.is_valid():
        raise ServiceError(str(INVALID_PHONE), code="phone")
    return number.as_e164


def phone_display(value) -> str:
    """A Dutch number in national format, another in international format, else as typed."""
    number = _number(value)
    if number is None:
        return ""
    if not number.is_valid():
        return number.raw_input or str(value)
    if settings.PHONENUMBER_DEFAULT_REGION in region_codes_for_country_code(number.country_code):
        return number.as_national
    return number.as_international


def phone_tel(value) -> str:
    """What goes after ``tel:`` in a link: E.164, or what was typed without spaces."""
    number = _number(value)
    if number is None:
        return ""
    if number.is_valid():
        return number.as_e164
    return (number.raw_input or str(value)).replace(" ", "")


def phone_column_normalise(model, field: str, *, region: str = "NL") -> tuple[int, int]:
    """For data migrations: every valid number in ``model.<field>`` to E.164.

    Values that are no valid number are kept as typed (blanking them could lose the only
    way to reach someone); their count is logged, never the numbers. Runs while the
    column is still a plain CharField. Returns (normalised, kept as typed).
    """
    normalised = kept = 0
    rows = model.objects.exclude(**{field: ""}).values_list("pk", field)
    for pk, raw in rows.iterator():
        number = to_python(raw.strip(), region=region)
        if not (isinstance(number, PhoneNumber) and number.is_valid()):
            kept += 1
        elif number.as_e164 != raw:
            model.objects.filter(pk=pk).update(**{field: number.as_e164})
            normalised += 1
    if kept:
        logging.getLogger(__name__).warning(
            "%s.%s: %d value(s) are no valid phone number and were kept as typed; "
            "correct them in the admin.",
            model._meta.label,
            field,
            kept,
        )
    return normalised, kept
