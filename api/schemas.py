"""The shapes of the API's answers (pydantic, through django-ninja); the OpenAPI
description is generated from them. Only public fields exist here: no e-mail
address, phone number, person's address or help request is part of any shape."""

import datetime as dt

from ninja import Field, Schema


class Link(Schema):
    href: str


class Page(Schema):
    links: dict[str, Link] = Field(
        alias="_links", description="self, first, last, and prev and next where they exist."
    )
    total: int = Field(description="Items in the whole list (all pages).")
    page: int
    page_size: int
    pages: int


class InvalidParam(Schema):
    name: str
    code: str
    reason: str


class Problem(Schema):
    """An error (RFC 9457), sent as ``application/problem+json``."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str
    invalid_params: list[InvalidParam] | None = Field(None, alias="invalidParams")


class Area(Schema):
    code: str = Field(description="CBS code (WK0106xx for a wijk, BU0106xxxx for a buurt).")
    name: str
    slug: str


class Photo(Schema):
    url: str
    thumbnail_url: str
    description: str


class InitiativeRef(Schema):
    id: int
    title: str


class OrganisationRef(Schema):
    slug: str
    name: str


class Initiative(Schema):
    id: int
    title: str
    summary: str
    description: str
    theme: str
    status: str = Field(description="running or completed")
    neighbourhood: Area
    latitude: float | None
    longitude: float | None
    start_date: dt.date
    end_date: dt.date | None
    needs: list[str]
    supporter_count: int
    organisers: list[str] = Field(
        description="The public names the organisers chose (as on the initiative's page)."
    )
    photos: list[Photo]
    published_at: dt.datetime | None
    url: str = Field(description="The initiative's page on the site.")


class InitiativeList(Page):
    embedded: dict[str, list[Initiative]] = Field(alias="_embedded")


class Shift(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime
    places: int
    places_left: int


class Task(Schema):
    id: int
    title: str
    description: str
    kind: str
    theme: str
    neighbourhood: Area
    latitude: float | None
    longitude: float | None
    initiative: InitiativeRef | None
    organisation: OrganisationRef | None
    requires_vog: bool
    min_age: int | None
    is_recurring: bool
    published_at: dt.datetime | None
    places_left: int = Field(description="Free places in all shifts still to come.")
    shifts: list[Shift] = Field(description="The shifts still to come.")
    url: str


class TaskList(Page):
    embedded: dict[str, list[Task]] = Field(alias="_embedded")


class Room(Schema):
    name: str
    capacity: int
    description: str
    facilities: list[str]


LOCAL_TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"


class Hours(Schema):
    """Opening hours as the clock in Assen shows them (HH:MM:SS, no offset)."""

    opens: str = Field(pattern=LOCAL_TIME)
    closes: str = Field(pattern=LOCAL_TIME)


class OpeningHours(Hours):
    weekday: int = Field(description="0 is Monday.")


class Venue(Schema):
    slug: str
    name: str
    description: str
    address: str = Field(description="The building's address.")
    latitude: float | None
    longitude: float | None
    owner_kind: str
    neighbourhood: Area
    accessibility: list[str]
    rooms: list[Room]
    opening_hours: list[OpeningHours]
    url: str


class VenueList(Page):
    embedded: dict[str, list[Venue]] = Field(alias="_embedded")


class Organisation(Schema):
    slug: str
    name: str
    kind: str
    description: str
    address: str = Field(description="The organisation's visiting address, if it gave one.")
    latitude: float | None
    longitude: float | None
    website: str
    opening_hours: str
    neighbourhoods: list[Area] = Field(description="The wijken and buurten it serves.")
    url: str


class OrganisationList(Page):
    embedded: dict[str, list[Organisation]] = Field(alias="_embedded")


class AreaProperties(Schema):
    code: str
    name: str
    slug: str
    level: str = Field(description="wijk or buurt")
    wijk: str | None = Field(description="The wijk's code (for a buurt).")
    url: str


class Feature(Schema):
    type: str = "Feature"
    id: str
    geometry: dict | None = Field(description="GeoJSON geometry (WGS 84).")
    properties: AreaProperties


class FeatureCollection(Page):
    type: str = "FeatureCollection"
    features: list[Feature]


class CategoryRef(Schema):
    slug: str
    name: str


class Listing(Schema):
    id: int
    title: str
    description: str
    direction: str = Field(description="offer or request")
    kind: str = Field(description="help, skill, lend or paid")
    category: CategoryRef
    neighbourhood: Area
    organisation: OrganisationRef | None = Field(
        description="For a paid service: the approved organisation that offers it."
    )
    price: str | None = Field(description="For a paid service: its price, as the offer says.")
    created_at: dt.datetime
    expires_at: dt.datetime
    url: str = Field(description="The listing's page on the site.")


class ListingList(Page):
    embedded: dict[str, list[Listing]] = Field(alias="_embedded")


class VenueRef(Schema):
    slug: str
    name: str
    address: str


class ActivityPlace(Schema):
    kind: str = Field(description="room, address or online")
    venue: VenueRef | None = Field(description="For an activity in a room.")
    room: str | None = Field(description="The room's name.")
    address: str | None = Field(
        description=(
            "The address: of the building, or the one an organisation or building "
            "gave. None for an online activity (its link is only for who registered)."
        )
    )


class Organiser(Schema):
    kind: str = Field(description="initiative, organisation, venue or area_team")
    name: str


class Activity(Schema):
    id: int
    title: str
    description: str
    kind: str
    audience: str
    start: dt.datetime
    end: dt.datetime
    neighbourhood: Area
    place: ActivityPlace
    organiser: Organiser
    step_free: bool
    is_free: bool
    costs: str
    registration: str = Field(description="none, platform or elsewhere")
    places: int | None = Field(description="Places in all, if limited.")
    places_left: int | None = Field(description="Free places, if limited.")
    url: str


class ActivityList(Page):
    embedded: dict[str, list[Activity]] = Field(alias="_embedded")


class Busy(Schema):
    start: dt.datetime
    end: dt.datetime


class RoomDay(Schema):
    name: str
    busy: list[Busy] = Field(description="Booked stretches, without who booked or why.")


class OccupancyDay(Schema):
    date: dt.date
    closed: bool
    opening_hours: list[Hours]
    rooms: list[RoomDay]


class Occupancy(Schema):
    venue: VenueRef
    date_from: dt.date
    date_until: dt.date
    days: list[OccupancyDay]


SUPPRESSED = "A count below 5 is given as the text <5."


class Figures(Schema):
    initiatives: int | str = Field(description="Initiatives filed. " + SUPPRESSED)
    supports: int | str = Field(description="Support given to initiatives. " + SUPPRESSED)
    help_requests: int | str = Field(description="Help requests filed. " + SUPPRESSED)
    activities: int | str = Field(description="Activities held. " + SUPPRESSED)
    exchange_listings: int | str = Field(description="Listings placed. " + SUPPRESSED)
    exchange_replies: int | str = Field(description="Replies to listings. " + SUPPRESSED)
    exchange_matches: int | str = Field(description="Matches confirmed. " + SUPPRESSED)
    booked_hours: float = Field(description="Hours booked in community buildings.")


class WijkMonth(Schema):
    wijk: Area
    month: str = Field(description="YYYY-MM")
    figures: Figures


class WijkMonthList(Page):
    embedded: dict[str, list[WijkMonth]] = Field(alias="_embedded")
