import datetime as dt
from decimal import Decimal

import factory

from tests.neighbourhoods.factories import WijkFactory
from venues.models import OpeningHours, Room, Venue


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    slug = factory.Sequence(lambda n: f"buurthuis-{n}")
    neighbourhood = factory.SubFactory(WijkFactory)
    address = factory.Sequence(lambda n: f"Dorpsstraat {n}, Assen")
    owner_kind = Venue.OwnerKind.FOUNDATION
    latitude = 52.99
    longitude = 6.56

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if create and extracted:
            self.managers.set(extracted)

    @factory.post_generation
    def open_daily(self, create, extracted, **kwargs):
        """Open every day from 08:00 to 23:00 unless ``open_daily=False``."""
        if create and extracted is not False:
            OpeningHours.objects.bulk_create(
                OpeningHours(venue=self, weekday=d, opens=dt.time(8), closes=dt.time(23))
                for d in range(7)
            )


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Zaal {n}")
    capacity = 30
    kitchen = True
    rate_initiative = Decimal("5.00")
    rate_non_profit = Decimal("12.50")
    rate_commercial = Decimal("40.00")
