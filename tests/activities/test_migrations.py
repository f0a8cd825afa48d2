"""Registrations made before check-in existed get a code each in the migration."""

from importlib import import_module

import pytest
from django.apps import apps

from activities.codes import ALPHABET
from activities.models import Registration

from .factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_earlier_registrations_get_unique_codes(activity):
    migration = import_module("activities.migrations.0002_checkin_feeds_reports")
    before = {RegistrationFactory(activity=activity).code for _n in range(12)}
    migration.give_codes(apps, None)
    codes = set(Registration.objects.values_list("code", flat=True))
    assert len(codes) == 12
    assert not codes & before
    for code in codes:
        assert len(code) == 6
        assert set(code) <= set(ALPHABET)
