from .selectors import notification_unread_count


def unread_notifications(request) -> dict:
    """The bell's unread count: one query for a logged-in person, none otherwise."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": notification_unread_count(user=user)}
