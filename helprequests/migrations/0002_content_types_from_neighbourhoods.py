"""The content types of the moved models change app: neighbourhoods -> helprequests.

The rows are renamed, not replaced, so their ids stay: the admin permissions that
hang on them (and the groups and people holding those), and admin log entries, carry
over. If Django already created a row under the new name (a ``migrate`` ran with the
new code before this migration), that duplicate is folded into the old row and
deleted. A database without the old rows gets the new ones from Django after migrate.
"""

from django.conf import settings
from django.db import migrations

MODELS = [
    "helprequest",
    "helprequestevent",
    "helpmessage",
    "accesslog",
    "replytemplate",
    "satisfaction",
]


def _fold(apps, *, duplicate, into) -> None:
    """Move what hangs on the ``duplicate`` content type to ``into``."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    LogEntry = apps.get_model("admin", "LogEntry")
    links = [
        (Group.permissions.through, "group_id"),
        (User.user_permissions.through, User.user_permissions.field.m2m_field_name() + "_id"),
    ]
    for permission in Permission.objects.filter(content_type=duplicate):
        kept = Permission.objects.filter(content_type=into, codename=permission.codename).first()
        if kept is None:
            permission.content_type = into
            permission.save(update_fields=["content_type"])
            continue
        for through, holder in links:
            holding = through.objects.filter(permission_id=kept.pk).values_list(holder, flat=True)
            through.objects.filter(permission_id=permission.pk).exclude(
                **{f"{holder}__in": list(holding)}
            ).update(permission_id=kept.pk)
    LogEntry.objects.filter(content_type=duplicate).update(content_type=into)
    duplicate.delete()  # with its remaining permissions and their links


def _move(apps, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        duplicate = ContentType.objects.filter(app_label=target, model=model).first()
        if duplicate is not None:
            _fold(apps, duplicate=duplicate, into=old)
        old.app_label = target
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _move(apps, source="neighbourhoods", target="helprequests")


def backwards(apps, schema_editor):
    _move(apps, source="helprequests", target="neighbourhoods")


class Migration(migrations.Migration):

    dependencies = [
        ('helprequests', '0001_help_requests_from_neighbourhoods'),
        ('neighbourhoods', '0004_help_requests_move_to_helprequests'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('admin', '0003_logentry_add_action_flag_choices'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
