"""Demo data of the initiatives app; ``seed_demo`` calls ``seed``.

Initiatives in every state (initiatives), the municipality's budget lines and grants
(money), comments with one reported (moderation) and accountability reports
(accountability), all made through the services. Idempotent.
"""

from django.utils import timezone

from mijnbuurt.accounts.demo import STAFF_TOTP_SECRET, demo_user
from mijnbuurt.core.demo import DemoAccount

from .accountability import seed_accountability
from .dates import spread_initiative_dates
from .initiatives import INITIATIVES, seed_initiatives
from .moderation import seed_comments
from .money import seed_money

ORGANISER_EMAIL = "initiatiefnemer@example.org"
RESIDENT_EMAIL = "bewoner@example.org"
STAFF_EMAIL = "gemeente@example.org"

__all__ = ["INITIATIVES", "ORGANISER_EMAIL", "seed"]


def seed(*, out) -> list[DemoAccount]:
    organiser = demo_user(ORGANISER_EMAIL, display_name="Sanne (initiatiefnemer)")
    resident = demo_user(RESIDENT_EMAIL, display_name="Anne (bewoner)")
    staff = demo_user(
        STAFF_EMAIL,
        display_name="Gemeente Assen (demo)",
        is_staff=True,
        totp_secret=STAFF_TOTP_SECRET,
    )
    seed_initiatives(organiser=organiser, resident=resident, staff=staff, out=out)
    seed_money(organiser=organiser, staff=staff, year=timezone.localdate().year, out=out)
    seed_comments(organiser=organiser, resident=resident, out=out)
    seed_accountability(organiser=organiser, staff=staff, out=out)
    spread_initiative_dates([title for title, *_rest in INITIATIVES])
    return [DemoAccount(role="initiative organiser (initiatiefnemer)", email=ORGANISER_EMAIL)]
