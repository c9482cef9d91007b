"""The shape of an HSDS JSON document, checked before anything is written."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

HERKOMST_FIELDS = ("bron", "laatst_gecontroleerd", "voorbeeld")
# The service's own fields, without its id, origin and nested parts.
SERVICE_FIELDS = (
    "organization_id", "name", "description", "description_fy", "url", "email", "status",
    "application_process", "fees_description", "eligibility_description", "toegang_type",
    "doelgroepen", "clientondersteuning", "onafhankelijk",
)

ToegangType = Literal["algemeen", "maatwerk", "andere_wet", "informatie"]
_DAY = "(MO|TU|WE|TH|FR|SA|SU)"
Status = Literal["active", "inactive", "defunct", "temporarily closed"]


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore")
    bron: str | None = None
    laatst_gecontroleerd: dt.date | None = None
    voorbeeld: bool | None = None


class PhoneIn(Record):
    number: str = Field(min_length=3, max_length=40)
    type: str = "voice"
    description: str | None = None


class AddressIn(Record):
    address_1: str = Field(min_length=1)
    postal_code: str | None = Field(default=None, pattern=r"^[1-9][0-9]{3}( ?[A-Za-z]{2})?$")
    city: str = Field(min_length=1)
    country: str = "NL"
    address_type: str = "physical"


class AccessibilityIn(Record):
    description: str = Field(min_length=1)


class LocationIn(Record):
    id: str = Field(min_length=1, max_length=200)
    name: str | None = None
    description: str | None = None
    location_type: str = "physical"
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    addresses: list[AddressIn] = []
    accessibility: list[AccessibilityIn] = []


class ServiceAtLocationIn(Record):
    id: str = Field(min_length=1, max_length=200)
    location: LocationIn


class ScheduleIn(Record):
    freq: str = "WEEKLY"
    byday: str | None = Field(default=None, pattern=rf"^{_DAY}(,{_DAY})*$")
    opens_at: str | None = Field(default=None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    closes_at: str | None = Field(default=None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    description: str | None = None


class CostOptionIn(Record):
    # An amount is only meaningful with the date it applies from and where it comes from.
    valid_from: dt.date
    valid_to: dt.date | None = None
    option: str
    currency: str = "EUR"
    amount: float = Field(ge=0)
    amount_description: str | None = None
    bron: str = Field(min_length=1)


class AttributeIn(BaseModel):
    taxonomy_term_id: str


class ServiceAreaIn(BaseModel):
    gemeente_code: str = Field(pattern=r"^GM[0-9]{4}$")


class LanguageIn(BaseModel):
    code: Literal["nl", "fy"]


class ServiceIn(Record):
    id: str = Field(min_length=1, max_length=200)
    organization_id: str = Field(min_length=1)
    name: str = Field(min_length=1, max_length=300)
    description: str | None = None
    description_fy: str | None = None
    url: str | None = None
    email: str | None = None
    status: Status = "active"
    application_process: str | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    toegang_type: ToegangType
    doelgroepen: list[str] = []
    clientondersteuning: bool = False
    onafhankelijk: bool | None = None
    attributes: list[AttributeIn] = []
    service_areas: list[ServiceAreaIn] = Field(min_length=1)
    languages: list[LanguageIn] = []
    phones: list[PhoneIn] = []
    schedules: list[ScheduleIn] = []
    cost_options: list[CostOptionIn] = []
    service_at_locations: list[ServiceAtLocationIn] = []


class OrganizationIn(Record):
    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=300)
    description: str | None = None
    email: str | None = None
    website: str | None = None
    phones: list[PhoneIn] = []


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    bron: str = Field(min_length=1)
    laatst_gecontroleerd: dt.date
    voorbeeld: bool = False
    organizations: list[OrganizationIn] = []
    services: list[ServiceIn] = []
