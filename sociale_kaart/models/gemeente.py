"""Tables of the sociale kaart: gemeenten, their places and postcodes, and their access point.

Every record says where it came from, when it was last checked and whether it is example data,
because a resident must be able to see how fresh an answer is.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class Herkomst(SQLModel):
    bron: str
    laatst_gecontroleerd: dt.date
    voorbeeld: bool = True


class GemeenteBase(SQLModel):
    code: str = Field(primary_key=True, description="CBS-code, bijvoorbeeld GM0090")
    naam: str
    naam_fy: str
    website: str | None = None


class Gemeente(GemeenteBase, Herkomst, table=True):
    pass


class GemeentePublic(GemeenteBase, Herkomst):
    pass


class Woonplaats(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    naam: str = Field(index=True)
    naam_fy: str | None = None
    gemeente_code: str = Field(foreign_key="gemeente.code", index=True)
    latitude: float | None = None
    longitude: float | None = None


class Postcodegebied(SQLModel, table=True):
    pc4: int = Field(primary_key=True)
    woonplaats_id: int = Field(foreign_key="woonplaats.id", index=True)


class ToegangBase(SQLModel):
    gemeente_code: str = Field(primary_key=True, foreign_key="gemeente.code")
    team_naam: str
    telefoon: str
    email: str | None = None
    website: str | None = None
    adres: str | None = None
    inloop: str | None = Field(default=None, description="Inloop of huisbezoek, in het Nederlands")
    inloop_fy: str | None = Field(default=None, description="Inloop of huisbezoek, in het Fries")
    huisbezoek: bool = True
    kcc_open: str | None = Field(default=None, description="Wanneer het KCC bereikbaar is")


class Toegang(ToegangBase, Herkomst, table=True):
    pass


class ToegangPublic(ToegangBase, Herkomst):
    gemeente_naam: str
    gemeente_naam_fy: str


class ResolveResult(SQLModel):
    gemeente: GemeentePublic
    match: str = Field(description="Het woord of de postcode die herkend is")
    match_type: str = Field(description="gemeente, woonplaats, postcode of ongeveer")
    woonplaats: str | None = None
    zekerheid: float = Field(ge=0, le=1, description="Hoe zeker de herkenning is (0-1)")
