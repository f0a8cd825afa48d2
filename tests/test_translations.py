"""Every user-facing string has a Dutch translation."""

import re
import shutil
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
EMPTY_MSGSTR = re.compile(r'^msgstr(\[\d\])? ""\n(?!")', re.MULTILINE)


def untranslated(po_text: str) -> list[str]:
    """Entries of a .po file that are fuzzy or have an empty translation."""
    entries = po_text.split("\n\n")[1:]  # skip the header
    return [
        entry
        for entry in entries
        if not entry.lstrip().startswith("#~")
        and ("#, fuzzy" in entry or EMPTY_MSGSTR.search(entry + "\n"))
    ]


def test_every_message_in_the_code_has_a_dutch_translation(tmp_path, settings, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "mijnbuurt" / "locale", locale)
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(ROOT)
    call_command(
        "makemessages",
        locale=["nl"],
        # The checkout's own locale/ is skipped, or makemessages would write mijnbuurt/'s
        # messages into it instead of into the copy.
        ignore_patterns=["static/*", "var/*", "tests/*", "mijnbuurt/locale/*"],
        no_obsolete=True,
        verbosity=0,
    )
    po = (locale / "nl" / "LC_MESSAGES" / "django.po").read_text()
    missing = untranslated(po)
    assert not missing, f"{len(missing)} messages without Dutch translation:\n" + "\n\n".join(
        missing[:10]
    )
