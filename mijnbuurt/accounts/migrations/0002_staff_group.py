from django.db import migrations


def create_staff_group(apps, schema_editor):
    # Its permissions are set after every migrate (mijnbuurt.accounts.groups).
    apps.get_model("auth", "Group").objects.get_or_create(name="gemeente")


def remove_staff_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="gemeente").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_user"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_staff_group, remove_staff_group)]
