"""Demo accounts of the core: a resident and a member of municipal staff (with TOTP)."""

from functools import cache

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password

from mijnbuurt.core.demo import DEMO_PASSWORD, DemoAccount

from .groups import staff_group_sync
from .models import User

STAFF_TOTP_SECRET = "MIJNBUURTASSENDEMOSTAFF2"  # noqa: S105 - published demo secret


@cache
def _demo_password_hash() -> str:
    """One hash of the published demo password per run, shared by every demo account:
    hashing is slow on purpose, and seed_demo refreshes some fifteen accounts."""
    return make_password(DEMO_PASSWORD)


def demo_user(
    email: str, *, display_name: str, is_staff: bool = False, totp_secret: str = ""
) -> User:
    """Create or refresh a verified demo user; with ``totp_secret``, TOTP is set up."""
    user, _created = User.objects.get_or_create(email=email)
    user.display_name = display_name
    user.is_staff = is_staff
    user.is_superuser = False
    user.is_active = True
    user.password = _demo_password_hash()
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if is_staff:
        user.groups.add(staff_group_sync())
    if totp_secret:
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
        TOTP.activate(user, totp_secret)
    return user


# Obviously fictional residents who cannot log in (no password): they support, comment,
# organise, book and ask for help, so that the demo looks like a living town.
NEIGHBOURS = [
    "Kees",
    "Mohamed",
    "Joke",
    "Ruud",
    "Sophie",
    "Bram",
    "Hatice",
    "Gerrit",
    "Lotte",
    "Ahmet",
    "Ineke",
    "Daan",
]


def demo_neighbours() -> list[User]:
    """The fictional residents of NEIGHBOURS (made once, left alone after)."""
    people = []
    for name in NEIGHBOURS:
        email = f"{name.lower()}.demo@example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, display_name=f"{name} (buurtbewoner)")
            user.set_unusable_password()
            user.save()
        people.append(user)
    return people


RESIDENT_EMAIL = "bewoner@example.org"
STAFF_EMAIL = "gemeente@example.org"


def seed(*, out) -> list[DemoAccount]:
    demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    demo_user(
        STAFF_EMAIL,
        display_name="Gemeente Assen (demo)",
        is_staff=True,
        totp_secret=STAFF_TOTP_SECRET,
    )
    out.write("Accounts: resident and municipal staff.")
    return [
        DemoAccount(role="resident (bewoner)", email=RESIDENT_EMAIL),
        DemoAccount(
            role="municipal staff (gemeente)",
            email=STAFF_EMAIL,
            totp_secret=STAFF_TOTP_SECRET,
        ),
    ]
