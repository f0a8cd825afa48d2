"""The first categories of Vraag en aanbod; staff keep the list in the admin. The care
categories are never published as a listing (the form offers the area team)."""

from django.db import migrations

CATEGORIES = [
    # (slug, name, is care)
    ("klussen", "Klussen in en om huis", False),
    ("fietsen", "Fietsen repareren", False),
    ("tuin", "Tuin en groen", False),
    ("boodschappen", "Boodschappen en vervoer", False),
    ("gezelschap", "Gezelschap en samen iets doen", False),
    ("taal", "Taal en lessen", False),
    ("computer", "Computer en telefoon", False),
    ("spullen", "Spullen lenen of weggeven", False),
    ("koken", "Koken en eten", False),
    ("kinderen", "Kinderen en oppas", False),
    ("overig", "Overig", False),
    ("persoonlijke-verzorging", "Persoonlijke verzorging", True),
    ("schulden", "Geldzorgen en schulden", True),
    ("medicijnen", "Medicijnen en medische zorg", True),
]


def add(apps, schema_editor):
    Category = apps.get_model("exchange", "Category")
    for position, (slug, name, is_care) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_care": is_care, "position": position}
        )


def remove(apps, schema_editor):
    Category = apps.get_model("exchange", "Category")
    Category.objects.filter(slug__in=[slug for slug, _name, _care in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_listings")]

    operations = [migrations.RunPython(add, remove)]
