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
