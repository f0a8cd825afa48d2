"""Panels: what other apps show on an object's page.

A page of a lower app has slots where a higher app shows what it knows about the
object: the volunteer tasks of an initiative, the hand-overs of a help request. The
higher app registers a ``Panel`` in its ``AppConfig.ready()``: the slot (named after
the page, e.g. ``"initiatives.detail"``), a template, and a function that takes the
object and the request and returns the template's context, or ``None`` to show
nothing. That function does its own queries, a fixed number (one or two: its own
``select_related``/``prefetch_related``), so the page's query count stays the same
whatever the data.

The page's view asks ``panels_for(slot, obj, request=request)`` and its template
renders them in the order they were registered::

    {% load mijnbuurt_panels %}
    {% for panel in panels %}{% render_panel panel %}{% endfor %}

A panel's template sees the page's context (like ``{% include %}``: ``user``,
``csrf_token``, the object) plus its own. The lower app never names the higher app's
models, reverse relations or statuses, so dependencies keep pointing one way.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    slot: str
    name: str
    template_name: str
    context: Callable[[Any, HttpRequest], dict | None]


@dataclass(frozen=True)
class BoundPanel:
    """A panel with its context for one object, ready to render."""

    name: str
    template_name: str
    context: dict


_panels: dict[str, dict[str, Panel]] = {}


def register_panel(panel: Panel) -> None:
    """Add ``panel`` to its slot (again under the same name: replaces it)."""
    _panels.setdefault(panel.slot, {})[panel.name] = panel


def panels_for(slot: str, obj: Any, *, request: HttpRequest) -> list[BoundPanel]:
    """The panels of ``slot`` that have something to show about ``obj``, in order."""
    bound = []
    for panel in _panels.get(slot, {}).values():
        context = panel.context(obj, request)
        if context is not None:
            bound.append(BoundPanel(panel.name, panel.template_name, context))
    return bound
