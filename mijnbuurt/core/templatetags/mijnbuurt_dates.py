"""``{{ start|time_range:end }}``: when something happens (mijnbuurt.core.dates.time_range)."""

from django import template

from ..dates import time_range as _time_range

register = template.Library()


@register.filter
def time_range(start, end) -> str:
    if not start or not end:
        return ""
    return _time_range(start, end)
