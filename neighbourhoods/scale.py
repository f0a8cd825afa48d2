"""Synthetic residents for ``manage.py seed_scale`` (benchmarks only).

At factor 1 (Assen, about 68,000 residents): 1,000 resident accounts that the other
scale modules use to file help requests, support initiatives and book rooms; at factor
10: 10,000 accounts. Written with bulk_create. The accounts use
``@schaal-buurt.example`` addresses and cannot log in.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from .models import Neighbourhood

EMAIL_DOMAIN = "schaal-buurt.example"
RESIDENTS_PER_FACTOR = 1000


def scale_buurten(out) -> list[Neighbourhood]:
    """Assen's buurten, imported first if the database has none."""
    buurten = list(Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code"))
    if not buurten:
        from .demo import BOUNDARY_FILES
        from .services import neighbourhood_import

        result = neighbourhood_import(paths=BOUNDARY_FILES)
        out.write(f"Neighbourhoods imported: {result.created} created.")
        buurten = list(
            Neighbourhood.objects.filter(level=Neighbourhood.Level.BUURT).order_by("code")
        )
    return buurten


def scale_residents() -> list[int]:
    """Ids of the synthetic resident accounts, in a stable order."""
    return list(
        get_user_model()
        .objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def reset(*, out) -> None:
    users = get_user_model().objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    deleted, _by_model = users.delete()
    out.write(f"Synthetic residents removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    User = get_user_model()
    if User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        out.write("Synthetic residents already exist; use --reset to generate them again.")
        return
    scale_buurten(out)  # Assen's buurten first, for the apps that come next
    password = make_password(None)
    count = max(1, round(RESIDENTS_PER_FACTOR * factor))
    User.objects.bulk_create(
        (
            User(
                email=f"bewoner-{n:06d}@{EMAIL_DOMAIN}",
                display_name=f"Bewoner {n}",
                password=password,
            )
            for n in range(count)
        ),
        batch_size=2000,
    )
    out.write(f"Synthetic residents: {count} accounts.")
