"""Help requests for tests, filed through the service as a resident files them."""

from helprequests.filing import help_request_create
from helprequests.models import HelpKind, Urgency

DESCRIPTION = "Mijn buurman Jansen kan niet meer zelf boodschappen doen na zijn val."


def file_request(requester, neighbourhood, **overrides):
    data = {
        "kind": HelpKind.SHOPPING,
        "description": DESCRIPTION,
        "urgency": Urgency.NORMAL,
        "contact_way": "phone",
        "contact_phone": "06-12345678",
        "consent_share_anonymised": True,
    }
    data.update(overrides)
    return help_request_create(requester=requester, neighbourhood=neighbourhood, **data)
