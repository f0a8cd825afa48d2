"""form_errors_to_messages: every error of a form posted from another page reaches the
person as a message, in the order of the fields."""

from django import forms
from django.contrib.messages import ERROR, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from mijnbuurt.core.messages import form_errors_to_messages


class NoteForm(forms.Form):
    title = forms.CharField(max_length=5, error_messages={"max_length": "Te lang."})
    places = forms.IntegerField(min_value=1, error_messages={"min_value": "Minstens 1."})

    def clean(self):
        raise forms.ValidationError("Niet zo.")


def posted(data):
    request = RequestFactory().post("/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_every_error_becomes_an_error_message_in_field_order():
    request = posted({"title": "Veel te lang", "places": "0"})
    form_errors_to_messages(request, NoteForm(request.POST))
    shown = [(m.level, str(m)) for m in get_messages(request)]
    assert shown == [(ERROR, "Te lang."), (ERROR, "Minstens 1."), (ERROR, "Niet zo.")]


def test_a_form_without_errors_adds_no_message():
    request = posted({})
    form = forms.Form({})
    form_errors_to_messages(request, form)
    assert list(get_messages(request)) == []
