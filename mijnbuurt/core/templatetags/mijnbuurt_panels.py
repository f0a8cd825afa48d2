"""``{% render_panel panel %}``: one panel another app adds to a page (core/panels.py)."""

from django import template

from ..panels import BoundPanel

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel: BoundPanel) -> str:
    """Render the panel's template inside the page's context, like ``{% include %}``."""
    included = context.template.engine.get_template(panel.template_name)
    with context.push(**panel.context):
        return included.render(context)
