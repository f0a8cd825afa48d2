"""``{{ path|reader_url }}``: a site path kept in a notification's context (from
``site_path``), as an absolute URL in the language the e-mail is rendered in, which is
its reader's (``notification_email``). Never store a ``reverse()`` of your own there: it
would carry the language of whoever caused the notification."""

from django import template
from django.conf import settings
from django.utils import translation

from ..emails import link_in_language

register = template.Library()


@register.filter
def reader_url(path: str) -> str:
    if not path:
        return ""
    return link_in_language(path, translation.get_language() or settings.LANGUAGE_CODE)
