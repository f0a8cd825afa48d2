"""One archive with everything a restore needs: the database and every uploaded file.

The archive is a tar (its parts are compressed already, or small): ``database.pgdump``
(PostgreSQL, ``pg_dump --format=custom``) or ``database.sqlite3``, the files of the
``default`` (public) and ``private`` storages under ``files/<storage>/<name>``, and
``manifest.json`` last: rows per table, the latest migration per app, and every file
with its size and SHA-256. Files are read through the storages, so uploads on disk and
on object storage are backed up alike.

A restore checks the whole archive against its manifest before it changes anything,
refuses a database that holds data or storages that hold files unless forced, replaces
the database (all or nothing), puts the files back, and compares the rows per table
with the manifest. The commands ``backup`` and ``restore`` call these functions.
"""

import hashlib
import io
import json
import os
import posixpath
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from .dbdump import (
    DUMP_FILES,
    DatabaseDumpError,
    database_vendor,
    dump_database,
    holds_data,
    restore_database,
    table_counts,
)

FORMAT = "mijnbuurt-backup/1"
MANIFEST = "manifest.json"
STORAGE_ALIASES = ("default", "private")
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int


def backup_create(*, path: Path) -> dict:
    """Write the archive to ``path`` (a new file, readable by its owner only)."""
    vendor = _vendor()
    for alias in STORAGE_ALIASES:
        if _on_disk_under(storages[alias], Path(path)):
            raise BackupError(
                f"{path} lies among the uploads it would back up; write it elsewhere."
            )
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": {"vendor": vendor, "file": DUMP_FILES[vendor]},
        "files": [],
    }
    manifest["database"]["migrations"] = _latest_migrations()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out, tarfile.open(fileobj=out, mode="w") as tar:
            # The database first: every file it names was uploaded before, so it is in
            # the archive too (names are unique, files are never changed in place).
            with tempfile.TemporaryDirectory() as tmp:
                dump = Path(tmp) / DUMP_FILES[vendor]
                manifest["database"]["tables"] = _dump(dump)
                with dump.open("rb") as source:
                    entry = _add(tar, DUMP_FILES[vendor], source, dump.stat().st_size)
                manifest["database"] |= entry
            for alias, name in stored_files():
                storage = storages[alias]
                with storage.open(name, "rb") as source:
                    entry = _add(tar, _member(alias, name), source, storage.size(name))
                manifest["files"].append({"storage": alias, "name": name, **entry})
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            _add(tar, MANIFEST, io.BytesIO(data), len(data))
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise
    return manifest


def backup_restore(*, path: Path, force: bool = False) -> Restored:
    """Make the database and the storages what the archive at ``path`` holds."""
    with _open(path) as tar:
        manifest = _read_manifest(tar)
        vendor = _vendor()
        if manifest["database"]["vendor"] != vendor:
            raise BackupError(
                f"The archive holds a {manifest['database']['vendor']} database; "
                f"this site uses {vendor}."
            )
        _verify(tar, manifest)
        if not force:
            _refuse_unless_empty()
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / manifest["database"]["file"]
            with tar.extractfile(manifest["database"]["file"]) as source, dump.open("wb") as out:
                _copy(source, out)
            try:
                restore_database(dump)
            except DatabaseDumpError as error:
                raise BackupError(str(error)) from None
        ContentType.objects.clear_cache()
        for alias, name in list(stored_files()):
            storages[alias].delete(name)
        for entry in manifest["files"]:
            with tar.extractfile(_member(entry["storage"], entry["name"])) as source:
                content = File(source, name=entry["name"])
                content.size = entry["size"]
                saved = storages[entry["storage"]].save(entry["name"], content)
            if saved != entry["name"]:
                raise BackupError(f"{entry['name']} was stored as {saved}.")
    counts = table_counts()
    expected = manifest["database"]["tables"]
    different = {t: (n, counts.get(t)) for t, n in expected.items() if counts.get(t) != n}
    if different:
        raise BackupError(f"Rows per table differ after the restore (archive, now): {different}")
    files = len(manifest["files"])
    return Restored(tables=len(expected), rows=sum(expected.values()), files=files)


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, mode="r:*")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a backup archive: {error}") from None


def stored_files() -> Iterator[tuple[str, str]]:
    """(storage alias, name) of every uploaded file, public and private."""
    for alias in STORAGE_ALIASES:
        storage = storages[alias]
        others = [storages[other] for other in STORAGE_ALIASES if other != alias]
        for name in _walk(storage, "", others):
            yield alias, name


def _walk(storage: Storage, folder: str, others: list[Storage]) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for name in sorted(folders):
        path = posixpath.join(folder, name)
        if not any(_same_place(storage, path, other) for other in others):
            yield from _walk(storage, path, others)


def _same_place(storage: Storage, folder: str, other: Storage) -> bool:
    """On disk the private files may sit inside MEDIA_ROOT (MEDIA_ROOT/private)."""
    try:
        return os.path.abspath(storage.path(folder)) == os.path.abspath(other.path(""))
    except NotImplementedError:  # object storage: the storages use separate prefixes
        return False


def _on_disk_under(storage: Storage, path: Path) -> bool:
    try:
        root = Path(storage.path("")).resolve()
    except NotImplementedError:
        return False
    return root in path.resolve().parents


def _member(alias: str, name: str) -> str:
    return f"files/{alias}/{name}"


def _add(tar: tarfile.TarFile, member: str, source, size: int) -> dict:
    digest = hashlib.sha256()
    reader = _Hashing(source, digest)
    info = tarfile.TarInfo(member)
    info.size, info.mode, info.mtime = size, 0o600, int(timezone.now().timestamp())
    tar.addfile(info, reader)
    return {"size": size, "sha256": digest.hexdigest()}


class _Hashing:
    def __init__(self, source, digest):
        self.source, self.digest = source, digest

    def read(self, size=-1):
        data = self.source.read(size)
        self.digest.update(data)
        return data


def _copy(source, out) -> None:
    while chunk := source.read(CHUNK):
        out.write(chunk)


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError, TypeError):
        raise BackupError("The archive has no readable manifest.json.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"The archive is not a {FORMAT} backup.")
    return manifest


def _verify(tar: tarfile.TarFile, manifest: dict) -> None:
    """Every part there, with the size and SHA-256 the manifest gives."""
    database = manifest["database"]
    parts = [(database["file"], database)] + [
        (_member(entry["storage"], entry["name"]), entry) for entry in manifest["files"]
    ]
    for member, entry in parts:
        try:
            source = tar.extractfile(member)
        except KeyError:
            source = None
        if source is None:
            raise BackupError(f"The archive lacks {member}.")
        digest, size = hashlib.sha256(), 0
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
        if (size, digest.hexdigest()) != (entry["size"], entry["sha256"]):
            raise BackupError(f"{member} in the archive is damaged (size or SHA-256 differ).")


def _refuse_unless_empty() -> None:
    if holds_data(table_counts()):
        raise BackupError("The database holds data; a restore replaces it. Use --force to do so.")
    if next(stored_files(), None) is not None:
        raise BackupError("The file storages hold files; use --force to replace them.")


def _vendor() -> str:
    try:
        return database_vendor()
    except DatabaseDumpError as error:
        raise BackupError(str(error)) from None


def _dump(path: Path) -> dict[str, int]:
    try:
        return dump_database(path)
    except DatabaseDumpError as error:
        raise BackupError(str(error)) from None


def _latest_migrations() -> dict[str, str]:
    latest = {}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name"):
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))
