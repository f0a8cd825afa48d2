"""An exclusion constraint that exists only where the database can enforce it.

PostgreSQL guarantees that two active bookings of one room never overlap with an
``EXCLUDE USING gist`` constraint. SQLite has no such thing; there the booking
service checks inside an IMMEDIATE transaction, which serialises writers. Returning
no SQL on other databases keeps one model definition (``makemigrations --check``
stays clean) and keeps SQLite's table rebuilds in later migrations working.
"""

from django.contrib.postgres.constraints import ExclusionConstraint


class PostgresExclusionConstraint(ExclusionConstraint):
    def constraint_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().remove_sql(model, schema_editor)

    def validate(self, model, instance, exclude=None, using="default"):
        from django.db import connections

        if connections[using].vendor != "postgresql":
            return  # the booking service checks overlaps itself on other databases
        super().validate(model, instance, exclude=exclude, using=using)
