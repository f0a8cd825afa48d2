"""Store a matching run: write only the suggestions that changed.

Most suggestions are the same night after night, so the run compares its result with
the stored rows and inserts the new pairs, updates the pairs whose score or reasons
changed and deletes the pairs that are gone; a pair that stays keeps its row, its
``computed_at`` (the moment its score or reasons last changed) and its ``notified_at``
(so the weekly e-mail only mentions new suggestions). A rerun on unchanged data writes
nothing.

On PostgreSQL the result goes into a temporary table with COPY, one full join with
the stored rows lists the differences, and three statements apply them; the commit
does not wait for the disk (``synchronous_commit = off``), since a crash loses at most
this run, which the next run recomputes. Other databases compare in Python.
"""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from django.db import connection, transaction

from .matching_reasons import TEXT
from .models import Suggestion

if TYPE_CHECKING:
    import datetime as dt

    from .matching import Pairs

ADVISORY_LOCK = 7_301_001  # pg_advisory_xact_lock key of the matching writes


@dataclass
class Written:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def rows(self) -> int:
        return self.inserted + self.updated + self.deleted


def _copy_text(pairs: "Pairs") -> str:
    """The pairs as COPY text rows (backslashes doubled: COPY reads them as escapes)."""
    rows = (
        pairs.user_ids.astype(TEXT)
        + "\t"
        + pairs.task_ids.astype(TEXT)
        + "\t"
        + pairs.scores.astype(TEXT)
        + "\t"
        + np.strings.replace(pairs.reasons, "\\", "\\\\")
        + "\n"
    )
    return "".join(rows.tolist())


def _write_postgresql(chunks: list["Pairs"], *, user_id: int | None, now) -> Written:
    table = connection.ops.quote_name(Suggestion._meta.db_table)
    stored = (
        table if user_id is None else f"(SELECT * FROM {table} WHERE volunteer_id = %(user)s)"  # noqa: S608 - quoted
    )
    params = {"user": user_id, "now": now}
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        # One writer at a time: a profile's rerun never collides with another run.
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK])
        cursor.execute(
            "CREATE TEMPORARY TABLE matching_result (volunteer_id bigint, task_id bigint, "
            "score double precision, reasons jsonb) ON COMMIT DROP"
        )
        for pairs in chunks:
            with cursor.cursor.copy("COPY matching_result FROM STDIN") as copy:
                copy.write(_copy_text(pairs))
        # One pass over both sides finds the (usually few) differences; the writes
        # then touch only those rows.
        cursor.execute(
            "CREATE TEMPORARY TABLE matching_change ON COMMIT DROP AS "  # noqa: S608 - quoted
            "SELECT s.id, n.volunteer_id, n.task_id, n.score, n.reasons "
            f"FROM matching_result n FULL JOIN {stored} s "
            "ON s.volunteer_id = n.volunteer_id AND s.task_id = n.task_id "
            "WHERE s.id IS NULL OR n.task_id IS NULL "
            "OR s.score <> n.score OR s.reasons <> n.reasons",
            params,
        )
        cursor.execute(
            f"DELETE FROM {table} s USING matching_change c "  # noqa: S608 - quoted
            "WHERE c.task_id IS NULL AND s.id = c.id"
        )
        deleted = cursor.rowcount
        cursor.execute(
            f"UPDATE {table} s SET score = c.score, reasons = c.reasons, "  # noqa: S608
            "computed_at = %(now)s FROM matching_change c "
            "WHERE c.id IS NOT NULL AND c.task_id IS NOT NULL AND s.id = c.id",
            params,
        )
        updated = cursor.rowcount
        cursor.execute(
            f"INSERT INTO {table} (volunteer_id, task_id, score, reasons, computed_at) "  # noqa: S608
            "SELECT volunteer_id, task_id, score, reasons, %(now)s "
            "FROM matching_change WHERE id IS NULL ORDER BY volunteer_id, task_id",
            params,
        )
        inserted = cursor.rowcount
        # Gone now, not at the commit: an enclosing transaction may match again.
        cursor.execute("DROP TABLE matching_result, matching_change")
    return Written(inserted=inserted, updated=updated, deleted=deleted)


def _write_python(chunks: list["Pairs"], *, user_id: int | None, now) -> Written:
    """The same changes, found in Python; three ``executemany`` statements whatever
    their number of rows."""
    stored = Suggestion.objects.all()
    if user_id is not None:
        stored = stored.filter(volunteer_id=user_id)
    existing = {
        (volunteer_id, task_id): (pk, score, reasons)
        for pk, volunteer_id, task_id, score, reasons in stored.values_list(
            "pk", "volunteer_id", "task_id", "score", "reasons"
        )
    }
    fresh = {
        (volunteer_id, task_id): (float(score), json.loads(reasons))
        for pairs in chunks
        for volunteer_id, task_id, score, reasons in zip(
            pairs.user_ids.tolist(),
            pairs.task_ids.tolist(),
            pairs.scores.astype(TEXT).tolist(),  # the text COPY stores on PostgreSQL
            pairs.reasons.tolist(),
            strict=True,
        )
    }
    as_json = Suggestion._meta.get_field("reasons").get_db_prep_save
    moment = Suggestion._meta.get_field("computed_at").get_db_prep_save(now, connection)
    gone = [(pk,) for key, (pk, _s, _r) in existing.items() if key not in fresh]
    changed, new = [], []
    for (volunteer_id, task_id), (score, reasons) in fresh.items():
        row = existing.get((volunteer_id, task_id))
        if row is None:
            new.append((volunteer_id, task_id, score, as_json(reasons, connection), moment))
        elif row[1:] != (score, reasons):
            changed.append((score, as_json(reasons, connection), moment, row[0]))
    table = connection.ops.quote_name(Suggestion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {table} WHERE id = %s", gone)  # noqa: S608 - quoted
        cursor.executemany(
            f"UPDATE {table} SET score = %s, reasons = %s, computed_at = %s WHERE id = %s",  # noqa: S608
            changed,
        )
        cursor.executemany(
            f"INSERT INTO {table} (volunteer_id, task_id, score, reasons, computed_at) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s)",
            new,
        )
    return Written(inserted=len(new), updated=len(changed), deleted=len(gone))


def suggestions_write(
    chunks: list["Pairs"], *, user_id: int | None, now: "dt.datetime"
) -> Written:
    """Make the stored suggestions (of ``user_id`` only, if given) equal ``chunks``, in
    one transaction, writing only what changed."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            return _write_postgresql(chunks, user_id=user_id, now=now)
        return _write_python(chunks, user_id=user_id, now=now)
