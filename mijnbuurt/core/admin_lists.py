"""Change lists of tables that grow with the city (bookings, sign-ups, help requests,
initiatives, grants): what they cost per page stays the same at any size.

- No count of the whole table beside the filtered count (``show_full_result_count``).
- No facet counts per filter option (``show_facets``), which would count every option.
- A page of 50 rows: rendering the rows is most of the page's time.
- The action checkbox written directly, not through the form widget templates (a
  template per row), with the same markup those templates give.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.utils.html import format_html
from django.utils.translation import gettext as _

ROWS_PER_PAGE = 50
CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input action-select"


class LargeChangeList:
    """Mixed in before ``admin.ModelAdmin``."""

    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def action_checkbox(self, obj):
        label = format_html(_("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" class="{}" name="{}" value="{}" aria-label="{}">',
            CHECKBOX_CLASS,
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )
