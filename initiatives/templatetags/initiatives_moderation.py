"""Which comments and news a visitor sees: hidden ones only by their author (and staff)."""

from django import template

register = template.Library()


@register.simple_tag
def shown_to(items, user, organiser=False):
    """``items`` (prefetched comments or news) without those hidden from ``user``.

    A hidden item stays visible, marked, to its author, to staff and, with
    ``organiser`` set (news on the page of an initiative they organise), to organisers.
    """
    if user.is_authenticated and (user.is_staff or organiser):
        return list(items)
    own = user.pk if user.is_authenticated else None
    return [
        item
        for item in items
        if item.hidden_at is None or (own is not None and item.author_id == own)
    ]
