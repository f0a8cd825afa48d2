"""Phone numbers on the social map and of area teams: stored as E.164, shown the Dutch way;
what is no number is refused with a clear message and changes nothing."""

import logging

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils.translation import gettext

from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import INVALID_PHONE
from neighbourhoods.models import AreaTeam, Organisation
from neighbourhoods.services import organisation_update
from tests.neighbourhoods.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PROPOSAL = {"name": "Buurtmoestuin Pittelo", "kind": "neighbourhood_enterprise"}


def test_a_proposed_organisation_keeps_its_number_as_e164_and_the_form_shows_it_dutch(
    client, resident
):
    client.force_login(resident)
    response = client.post(
        reverse("neighbourhoods:organisation_propose"), {**PROPOSAL, "phone": "06-12345678"}
    )

    assert response.status_code == 302
    assert Organisation.objects.filter(phone="+31612345678").exists()
    organisation = Organisation.objects.get()
    edit = client.get(reverse("neighbourhoods:organisation_edit", args=[organisation.slug]))
    html = edit.content.decode()
    assert 'type="tel"' in html
    assert 'value="06 12345678"' in html


@pytest.mark.parametrize("typed", ["12", "abc", "0000"])
def test_what_is_no_phone_number_is_refused_and_nothing_changes(client, resident, typed):
    organisation = OrganisationFactory(name="Koor Centrum", phone="0592-000 000")
    organisation.members.add(resident)
    client.force_login(resident)

    proposed = client.post(
        reverse("neighbourhoods:organisation_propose"), {**PROPOSAL, "phone": typed}
    )
    edited = client.post(
        reverse("neighbourhoods:organisation_edit", args=[organisation.slug]),
        {"name": "Koor Centrum", "kind": "culture", "phone": typed},
    )

    for response in (proposed, edited):
        assert response.status_code == 200
        assert gettext(INVALID_PHONE) in response.content.decode()
    assert [(o.name, o.kind, str(o.phone)) for o in Organisation.objects.all()] == [
        ("Koor Centrum", "welfare", "+31592000000")
    ]
    with pytest.raises(ServiceError):
        organisation_update(organisation=organisation, phone=typed)


def test_staff_get_the_same_message_in_the_admin_and_see_numbers_the_dutch_way(client, staff):
    client.force_login(staff)
    form = {
        "name": "Gebiedsteam Noord",
        "email": "",
        "walk_in_hours": "",
        "walk_in_place": "",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }

    refused = client.post("/admin/neighbourhoods/areateam/add/", {**form, "phone": "0000"})
    assert refused.status_code == 200
    assert gettext(INVALID_PHONE) in refused.content.decode()
    assert not AreaTeam.objects.exists()

    added = client.post("/admin/neighbourhoods/areateam/add/", {**form, "phone": "0592 123456"})
    assert added.status_code == 302
    assert AreaTeam.objects.filter(phone="+31592123456").exists()
    changelist = client.get("/admin/neighbourhoods/areateam/").content.decode()
    assert "0592 123 456" in changelist


# --- The data migration -------------------------------------------------------------------

BEFORE = [("neighbourhoods", "0004_help_requests_move_to_helprequests")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_normalises_valid_numbers_and_keeps_others_as_typed(caplog):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldOrganisation = old.get_model("neighbourhoods", "Organisation")
    typed = {
        "a": "0592-123456",
        "b": " 06 12345678",
        "c": "+49 30 12345678",
        "d": "bel de balie",
        "e": "",
    }
    for slug, phone in typed.items():
        OldOrganisation.objects.create(name=slug, slug=slug, phone=phone)
    old.get_model("neighbourhoods", "AreaTeam").objects.create(name="Oost", phone="06-12345678")

    with caplog.at_level(logging.WARNING, logger="mijnbuurt.core.phones"):
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    stored = {o.slug: str(o.phone) for o in Organisation.objects.all()}
    assert stored == {
        "a": "+31592123456",
        "b": "+31612345678",
        "c": "+493012345678",
        "d": "bel de balie",
        "e": "",
    }
    assert AreaTeam.objects.get().phone.as_e164 == "+31612345678"
    [warning] = caplog.records
    assert "neighbourhoods.Organisation.phone: 1 value(s)" in warning.getMessage()
    assert "balie" not in warning.getMessage()
