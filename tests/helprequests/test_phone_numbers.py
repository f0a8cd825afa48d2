"""Phone numbers on help requests: read as Dutch, stored as E.164, shown as people write them;
a number that is none is refused with a clear message and nothing is filed."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from helprequests.filing import help_request_intake
from helprequests.models import HelpKind, HelpRequest
from helprequests.retention import help_requests_personal_data_export
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.phones import INVALID_PHONE

pytestmark = pytest.mark.django_db


def _ask(client, area, phone: str):
    return client.post(
        reverse("help:create"),
        {
            "kind": HelpKind.SHOPPING,
            "description": "Boodschappen",
            "urgency": "normal",
            "neighbourhood": area["a"].pk,
            "contact_way": "phone",
            "contact_phone": phone,
            "consent_share_anonymised": "False",
        },
    )


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("0612345678", "+31612345678", "06 12345678"),
        ("06-12345678", "+31612345678", "06 12345678"),
        ("+31 6 12345678", "+31612345678", "06 12345678"),
        ("0592 123456", "+31592123456", "0592 123 456"),
        ("+49 30 12345678", "+493012345678", "+49 30 12345678"),
    ],
)
def test_a_phone_number_is_stored_as_e164_and_shown_as_people_write_it(
    client, area, resident, professional_a, typed, stored, shown
):
    client.force_login(resident)
    response = _ask(client, area, typed)

    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert HelpRequest.objects.filter(contact_phone=stored).exists()  # the column itself
    client.force_login(professional_a)
    page = client.get(reverse("help:team_detail", args=[help_request.pk])).content.decode()
    assert f" · {shown}" in page
    assert stored not in page


@pytest.mark.parametrize("typed", ["12", "abc", "0000", "06-1"])
def test_what_is_no_phone_number_is_refused_with_a_message_and_nothing_is_filed(
    client, area, resident, typed
):
    client.force_login(resident)
    response = _ask(client, area, typed)

    assert response.status_code == 200
    assert response.context["form"].errors["contact_phone"] == [gettext(INVALID_PHONE)]
    assert gettext(INVALID_PHONE) in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_the_intake_service_refuses_what_is_no_phone_number(area, professional_a):
    with pytest.raises(ServiceError) as refused:
        help_request_intake(
            by=professional_a,
            contact_name="Kees (fictief)",
            contact_phone="0000",
            neighbourhood=area["a"],
            kind=HelpKind.PAPERWORK,
            description="Brieven lezen.",
        )
    assert refused.value.code == "phone"
    assert not HelpRequest.objects.exists()


def test_my_data_holds_my_phone_number_as_text(client, area, resident):
    client.force_login(resident)
    _ask(client, area, "06-12345678")

    [exported] = help_requests_personal_data_export(resident)
    assert exported["contact"]["phone"] == "+31612345678"
