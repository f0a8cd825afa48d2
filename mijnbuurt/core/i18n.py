from django.conf import settings


def strip_language_prefix(path: str) -> str:
    """``/en/team/`` -> ``/team/``; a path without a language prefix is returned as is."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def choice_labels(rows, *fields: str) -> None:
    """Set ``<field>_label`` on each of ``rows`` (model instances): its choice's label.

    Each label is translated once per call, not once per row: ``get_FOO_display()`` looks
    the value up in a dict of every choice built (and translated) anew on each call.
    """
    rows = list(rows)
    if not rows:
        return
    for name in fields:
        field = rows[0]._meta.get_field(name)
        labels = {value: str(label) for value, label in field.flatchoices}
        for row in rows:
            value = getattr(row, name)
            setattr(row, f"{name}_label", labels.get(value, str(value)))
