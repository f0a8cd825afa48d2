"""The panel registry: what other apps show on an object's page (mijnbuurt.core.panels)."""

import pytest
from django.template import Context, Engine
from django.test import RequestFactory

from mijnbuurt.core import panels
from mijnbuurt.core.panels import Panel, panels_for, register_panel


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(panels, "_panels", {})


def _panel(name, context, slot="things.detail"):
    return Panel(slot=slot, name=name, template_name=f"{name}.html", context=context)


def test_panels_come_in_the_order_registered_and_only_with_something_to_show(registry):
    register_panel(_panel("first", lambda obj, request: {"n": obj}))
    register_panel(_panel("nothing", lambda obj, request: None))
    register_panel(_panel("second", lambda obj, request: {"n": obj * 2}))
    register_panel(_panel("elsewhere", lambda obj, request: {}, slot="other.detail"))
    found = panels_for("things.detail", 21, request=RequestFactory().get("/"))
    assert [(p.name, p.template_name, p.context) for p in found] == [
        ("first", "first.html", {"n": 21}),
        ("second", "second.html", {"n": 42}),
    ]
    assert panels_for("unknown.detail", 21, request=None) == []


def test_registering_the_same_name_again_replaces_the_panel(registry):
    register_panel(_panel("tasks", lambda obj, request: {"old": True}))
    register_panel(_panel("tasks", lambda obj, request: {"new": True}))
    assert [p.context for p in panels_for("things.detail", 1, request=None)] == [{"new": True}]


def test_a_panel_renders_in_the_page_context_with_its_own_escaped(registry):
    engine = Engine(
        loaders=[("django.template.loaders.locmem.Loader", {"tasks.html": "{{ who }}: {{ n }}"})],
        libraries={"mijnbuurt_panels": "mijnbuurt.core.templatetags.mijnbuurt_panels"},
    )
    register_panel(_panel("tasks", lambda obj, request: {"n": obj}))
    page = engine.from_string(
        "{% load mijnbuurt_panels %}{% for panel in panels %}{% render_panel panel %}{% endfor %}"
        "{{ n|default:'gone' }}"
    )
    found = panels_for("things.detail", "<b>", request=None)
    assert page.render(Context({"panels": found, "who": "Olga"})) == "Olga: &lt;b&gt;gone"
