from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.utils import timezone


def fill_next_shift(apps, schema_editor):
    Task = apps.get_model("volunteers", "Task")
    Shift = apps.get_model("volunteers", "Shift")
    upcoming = (
        Shift.objects.filter(task=OuterRef("pk"), starts_at__gt=timezone.now())
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    Task.objects.update(next_shift_at=Subquery(upcoming))


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0006_off_shift_hours"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="next_shift_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="next shift starts at"
            ),
        ),
        migrations.RunPython(fill_next_shift, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                condition=models.Q(("is_private", False), ("status", "published")),
                fields=["next_shift_at", "id"],
                name="task_listed_next_shift",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["next_shift_at"], name="task_next_shift"),
        ),
    ]
