"""What a report covers: a year, and all of Assen or one wijk (with its buurten)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone


@dataclass(frozen=True)
class Scope:
    year: int
    wijk_id: int | None = None
    wijk_name: str = ""

    @property
    def start(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime(self.year, 1, 1))

    @property
    def end(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime(self.year + 1, 1, 1))

    def within(self, path: str, when: str) -> Q:
        """Rows dated in the year and, with a wijk chosen, located in it.

        ``path`` leads from the row to its neighbourhood (``"room__venue__"``);
        ``when`` is the date field that places the row in the year.
        """
        q = Q(**{f"{when}__gte": self.start, f"{when}__lt": self.end})
        return q & self.located(path)

    def located(self, path: str) -> Q:
        if self.wijk_id is None:
            return Q()
        return Q(**{f"{path}neighbourhood_id": self.wijk_id}) | Q(
            **{f"{path}neighbourhood__wijk_id": self.wijk_id}
        )


def wijk_of(path: str) -> Coalesce:
    """The wijk a row lies in: its buurt's wijk, or the wijk itself."""
    return Coalesce(f"{path}neighbourhood__wijk_id", f"{path}neighbourhood_id")


def row_of(scope: Scope, path: str):
    """The report row a row counts in: its wijk for all of Assen; with a wijk chosen,
    its buurt (or the wijk itself, for what is placed in the wijk as a whole)."""
    if scope.wijk_id is None:
        return wijk_of(path)
    return F(f"{path}neighbourhood_id")
