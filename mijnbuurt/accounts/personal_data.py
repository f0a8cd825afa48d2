"""A registry of everything the platform holds about a person (AVG/GDPR).

Each app registers, in its ``AppConfig.ready()``, a section with an exporter (what
goes into "download my data") and optionally an eraser (what happens to the app's
data when the person deletes their account: delete private data, keep public
contributions, which then show as "former resident").
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


_sections: dict[str, Section] = {}


def register_personal_data(
    name: str, *, export: Callable[[Any], Any], erase: Callable[[Any], None] | None = None
) -> None:
    _sections[name] = Section(name=name, export=export, erase=erase)


def sections() -> list[Section]:
    return list(_sections.values())
