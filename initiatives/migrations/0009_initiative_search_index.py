"""A GIN index on the Dutch search vector of initiatives, on PostgreSQL only.

The index is on the very expression ``initiative_search`` filters on
(``initiatives.selectors.initiatives.search_vector()``), so the planner answers
``/initiatieven/?q=`` from the index instead of running ``to_tsvector`` on every row.
SQLite has neither GIN nor ``to_tsvector`` (it searches with ``icontains``), so the
index is not in ``Initiative.Meta.indexes`` (SQLite would try to build it when it
rebuilds the table) but made here, on PostgreSQL alone. A test on the PostgreSQL pass
checks the plan uses it; change both together.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(
    SearchVector("title", weight="A", config="dutch")
    + SearchVector("summary", "description", weight="B", config="dutch"),
    name="initiative_search",
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
    dependencies = [("initiatives", "0008_accountability_evidence")]

    operations = [AddIndexOnPostgres(model_name="initiative", index=INDEX)]
