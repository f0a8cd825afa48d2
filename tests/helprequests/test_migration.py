"""Moving help requests out of neighbourhoods touched no data.

The database is taken back to before the move (the models in neighbourhoods), rows are
written through the historical models as they were then, and the database is migrated
forward again: the same rows are read through the new models, the hand-over still
points at its request, and the content types (with their permissions, the groups that
hold them and the admin's log) keep their ids. Afterwards the database is migrated to
the latest state again, so later tests see the full schema.
"""

import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from helprequests.models import (
    AccessLog,
    HelpMessage,
    HelpRequest,
    HelpRequestEvent,
    ReplyTemplate,
    Satisfaction,
)
from mijnbuurt.accounts.groups import STAFF_GROUP
from volunteers.models import HandOver

pytestmark = pytest.mark.django_db(transaction=True)

# The last migrations before the move; going back to them undoes the move.
BEFORE = [("neighbourhoods", "0003_help_requests"), ("volunteers", "0003_vog_checks")]
MOVED = ["helprequest", "helprequestevent", "helpmessage", "accesslog", "replytemplate"]
MOVED += ["satisfaction"]


def _migrate(targets=None) -> MigrationExecutor:
    """Migrate to ``targets`` (default: the latest state) and forget cached types."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    return executor


@pytest.fixture
def old_apps():
    """The models as they were before the move, on a database migrated back to then."""
    executor = _migrate([("helprequests", None)])  # unapplies the move and its followers
    assert {("helprequests", "0001_help_requests_from_neighbourhoods")}.isdisjoint(
        executor.recorder.applied_migrations()
    )
    yield executor.loader.project_state(BEFORE).apps
    _migrate()


def _old_request(apps) -> dict:
    """A request in a covered wijk with its history, messages, log, score and hand-over."""
    User = apps.get_model("accounts", "User")
    Neighbourhood = apps.get_model("neighbourhoods", "Neighbourhood")
    AreaTeam = apps.get_model("neighbourhoods", "AreaTeam")
    resident = User.objects.create(email="anne@example.org", display_name="Anne")
    professional = User.objects.create(email="petra@example.org", display_name="Petra")
    wijk = Neighbourhood.objects.create(
        code="WK010601", name="Lariks", slug="lariks", level="wijk"
    )
    buurt = Neighbourhood.objects.create(
        code="BU01060101", name="Lariks-West", slug="lariks-west", level="buurt", wijk=wijk
    )
    team = AreaTeam.objects.create(name="Gebiedsteam Oost")
    team.neighbourhoods.set([wijk])
    now = timezone.now()
    request = apps.get_model("neighbourhoods", "HelpRequest").objects.create(
        requester=resident,
        contact_name="Anne",
        contact_phone="06-12345678",
        kind="shopping",
        description="Ik kan een paar weken niet zelf boodschappen doen.",
        neighbourhood=buurt,
        team=team,
        status="resolved",
        assignee=professional,
        consent_share_anonymised=True,
        first_contact_at=now - dt.timedelta(days=2),
        due_at=now - dt.timedelta(days=1),
        closed_at=now,
        created_at=now - dt.timedelta(days=3),
    )
    Event = apps.get_model("neighbourhoods", "HelpRequestEvent")
    Event.objects.create(request=request, actor=resident, at=now, to_status="new")
    Event.objects.create(
        request=request, actor=professional, at=now, from_status="new", to_status="resolved"
    )
    Message = apps.get_model("neighbourhoods", "HelpMessage")
    Message.objects.create(
        request=request, author=professional, direction="to_resident", body="Ik bel je."
    )
    Message.objects.create(
        request=request, author=resident, direction="from_resident", body="Dank je!"
    )
    apps.get_model("neighbourhoods", "AccessLog").objects.create(
        request=request, request_number=request.pk, user=professional, action="view"
    )
    apps.get_model("neighbourhoods", "Satisfaction").objects.create(
        request=request, score=4, comment="Fijn geholpen."
    )
    template = apps.get_model("neighbourhoods", "ReplyTemplate").objects.create(
        title="Eerste contact", text="Ik neem contact met je op."
    )
    kind = apps.get_model("volunteers", "TaskKind").objects.create(
        name="Boodschappen", slug="boodschappen"
    )
    task = apps.get_model("volunteers", "Task").objects.create(
        title="Boodschappen doen",
        description="Eens per week.",
        kind=kind,
        theme="care",
        neighbourhood=buurt,
        is_private=True,
    )
    handover = apps.get_model("volunteers", "HandOver").objects.create(
        task=task, help_request=request, created_by=professional
    )
    return {"request": request.pk, "template": template.pk, "handover": handover.pk}


def test_help_requests_and_their_history_are_read_through_the_new_models(old_apps):
    old = _old_request(old_apps)

    _migrate()

    request = HelpRequest.objects.select_related("team", "requester").get(pk=old["request"])
    assert (request.kind, request.status, request.team.name) == (
        "shopping",
        "resolved",
        "Gebiedsteam Oost",
    )
    assert request.requester.email == "anne@example.org"
    assert request.description == "Ik kan een paar weken niet zelf boodschappen doen."
    assert [(e.from_status, e.to_status) for e in request.events.all()] == [
        ("", "new"),
        ("new", "resolved"),
    ]
    assert [m.body for m in request.messages.all()] == ["Ik bel je.", "Dank je!"]
    assert request.satisfaction.score == 4
    assert AccessLog.objects.get().request == request
    assert ReplyTemplate.objects.get(pk=old["template"]).title == "Eerste contact"
    assert HandOver.objects.get(pk=old["handover"]).help_request == request
    assert request.volunteer_handovers.get().pk == old["handover"]
    counts = [m.objects.count() for m in (HelpRequestEvent, HelpMessage, Satisfaction)]
    assert counts == [2, 2, 1]


def test_content_types_keep_their_ids_with_permissions_groups_and_admin_log(old_apps):
    old = _old_request(old_apps)
    types = {ct.model: ct.pk for ct in ContentType.objects.filter(app_label="neighbourhoods")}
    assert set(MOVED) <= set(types)
    permissions = dict(
        Permission.objects.filter(content_type__app_label="neighbourhoods").values_list(
            "codename", "pk"
        )
    )
    staff = Group.objects.get(name=STAFF_GROUP)
    assert staff.permissions.filter(pk=permissions["change_helprequest"]).exists()
    log = LogEntry.objects.create(
        user_id=old_apps.get_model("accounts", "User").objects.get(email="petra@example.org").pk,
        content_type_id=types["helprequest"],
        object_id=str(old["request"]),
        object_repr=f"Hulpvraag {old['request']}",
        action_flag=CHANGE,
    )
    # A type Django already made under the new name, held by a group: folded, not kept.
    duplicate = ContentType.objects.create(app_label="helprequests", model="replytemplate")
    copy = Permission.objects.create(
        content_type=duplicate, codename="add_replytemplate", name="Can add reply template"
    )
    editors = Group.objects.create(name="sjablonen")
    editors.permissions.add(copy)

    _migrate()

    for model in MOVED:
        moved = ContentType.objects.get(app_label="helprequests", model=model)
        assert moved.pk == types[model], model
    assert not ContentType.objects.filter(app_label="neighbourhoods", model__in=MOVED).exists()
    assert not ContentType.objects.filter(pk=duplicate.pk).exists()
    assert ContentType.objects.get_for_model(HelpRequest).pk == types["helprequest"]
    moved_permissions = dict(
        Permission.objects.filter(content_type__app_label="helprequests").values_list(
            "codename", "pk"
        )
    )
    assert moved_permissions == {
        codename: pk for codename, pk in permissions.items() if codename.endswith(tuple(MOVED))
    }
    assert staff.permissions.filter(pk=permissions["change_helprequest"]).exists()
    assert list(editors.permissions.all()) == [
        Permission.objects.get(pk=permissions["add_replytemplate"])
    ]
    log.refresh_from_db()
    assert log.get_edited_object() == HelpRequest.objects.get(pk=old["request"])
