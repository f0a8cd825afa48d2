"""``manage.py restore ARCHIVE``: the database and the uploaded files of a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mijnbuurt.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup`: checks it first, then replaces the "
        "database and the uploaded files. Refuses a database that holds data or storages "
        "that hold files unless --force. Stop the web processes, worker and beat first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            "--wipe",
            action="store_true",
            dest="force",
            help="Replace a database that holds data, and delete the files stored now.",
        )

    def handle(self, *args, archive, force, **options):
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file.")
        try:
            restored = backup_restore(path=archive, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restored.rows} rows in {restored.tables} tables and "
                f"{restored.files} files from {archive}. When the code is newer than the "
                "backup, run `manage.py migrate` now."
            )
        )
