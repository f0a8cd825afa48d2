from django.conf import settings


def strip_language_prefix(path: str) -> str:
    """``/en/team/`` -> ``/team/``; a path without a language prefix is returned as is."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path
