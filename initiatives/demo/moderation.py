"""Demo comments on the first running initiative; one is reported, so the moderation
queue (/initiatieven/moderatie/) has something to show."""

from mijnbuurt.accounts.models import User

from ..models import Comment, Initiative, Status
from ..services import comment_post, content_report

COMMENTS = [
    ("resident", "Wat een goed idee! Ik kom dinsdag zeker een kopje koffie drinken."),
    ("organiser", "Leuk, Anne! Neem gerust de buren mee."),
    ("neighbour", "Goedkope zonnepanelen? Bel nu 0800-1234 en krijg 50% korting!!!"),
]


def seed_comments(*, organiser, resident, out) -> None:
    initiative = (
        Initiative.objects.filter(status=Status.PUBLISHED, hidden_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if initiative is None or Comment.objects.filter(initiative=initiative).exists():
        return
    neighbour, created = User.objects.get_or_create(
        email="kees.demo@example.org", defaults={"display_name": "Kees"}
    )
    if created:
        neighbour.set_unusable_password()
        neighbour.save()
    people = {"resident": resident, "organiser": organiser, "neighbour": neighbour}
    for who, body in COMMENTS:
        comment = comment_post(initiative=initiative, by=people[who], body=body)
    content_report(item=comment, by=resident, reason="spam", text="Reclame, geen reactie.")
    out.write(f"Initiatives: {len(COMMENTS)} comments on “{initiative.title}”, one reported.")
