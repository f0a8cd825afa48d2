"""Change lists of tables that grow with the city (bookings, sign-ups, help requests,
initiatives, grants): what they cost per page stays the same at any size.

- No count of the whole table beside the filtered count (``show_full_result_count``).
- Unfiltered, on PostgreSQL, the number of rows is the planner's estimate once a table
  holds more than ``ESTIMATE_ABOVE`` rows (``COUNT(*)`` reads the whole table: 50 ms for
  223,000 bookings); a filtered list is counted exactly.
- No facet counts per filter option (``show_facets``), which would count every option.
- A page of 50 rows: rendering the rows is most of the page's time.
- The action checkbox written directly, not through the form widget templates (a
  template per row), with the same markup those templates give.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _

ROWS_PER_PAGE = 50
CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input action-select"
ESTIMATE_ABOVE = 10_000


def estimated_rows(queryset) -> int | None:
    """The planner's estimate of the rows of ``queryset``'s table, if the queryset
    filters nothing and the database is PostgreSQL (else None)."""
    query = queryset.query
    connection = connections[queryset.db]
    if connection.vendor != "postgresql" or query.where or query.distinct or query.combinator:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] is not None and row[0] >= 0 else None


class EstimatedCountPaginator(Paginator):
    """A paginator that counts a large unfiltered table from the planner's statistics."""

    @cached_property
    def count(self) -> int:
        estimate = estimated_rows(self.object_list)
        if estimate is not None and estimate > ESTIMATE_ABOVE:
            return estimate
        return super().count


class LargeChangeList:
    """Mixed in before ``admin.ModelAdmin``."""

    list_per_page = ROWS_PER_PAGE
    paginator = EstimatedCountPaginator
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
