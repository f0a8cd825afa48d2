from .models import User


def user_for_profile(*, user_id: int) -> User:
    return User.objects.select_related("home_neighbourhood__wijk").get(pk=user_id)
