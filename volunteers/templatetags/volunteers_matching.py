"""Show the matching job's stored reasons in the reader's language."""

from django import template

from ..matching_reasons import reason_texts as _reason_texts

register = template.Library()


@register.filter
def reason_texts(reasons) -> list[str]:
    return _reason_texts(reasons)
