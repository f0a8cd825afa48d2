"""The "Contactgegevens" box of a private task's page, for the confirmed volunteer only.

A tag, so the public task view stays as it is: for every other task it runs no query.
Showing the box writes an AccessLog row on the help request (in the service).
"""

from django import template

from ..services.handover import handover_contact

register = template.Library()


@register.inclusion_tag("volunteers/handover/_contact.html", takes_context=True)
def handover_contact_box(context, task):
    request = context.get("request")
    if request is None or not task.is_private:
        return {"contact": None}
    return {"contact": handover_contact(task=task, user=request.user)}
