"""The language switch: a link to the same page in the other language."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_language(context, language: str) -> str:
    """This page's address (query string included) under ``language``'s URL prefix.

    A link rather than a form: the language is part of the address (i18n_patterns), so
    the switch keeps nothing per visitor and the page stays the same for everyone.
    """
    return translate_url(context["request"].get_full_path(), language)
