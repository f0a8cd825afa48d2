"""Municipal staff are members of the "gemeente" group, never superusers.

The group holds exactly the admin permissions staff need: look things up, keep the
lists they own (budget lines, reply templates, skills, area teams), and the admin
actions they take (approve an initiative or organisation, award a grant, approve a
booking, move a help request to another team). Per-object rules (who sees a help
request, a draft, a booking) are not admin permissions and no group grants them.

The group is created by a migration; its permissions are set to this table after
every ``migrate`` (``staff_group_sync``), so that a new model's permissions land with
the code that introduces them. Models are named by string, so the core imports no app.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

STAFF_GROUP = "gemeente"

VIEW = ("view",)
KEEP = ("add", "change", "view")
KEEP_AND_DELETE = ("add", "change", "delete", "view")
ACT = ("change", "view")  # admin actions are gated by the change permission

STAFF_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "accounts.user": VIEW,
    "notifications.notification": VIEW,
    "notifications.notificationpreference": VIEW,
    # geography, area teams, social map
    "neighbourhoods.neighbourhood": ACT,
    "neighbourhoods.areateam": KEEP,
    "neighbourhoods.teammembership": KEEP_AND_DELETE,
    "neighbourhoods.organisation": KEEP,
    # help requests (non-personal fields only)
    "helprequests.replytemplate": KEEP_AND_DELETE,
    "helprequests.helprequest": ACT,
    "helprequests.helprequestevent": VIEW,
    "helprequests.satisfaction": VIEW,
    "helprequests.accesslog": VIEW,
    # initiatives, grants, budget, moderation
    "initiatives.initiative": ACT,
    "initiatives.organiser": VIEW,
    "initiatives.organiserinvitation": VIEW,
    "initiatives.initiativephoto": VIEW,
    "initiatives.initiativeupdate": VIEW,
    "initiatives.statuschange": VIEW,
    "initiatives.support": VIEW,
    "initiatives.follow": VIEW,
    "initiatives.budgetline": KEEP,
    "initiatives.budgetallocation": KEEP_AND_DELETE,
    "initiatives.grantrequest": ACT,
    "initiatives.grantlineitem": VIEW,
    "initiatives.comment": VIEW,
    "initiatives.abusereport": VIEW,
    "initiatives.postingblock": VIEW,
    "initiatives.moderationaction": VIEW,
    # volunteering
    "volunteers.skill": KEEP,
    "volunteers.taskkind": KEEP,
    "volunteers.task": VIEW,
    "volunteers.shift": VIEW,
    "volunteers.signup": VIEW,
    "volunteers.volunteerprofile": VIEW,
    "volunteers.suggestion": VIEW,
    "volunteers.taskinvitation": VIEW,
    "volunteers.trustedvolunteer": VIEW,
    "volunteers.handover": VIEW,
    "volunteers.vogcheck": VIEW,
    # community buildings
    "venues.venue": KEEP,
    "venues.room": KEEP,
    "venues.booking": ACT,
    "venues.bookingevent": VIEW,
}


def staff_permissions() -> list[Permission]:
    """The permissions of the staff group that exist in this database."""
    wanted = Q(pk__in=[])
    for label, actions in STAFF_PERMISSIONS.items():
        app_label, model = label.split(".")
        wanted |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return list(Permission.objects.filter(wanted))


def staff_group_sync() -> Group:
    """Give the staff group exactly the permissions in ``STAFF_PERMISSIONS``."""
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.set(staff_permissions())
    return group
