"""CachedSelect renders what forms.Select renders, from the cache after the first time."""

import pytest
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.widgets import CachedSelect

CHOICES = [("", _("Anything")), ("a", "A"), ('b"<', "B & co"), ("c", "C")]


def render(widget: forms.Select, value) -> str:
    widget.choices = CHOICES
    return str(widget.render("pick", value, attrs={"id": "id_pick"}))


@pytest.mark.parametrize("value", [None, "", "a", 'b"<', "not-a-choice"])
def test_cached_select_renders_as_select_also_from_the_cache(value):
    expected = render(forms.Select(), value)
    first = render(CachedSelect(key="test-pick"), value)
    widget = CachedSelect(key="test-pick")
    widget.choices = []  # a cache hit does not read the choices
    assert str(widget.render("pick", value, attrs={"id": "id_pick"})) == expected == first
    assert expected.count(" selected") == (0 if value == "not-a-choice" else 1)


def test_cached_select_keeps_a_copy_per_language():
    with translation.override("en"):
        english = render(CachedSelect(key="test-language"), None)
    with translation.override("nl"):
        dutch = render(CachedSelect(key="test-language"), None)
    assert ">Anything<" in english
    assert ">Anything<" not in dutch
