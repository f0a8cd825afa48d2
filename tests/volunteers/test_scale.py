"""seed_scale generates synthetic volunteers and tasks; bench_matching runs on them."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mijnbuurt.accounts.models import User
from volunteers.models import Shift, Suggestion, VolunteerProfile
from volunteers.selectors import tasks_open

pytestmark = pytest.mark.django_db


def test_seed_scale_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_scale", factor=0.01, stdout=StringIO())
    assert not VolunteerProfile.objects.exists()


def test_seed_scale_at_a_tiny_factor_then_bench_matching(settings):
    settings.DEBUG = True
    call_command("seed_scale", factor=0.02, stdout=StringIO())

    assert VolunteerProfile.objects.count() == 14
    assert tasks_open().count() == 6
    assert Shift.objects.count() >= 6
    assert not User.objects.filter(email__endswith="@schaal.example")[0].has_usable_password()

    call_command("seed_scale", factor=0.02, stdout=StringIO())  # again: nothing added
    assert VolunteerProfile.objects.count() == 14

    out = StringIO()
    call_command("bench_matching", stdout=out)
    printed = out.getvalue()
    assert "volunteers:            14" in printed
    assert "pairs scored:          84" in printed
    assert "peak memory:" in printed
    assert Suggestion.objects.exists()

    call_command("seed_scale", factor=0.01, reset=True, stdout=StringIO())
    assert VolunteerProfile.objects.count() == 7
