"""Form widgets shared by the apps."""

import hashlib

from django import forms
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

NOTHING = "\x00"  # a value no option has: the cached markup selects none


class CachedSelect(forms.Select):
    """A ``<select>`` whose options are rendered once per language and kept in the cache.

    A list's filter of 120 neighbourhoods then costs one cache read instead of a query
    and 120 rendered options. The markup is cached with no option chosen; the chosen one
    is marked per request, so the output is what ``forms.Select`` renders. New choices
    (a neighbourhood, a skill) show within ``cache_seconds``. ``key`` names the choices.
    """

    cache_seconds = 300

    def __init__(self, attrs=None, choices=(), *, key: str):
        super().__init__(attrs, choices)
        self.key = key

    def render(self, name, value, attrs=None, renderer=None):
        shape = repr((name, sorted(self.build_attrs(self.attrs, attrs).items())))
        digest = hashlib.sha256(shape.encode()).hexdigest()[:24]
        cache_key = f"select:{self.key}:{get_language()}:{digest}"
        html = cache.get(cache_key)
        if html is None:
            html = str(super().render(name, NOTHING, attrs, renderer))
            cache.set(cache_key, html, self.cache_seconds)
        chosen = self.format_value(value)
        if chosen:
            option = f'<option value="{escape(chosen[0])}"'
            html = html.replace(f"{option}>", f"{option} selected>", 1)
        return mark_safe(html)  # noqa: S308 - rendered by the form template, escaped there
