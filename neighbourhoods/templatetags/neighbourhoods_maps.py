"""The options of a map for static/neighbourhoods/map.js, as data instead of a script.

django-leaflet's ``{% leaflet_map %}`` writes an inline <script>, which the
Content-Security-Policy forbids. This tag writes the same options (from LEAFLET_CONFIG)
into a JSON data block; map.js reads it and starts the map.
"""

import json

from django import template
from django.utils.html import json_script
from django.utils.safestring import SafeString
from leaflet.templatetags.leaflet_tags import leaflet_map

register = template.Library()


@register.simple_tag
def map_options(map_id: str) -> SafeString:
    """``<script type="application/json" id="<map_id>-options">`` with django-leaflet's options."""
    options = json.loads(leaflet_map(map_id, creatediv=False)["djoptions"])
    return json_script(options, f"{map_id}-options")
