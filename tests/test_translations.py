"""Every user-facing string has a Dutch translation."""

import re
import shutil
from pathlib import Path

import polib
from django.core.management import call_command
from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
EMPTY_MSGSTR = re.compile(r'^msgstr(\[\d\])? ""\n(?!")', re.MULTILINE)
# "u"/"uw" and "Aanmelden"/"Afmelden" for the account: the site says "je", Inloggen/Uitloggen
U_FORM = re.compile(r"(?i)\b(u|uw|alstublieft|a\.u\.b|aanmeld\w*|afmeld\w*|registr\w*)\b")


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
        ignore_patterns=[
            "static/*",
            "var/*",
            "tests/*",
            "mijnbuurt/locale/*",
            "mijnbuurt/overrides/*",
        ],
        no_obsolete=True,
        verbosity=0,
    )
    po = (locale / "nl" / "LC_MESSAGES" / "django.po").read_text()
    missing = untranslated(po)
    assert not missing, f"{len(missing)} messages without Dutch translation:\n" + "\n\n".join(
        missing[:10]
    )


OVERRIDES = ROOT / "mijnbuurt" / "overrides" / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def upstream_msgids() -> set[str]:
    """Every msgid of Django's and allauth's catalogues (their English .po lists them all)."""
    import allauth
    import django

    catalogues = [
        *(Path(django.__file__).parent / "conf" / "locale" / "en").glob("LC_MESSAGES/*.po"),
        *(Path(django.__file__).parent / "contrib").glob("*/locale/en/LC_MESSAGES/*.po"),
        *(Path(allauth.__file__).parent / "locale" / "en").glob("LC_MESSAGES/*.po"),
    ]
    assert catalogues
    return {entry.msgid for path in catalogues for entry in polib.pofile(str(path))}


def test_the_overrides_of_django_and_allauth_are_complete_and_still_exist_upstream():
    """A msgid Django or allauth renames is noticed; an override our own catalogue
    already has would never be used (LOCALE_PATHS: our own locale/ comes first)."""
    overrides = polib.pofile(str(OVERRIDES))
    assert len(overrides) > 50
    assert not untranslated(OVERRIDES.read_text())
    msgids = {entry.msgid for entry in overrides}
    assert not msgids - upstream_msgids()
    ours = polib.pofile(str(ROOT / "mijnbuurt" / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    assert not msgids & {entry.msgid for entry in ours}


def test_the_overrides_say_je_and_inloggen_not_u_or_aanmelden():
    for entry in polib.pofile(str(OVERRIDES)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            assert not U_FORM.search(text), (entry.msgid, text)


def test_the_site_uses_the_overrides():
    with translation.override("nl"):
        assert translation.gettext("Sign In") == "Inloggen"
        assert translation.gettext("Sign Out") == "Uitloggen"
        assert translation.gettext("You have signed out.") == "Je bent uitgelogd."
        assert translation.gettext("MFA") == "Tweestapsverificatie"
        assert translation.gettext("This password is entirely numeric.") == (
            "Dit wachtwoord bestaat alleen uit cijfers."
        )
