from django.core.management.base import BaseCommand, CommandError

from mijnbuurt.core.exceptions import ServiceError
from neighbourhoods.services import neighbourhood_import


class Command(BaseCommand):
    help = (
        "Import wijken and buurten from CBS GeoJSON files (such as "
        "neighbourhoods/data/assen-*.geojson); running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="GeoJSON FeatureCollection files")

    def handle(self, *args, files, **options):
        try:
            result = neighbourhood_import(paths=files)
        except ServiceError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Neighbourhoods: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
