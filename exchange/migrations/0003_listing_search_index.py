"""A GIN index on the Dutch search vector of listings, on PostgreSQL only: the very
expression ``exchange.selectors.listing_search`` filters on (``search_vector()``), so
/vraag-en-aanbod/?q= is answered from the index. SQLite searches with ``icontains``.
Built like ``initiatives`` 0009 (outside the project state); change both together."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(
    SearchVector("title", weight="A", config="dutch")
    + SearchVector("description", weight="B", config="dutch"),
    name="exchange_listing_search",
)


class AddIndexOnPostgres(migrations.AddIndex):
    """AddIndex that leaves the project state alone and skips other databases."""

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {self.index.name}")

    def describe(self):
        return f"Create index {self.index.name} on PostgreSQL only"


class Migration(migrations.Migration):
    dependencies = [("exchange", "0002_categories")]

    operations = [AddIndexOnPostgres(model_name="listing", index=INDEX)]
