"""Categories, listings, conversations and messages of Vraag en aanbod."""

import datetime as dt

import factory
from django.utils import timezone

from exchange.models import Category, Conversation, Listing, Message
from tests.accounts.factories import UserFactory
from tests.neighbourhoods.factories import BuurtFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    is_care = False


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    owner = factory.SubFactory(UserFactory)
    direction = Listing.Direction.OFFER
    kind = Listing.Kind.HELP
    title = factory.Sequence(lambda n: f"Aanbod {n}")
    description = "Ik help je graag met je fiets."
    category = factory.SubFactory(CategoryFactory)
    neighbourhood = factory.SubFactory(BuurtFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(weeks=8))


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    listing = factory.SubFactory(ListingFactory)
    replier = factory.SubFactory(UserFactory)
    last_message_at = factory.LazyFunction(timezone.now)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    sender = factory.LazyAttribute(lambda m: m.conversation.replier)
    body = "Hallo, is het nog nodig?"


def confirmed_match(conversation):
    """A match both sides confirmed (as ``exchange.reciprocity.match_press`` leaves it)."""
    from exchange.matches import Match

    return Match.objects.create(
        conversation=conversation,
        proposed_by=conversation.replier,
        confirmed_at=timezone.now(),
    )


class CreditTransferFactory(factory.django.DjangoModelFactory):
    """Hours the replier gave the owner; ``confirmed=True`` writes both movements."""

    class Meta:
        model = "exchange.CreditTransfer"
        skip_postgeneration_save = True

    class Params:
        confirmed = False

    conversation = factory.SubFactory(ConversationFactory)
    giver = factory.LazyAttribute(lambda t: t.conversation.replier)
    receiver = factory.LazyAttribute(lambda t: t.conversation.listing.owner)
    recorded_by = factory.LazyAttribute(lambda t: t.giver)
    hours = 1
    confirmed_at = factory.LazyAttribute(lambda t: timezone.now() if t.confirmed else None)

    @factory.post_generation
    def movements(obj, create, extracted, **kwargs):
        if create and obj.confirmed_at is not None:
            from exchange.matches import CreditMovement

            CreditMovement.objects.create(transfer=obj, person=obj.giver, hours=obj.hours)
            CreditMovement.objects.create(transfer=obj, person=obj.receiver, hours=-obj.hours)


class ReportFactory(factory.django.DjangoModelFactory):
    """An open report of a listing (pass ``message=`` and ``listing=None`` for a message)."""

    class Meta:
        model = "exchange.Report"

    reporter = factory.SubFactory(UserFactory)
    reason = "spam"
    listing = factory.SubFactory(ListingFactory)
    message = None


def image_upload(name: str = "ladder.jpg", *, size=(800, 600), exif=None):
    """A JPEG as a browser uploads it (``exif``: Pillow's Exif to write into it)."""
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = BytesIO()
    image = Image.new("RGB", size, (60, 140, 90))
    image.save(out, format="JPEG", **({"exif": exif} if exif is not None else {}))
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")
