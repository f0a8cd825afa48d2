"""``choice_labels`` gives each row its choice's label, as ``get_FOO_display`` would."""

import pytest
from django.utils import translation

from helprequests.models import HelpKind, HelpRequest
from mijnbuurt.core.i18n import choice_labels

pytestmark = pytest.mark.django_db


def test_each_row_gets_the_label_of_its_choice_in_the_active_language():
    rows = [HelpRequest(kind=HelpKind.SHOPPING), HelpRequest(kind=HelpKind.HOUSING)]
    for language in ("en", "nl"):
        with translation.override(language):
            choice_labels(rows, "kind")
            assert [row.kind_label for row in rows] == [
                str(row.get_kind_display()) for row in rows
            ]


def test_a_value_outside_the_choices_is_shown_as_it_is():
    row = HelpRequest(kind="retired-kind")
    choice_labels([row], "kind")
    assert row.kind_label == "retired-kind"


def test_no_rows_is_fine():
    choice_labels([], "kind")
