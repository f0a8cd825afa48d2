"""``{% work_links as links %}``: the person's work for the main navigation
(``mijnbuurt.core.start.work_links``), read from the session: no query."""

from django import template

from ..start import work_links as _work_links

register = template.Library()


@register.simple_tag(takes_context=True)
def work_links(context) -> list[tuple[str, str, str]]:
    request = context.get("request")
    if request is None:
        return []
    return _work_links(request)
