"""The one exception type that services raise for a broken business rule."""


class ServiceError(Exception):
    """A rule refused the action. ``message`` is translated and safe to show the user."""

    def __init__(self, message: str, *, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
