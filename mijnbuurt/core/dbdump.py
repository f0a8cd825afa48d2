"""The database of a backup: dump, restore, and the rows per table.

PostgreSQL through its own tools (``pg_dump --format=custom``, ``pg_restore --clean
--if-exists`` in one transaction); SQLite through its online backup API. Both use the
connection settings of the ``default`` database as Django has them (under pytest that
is the test database).
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections, transaction
from django.db.backends.postgresql.client import DatabaseClient as PostgresClient

DUMP_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# Tables `migrate` fills on an empty database; rows elsewhere mean it holds data.
MIGRATE_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
}


class DatabaseDumpError(Exception):
    pass


def database_vendor(using: str = "default") -> str:
    vendor = connections[using].vendor
    if vendor not in DUMP_FILES:
        raise DatabaseDumpError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def table_counts(using: str = "default") -> dict[str, int]:
    """Rows per table of the database, every table (Django's and any other)."""
    connection = connections[using]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = sorted(
            name
            for name in connection.introspection.table_names(cursor, include_views=False)
            if not name.startswith("sqlite_")  # SQLite's own (statistics)
        )
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (a name)
            counts[table] = cursor.fetchone()[0]
    return counts


def holds_data(counts: dict[str, int]) -> bool:
    return any(count for table, count in counts.items() if table not in MIGRATE_TABLES)


def dump_database(path: Path, using: str = "default") -> dict[str, int]:
    """Write the whole database to ``path``; the rows per table of what was written.

    Both are one snapshot, also while the site writes: pg_dump reads the snapshot of a
    transaction that counted the rows, and SQLite's rows are counted in the copy.
    """
    vendor = database_vendor(using)
    connection = connections[using]
    if connection.in_atomic_block:
        raise DatabaseDumpError("A backup cannot run inside a transaction.")
    if vendor == "postgresql":
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(using)
            _run_pg(
                "pg_dump",
                connection.settings_dict,
                ["--format=custom", "--no-password", f"--snapshot={snapshot}", f"--file={path}"],
            )
        return counts
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        with copy:
            connection.connection.backup(copy)
        tables = copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        ).fetchall()
        return {
            name: copy.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for (name,) in sorted(tables)
        }
    finally:
        copy.close()


def restore_database(path: Path, using: str = "default") -> None:
    """Replace the database's contents with the dump at ``path``, all or nothing."""
    vendor = database_vendor(using)
    connection = connections[using]
    if connection.in_atomic_block:
        raise DatabaseDumpError("A restore cannot run inside a transaction.")
    if vendor == "postgresql":
        connection.close()  # hold no lock the restore's DROP TABLE would wait for
        _run_pg(
            "pg_restore",
            connection.settings_dict,
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--no-password",
                str(path),
            ],
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _run_pg(program: str, settings_dict: dict, arguments: list[str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise DatabaseDumpError(
            f"{program} is not on PATH: install the PostgreSQL client tools "
            "(the server's major version or newer)."
        )
    args = [executable]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args.append(f"{flag}={settings_dict[key]}")
    if settings_dict.get("NAME"):
        args.append(f"--dbname={settings_dict['NAME']}")
    # Password, sslmode, service and passfile exactly as Django's own dbshell passes them.
    _, client_env = PostgresClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(client_env or {})}
    result = subprocess.run(  # noqa: S603 (no shell; arguments from the settings)
        [*args, *arguments], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise DatabaseDumpError(f"{program} failed: {result.stderr.strip()}")
