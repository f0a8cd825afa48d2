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


class OpeningHours(Schema):
    weekday: int = Field(description="0 is Monday.")
    opens: dt.time
    closes: dt.time


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
