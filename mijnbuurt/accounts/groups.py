"""Municipal staff are members of the "gemeente" group, never superusers.

The group holds exactly the admin permissions staff need: look things up, keep the
lists they own (budget lines, reply templates, skills, area teams), and the admin
actions they take (approve an initiative or organisation, award a grant, approve a
booking, move a help request to another team). Per-object rules (who sees a help
request, a draft, a booking) are not admin permissions and no group grants them.

Each app declares what staff may do with its models, on its AppConfig:
``staff_permissions = {"model_name": KEEP, ...}``. The group is created by a
migration; its permissions are set to the union of those declarations after every
``migrate`` (``staff_group_sync``), so that a new model's permissions land with the
code that introduces them, and the accounts app names no model of a higher app.
"""

from django.apps import apps
from django.db.models import Q

STAFF_GROUP = "gemeente"

VIEW = ("view",)
KEEP = ("add", "change", "view")
KEEP_AND_DELETE = ("add", "change", "delete", "view")
ACT = ("change", "view")  # admin actions are gated by the change permission


def staff_permission_table() -> dict[str, tuple[str, ...]]:
    """``{"app_label.model": actions}`` from every installed app's declaration."""
    return {
        f"{config.label}.{model}": actions
        for config in apps.get_app_configs()
        for model, actions in getattr(config, "staff_permissions", {}).items()
    }


def staff_permissions() -> list:
    """The permissions of the staff group that exist in this database."""
    from django.contrib.auth.models import Permission

    wanted = Q(pk__in=[])
    for label, actions in staff_permission_table().items():
        app_label, model = label.split(".")
        wanted |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return list(Permission.objects.filter(wanted))


def staff_group_sync():
    """Give the staff group exactly the permissions the apps declare."""
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.set(staff_permissions())
    return group
