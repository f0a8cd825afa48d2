"""Reads of pilots, with their areas, in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from ..models import Experiment, ExperimentNote

AREAS = ("wijken", "buurten", "comparison_wijken", "comparison_buurten")


def experiments_for_staff() -> QuerySet:
    return Experiment.objects.prefetch_related("wijken", "buurten")


def experiments_published() -> QuerySet:
    return Experiment.objects.filter(published=True).prefetch_related("wijken", "buurten")


def experiment_for_page(*, notes: bool = False) -> QuerySet:
    """A pilot with its four area relations (and its notes with their authors)."""
    queryset = Experiment.objects.prefetch_related(*AREAS)
    if notes:
        queryset = queryset.prefetch_related(
            Prefetch("notes", ExperimentNote.objects.select_related("author"))
        )
    return queryset
