"""Synthetic help requests for ``manage.py seed_scale`` (benchmarks only).

At factor 1 (Assen, about 68,000 residents): 1,200 help requests over last year and
this year (about 600 a year), filed by the synthetic residents of
``neighbourhoods.scale``; at factor 10: 12,000. Each goes to the area team covering
its buurt (as filing does), so the team queue and dashboard carry the load.
Deterministic (a seeded random generator) and written with bulk_create; they hold no
real person's data.
"""

import datetime as dt
import random

from django.utils import timezone

from neighbourhoods.scale import EMAIL_DOMAIN, scale_buurten, scale_residents
from neighbourhoods.selectors import area_team_for

from .models import HelpKind, HelpRequest, HelpStatus

HELP_REQUESTS_PER_FACTOR = 1200
CONTACTED = [HelpStatus.RESOLVED, HelpStatus.CLOSED_NOT_NEEDED, HelpStatus.IN_TRIAGE]
CONTACTED += [HelpStatus.HANDED_TO_VOLUNTEER, HelpStatus.LIGHT_INTERVENTION]
CONTACTED += [HelpStatus.REFERRED]


def _synthetic():
    return HelpRequest.objects.filter(requester__email__endswith=f"@{EMAIL_DOMAIN}")


def reset(*, out) -> None:
    deleted, _by_model = _synthetic().delete()
    out.write(f"Synthetic help requests removed ({deleted} rows).")


def _team_ids(buurten) -> dict[int, int | None]:
    """The area team of each buurt (its own, else its wijk's), by buurt id."""
    teams = {buurt.pk: area_team_for(buurt) for buurt in buurten}
    return {pk: team.pk if team else None for pk, team in teams.items()}


def _assign_teams(buurten, *, out) -> None:
    """Synthetic requests generated without a team get the team of their buurt."""
    teamless = _synthetic().filter(team__isnull=True)
    moved = 0
    for buurt_pk, team_pk in _team_ids(buurten).items():
        if team_pk is not None:
            moved += teamless.filter(neighbourhood_id=buurt_pk).update(team_id=team_pk)
    if moved:
        out.write(f"Synthetic help requests given their area team: {moved}.")


def seed(*, factor: float, out) -> None:
    if _synthetic().exists():
        _assign_teams(scale_buurten(out), out=out)
        out.write("Synthetic help requests already exist; use --reset to generate them again.")
        return
    rng = random.Random(20260201)
    buurten = scale_buurten(out)
    team_ids = _team_ids(buurten)
    residents = scale_residents()
    if not residents:
        out.write("No synthetic residents (neighbourhoods.scale); help requests skipped.")
        return
    now = timezone.now()
    first = timezone.make_aware(dt.datetime(timezone.localdate().year - 1, 1, 1))
    span = (now - first).total_seconds()
    requests = []
    for _n in range(max(1, round(HELP_REQUESTS_PER_FACTOR * factor))):
        created = first + dt.timedelta(seconds=rng.random() * span)
        due = created + dt.timedelta(days=3)
        contacted = rng.random() < 0.85 and created < now - dt.timedelta(hours=2)
        contact = created + dt.timedelta(hours=rng.uniform(0.5, 96)) if contacted else None
        if contact is not None and contact > now:
            contact = None
        # Drawn in a fixed order: the same factor gives the same requests.
        requester_id, kind = rng.choice(residents), rng.choice(HelpKind.values)
        buurt = rng.choice(buurten)
        requests.append(
            HelpRequest(
                requester_id=requester_id,
                kind=kind,
                description="Synthetische hulpvraag voor de benchmark.",
                neighbourhood=buurt,
                team_id=team_ids[buurt.pk],
                status=rng.choice(CONTACTED) if contact else HelpStatus.NEW,
                created_at=created,
                due_at=due,
                first_contact_at=contact,
            )
        )
    HelpRequest.objects.bulk_create(requests, batch_size=2000)
    out.write(f"Synthetic help requests: {len(requests)}.")
