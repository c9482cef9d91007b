"""Open Referral HSDS 3 tables, with the extensions Dutch gemeenten need.

Field names follow HSDS 3 where it has one; extensions carry Dutch names (see
docs/sociale-kaart-data.md). Ids of the main records are strings chosen by the source, so an
import can be repeated without creating duplicates.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from sociale_kaart.models.gemeente import Herkomst

TOEGANG_TYPES = ("algemeen", "maatwerk", "andere_wet", "informatie")
STATUSES = ("active", "inactive", "defunct", "temporarily closed")


class Organization(Herkomst, table=True):
    id: str = Field(primary_key=True)
    name: str
    description: str | None = None
    email: str | None = None
    website: str | None = None


class Service(Herkomst, table=True):
    id: str = Field(primary_key=True)
    organization_id: str = Field(foreign_key="organization.id", index=True)
    name: str
    description: str | None = None
    description_fy: str | None = None
    url: str | None = None
    email: str | None = None
    status: str = "active"
    application_process: str | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    toegang_type: str = Field(index=True)
    doelgroepen: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    clientondersteuning: bool = False
    onafhankelijk: bool | None = None
    # Fingerprint of the imported record: an identical re-import writes nothing.
    import_hash: str | None = None


class Location(Herkomst, table=True):
    id: str = Field(primary_key=True)
    name: str | None = None
    description: str | None = None
    location_type: str = "physical"
    latitude: float | None = None
    longitude: float | None = None


class Address(Herkomst, table=True):
    id: int | None = Field(default=None, primary_key=True)
    location_id: str = Field(foreign_key="location.id", index=True)
    address_1: str
    postal_code: str | None = None
    city: str
    country: str = "NL"
    address_type: str = "physical"


class Accessibility(Herkomst, table=True):
    id: int | None = Field(default=None, primary_key=True)
    location_id: str = Field(foreign_key="location.id", index=True)
    description: str


class ServiceAtLocation(Herkomst, table=True):
    __tablename__ = "service_at_location"
    id: str = Field(primary_key=True)
    service_id: str = Field(foreign_key="service.id", index=True)
    location_id: str = Field(foreign_key="location.id", index=True)


class Phone(Herkomst, table=True):
    id: int | None = Field(default=None, primary_key=True)
    service_id: str | None = Field(default=None, foreign_key="service.id", index=True)
    organization_id: str | None = Field(default=None, foreign_key="organization.id", index=True)
    number: str
    type: str = "voice"
    description: str | None = None


class Schedule(Herkomst, table=True):
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(foreign_key="service.id", index=True)
    freq: str = "WEEKLY"
    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    description: str | None = None


class Language(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(foreign_key="service.id", index=True)
    code: str


class CostOption(Herkomst, table=True):
    __tablename__ = "cost_option"
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(foreign_key="service.id", index=True)
    valid_from: dt.date
    valid_to: dt.date | None = None
    option: str
    currency: str = "EUR"
    amount: float
    amount_description: str | None = None


class BedragPublic(Herkomst):
    """A dated amount a resident may pay for a maatwerk service, as the gemeente published it."""

    dienst: str
    option: str
    currency: str
    amount: float
    amount_description: str | None = None
    valid_from: dt.date
    valid_to: dt.date | None = None


class ServiceArea(SQLModel, table=True):
    __tablename__ = "service_area"
    id: int | None = Field(default=None, primary_key=True)
    service_id: str = Field(foreign_key="service.id", index=True)
    gemeente_code: str = Field(foreign_key="gemeente.code", index=True)


class TaxonomyTerm(SQLModel, table=True):
    __tablename__ = "taxonomy_term"
    id: str = Field(primary_key=True)
    code: str
    name: str
    name_fy: str
    description: str | None = None
    parent_id: str | None = Field(default=None, foreign_key="taxonomy_term.id")
    taxonomy: str = "wmo-wegwijzer"


class TaxonomySynonym(SQLModel, table=True):
    __tablename__ = "taxonomy_synonym"
    id: int | None = Field(default=None, primary_key=True)
    term_id: str = Field(foreign_key="taxonomy_term.id", index=True)
    taal: str
    tekst: str


class Attribute(SQLModel, table=True):
    """HSDS 3 link between a record and a taxonomy term; here always a service."""

    id: int | None = Field(default=None, primary_key=True)
    link_id: str = Field(foreign_key="service.id", index=True)
    link_type: str = "service"
    taxonomy_term_id: str = Field(foreign_key="taxonomy_term.id", index=True)


class KaartVersie(SQLModel, table=True):
    """One row whose number goes up with every change, so search indexes know to rebuild."""

    __tablename__ = "kaart_versie"
    id: int = Field(default=1, primary_key=True)
    versie: int = 0
