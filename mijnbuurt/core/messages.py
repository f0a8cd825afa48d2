"""Messages shared by views."""

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest


def form_errors_to_messages(request: HttpRequest, form: BaseForm) -> None:
    """Every error of ``form`` as an error message, for a form posted from another page
    (the view redirects back, so the errors cannot be shown beside the fields)."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
