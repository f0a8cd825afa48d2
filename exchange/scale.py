"""Synthetic Vraag en aanbod for ``manage.py seed_scale`` (benchmarks only).

Per factor: 2,000 listings by the synthetic residents of ``neighbourhoods.scale``
(most listed, the rest closed or expired) and 5,000 messages in 2,000 conversations.
Deterministic (a seeded random generator), written with bulk_create.
"""

import datetime as dt
import random

from django.utils import timezone

from neighbourhoods.scale import EMAIL_DOMAIN, scale_buurten, scale_residents

from .models import Category, Conversation, Listing, Message

LISTINGS_PER_FACTOR = 2000
CONVERSATIONS_PER_FACTOR = 2000
MESSAGES_PER_FACTOR = 5000
WORDS = [
    "fiets",
    "ladder",
    "tuin",
    "boodschappen",
    "taal",
    "koken",
    "computer",
    "klus",
    "oppas",
    "wandelen",
    "boormachine",
    "naaimachine",
    "verhuizen",
    "schilderen",
    "bakken",
    "lezen",
    "muziek",
]
STATUSES = [Listing.Status.OPEN] * 6 + [Listing.Status.IN_CONTACT] * 2
STATUSES += [Listing.Status.DONE, Listing.Status.WITHDRAWN, Listing.Status.EXPIRED]


def _synthetic():
    return Listing.objects.filter(owner__email__endswith=f"@{EMAIL_DOMAIN}")


def reset(*, out) -> None:
    deleted, _by_model = _synthetic().delete()
    out.write(f"Synthetic exchange listings removed ({deleted} rows).")


def seed(*, factor: float, out) -> None:
    if _synthetic().exists():
        out.write("Synthetic exchange listings already exist; use --reset to make them again.")
        return
    residents = scale_residents()
    categories = list(Category.objects.filter(is_care=False, is_active=True))
    if not residents or not categories:
        out.write("No synthetic residents or categories; exchange listings skipped.")
        return
    rng = random.Random(20261202)
    buurten = scale_buurten(out)
    now = timezone.now()
    listings = []
    for _n in range(max(1, round(LISTINGS_PER_FACTOR * factor))):
        status = rng.choice(STATUSES)
        created = now - dt.timedelta(days=rng.uniform(0, 120))
        expires = created + dt.timedelta(weeks=8)
        if status == Listing.Status.EXPIRED:
            expires = min(expires, now - dt.timedelta(days=1))
        elif status in (Listing.Status.OPEN, Listing.Status.IN_CONTACT):
            expires = max(expires, now + dt.timedelta(days=rng.randint(1, 50)))
        words = rng.sample(WORDS, 3)
        listings.append(
            Listing(
                owner_id=rng.choice(residents),
                direction=rng.choice(Listing.Direction.values),
                kind=rng.choice([Listing.Kind.HELP, Listing.Kind.SKILL, Listing.Kind.LEND]),
                title=" ".join(words).capitalize(),
                description="Synthetische vraag of aanbod: " + " ".join(rng.sample(WORDS, 8)),
                category=rng.choice(categories),
                neighbourhood=rng.choice(buurten),
                status=status,
                expires_at=expires,
            )
        )
    listings = Listing.objects.bulk_create(listings, batch_size=2000)
    created_at = {listing.pk: now - dt.timedelta(days=rng.uniform(0, 120)) for listing in listings}
    Listing.objects.bulk_update(
        [setattr(x, "created_at", created_at[x.pk]) or x for x in listings],
        ["created_at"],
        batch_size=2000,
    )
    pairs = set()
    target = round(CONVERSATIONS_PER_FACTOR * factor)
    while len(pairs) < target:
        listing = rng.choice(listings)
        replier = rng.choice(residents)
        if replier != listing.owner_id:
            pairs.add((listing.pk, listing.owner_id, replier))
    conversations = Conversation.objects.bulk_create(
        [Conversation(listing_id=lp, replier_id=r, last_message_at=now) for lp, _o, r in pairs],
        batch_size=2000,
    )
    owners = {(lp, r): o for lp, o, r in pairs}
    messages = []
    for _n in range(round(MESSAGES_PER_FACTOR * factor)):
        conversation = rng.choice(conversations)
        owner = owners[(conversation.listing_id, conversation.replier_id)]
        sender = rng.choice([owner, conversation.replier_id])
        messages.append(
            Message(conversation=conversation, sender_id=sender, body="Synthetisch bericht.")
        )
    Message.objects.bulk_create(messages, batch_size=5000)
    out.write(
        f"Synthetic exchange: {len(listings)} listings, {len(conversations)} conversations, "
        f"{len(messages)} messages."
    )
