"""The notes a staff member wrote on pilots, in their "download my data". Deleting the
account keeps the notes without their author (``on_delete=SET_NULL``)."""

from ..models import ExperimentNote


def pilot_notes_export(user) -> list[dict]:
    return [
        {"pilot": note.experiment.name, "text": note.text, "date": note.created_at.isoformat()}
        for note in ExperimentNote.objects.filter(author=user)
        .select_related("experiment")
        .order_by("pk")
    ]
