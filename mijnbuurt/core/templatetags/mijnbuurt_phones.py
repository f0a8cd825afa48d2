"""``{{ number|phone }}`` shows a phone number as people write it; ``|phone_tel`` is for
``href="tel:…"`` (mijnbuurt.core.phones)."""

from django import template

from ..phones import phone_display, phone_tel

register = template.Library()

register.filter("phone", phone_display)
register.filter("phone_tel", phone_tel)
