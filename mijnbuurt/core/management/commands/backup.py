"""``manage.py backup``: the database and every uploaded file in one archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mijnbuurt.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump, or SQLite's backup API) and every uploaded file, "
        "public and private, to one tar archive with a manifest (rows per table, files "
        "with size and SHA-256). The archive holds personal data: keep it safe."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="The archive to write, or a folder for it (default: VAR_DIR/backups/).",
        )

    def handle(self, *args, output, **options):
        path = output or Path(settings.VAR_DIR) / "backups"
        if path.is_dir() or output is None:
            path.mkdir(parents=True, exist_ok=True)
            path = path / f"mijnbuurt-{timezone.now():%Y%m%d-%H%M%S}.tar"
        if path.exists():
            raise CommandError(f"{path} exists; a backup never overwrites a file.")
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent} is not a folder.")
        try:
            manifest = backup_create(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        database = manifest["database"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: {database['vendor']} database with "
                f"{sum(database['tables'].values())} rows in {len(database['tables'])} "
                f"tables, {len(manifest['files'])} files."
            )
        )
