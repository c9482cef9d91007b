"""Staff: medewerkers, their login sessions and the audit log of what they did.

A session row keeps only a hash of the session token, so a copy of the database lets no one
log in. The audit log names the medewerker by gebruikersnaam, so it survives their removal.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import field_validator
from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from sociale_kaart.models.invoer import schone_tekst
from sociale_kaart.models.tijd import UTCDateTime, utc_now

Rol = Literal["kcc", "team", "admin"]
ROLLEN: tuple[Rol, ...] = ("kcc", "team", "admin")


class MedewerkerBase(SQLModel):
    gebruikersnaam: str = Field(unique=True, max_length=100, description="In kleine letters")
    naam: str = Field(max_length=200)
    rol: Rol = Field(sa_type=String(10))


class Medewerker(MedewerkerBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    wachtwoord_hash: str = Field(max_length=300)
    # CBS-codes of the gemeenten this person may see; an admin sees all.
    gemeenten: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    mislukte_pogingen: int = 0
    geblokkeerd_tot: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class MedewerkerPublic(MedewerkerBase):
    gemeenten: list[str]


class LoginVerzoek(SQLModel):
    gebruikersnaam: str = Field(min_length=1, max_length=100)
    wachtwoord: str = Field(min_length=1, max_length=1024)

    @field_validator("gebruikersnaam")
    @classmethod
    def _gebruikersnaam(cls, value: str) -> str:
        return schone_tekst(value).lower()


class Ingelogd(MedewerkerPublic):
    """The answer to a login and to /staff/me: who is logged in, and the CSRF token to send
    as X-CSRF-Token with every change."""

    csrf_token: str


class Sessie(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    csrf_token: str = Field(max_length=100)
    medewerker_id: int = Field(foreign_key="medewerker.id", index=True)
    aangemaakt_op: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    laatst_gezien_op: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    # The absolute end (aangemaakt_op + the maximum session length); idle time comes on top.
    verloopt_op: dt.datetime = Field(sa_type=UTCDateTime, index=True)


AuditActie = Literal[
    "inloggen", "inloggen_mislukt", "uitloggen",
    "meldingen_lijst", "melding_bekijken", "status_wijzigen", "meldingen_export",
    # The KCC console (sociale_kaart/api/routes/kcc.py); details name the overdracht.
    "overdracht_bekijken", "overdracht_oppakken", "overdracht_bericht",
    "overdracht_teruggeven", "overdracht_afsluiten",
]


class AuditBase(SQLModel):
    tijdstip: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, index=True)
    gebruikersnaam: str | None = Field(default=None, max_length=100)
    actie: AuditActie = Field(sa_type=String(30))
    melding_nummer: str | None = Field(default=None, max_length=20, index=True)
    ip: str | None = Field(default=None, max_length=100)
    details: str | None = Field(default=None, max_length=200)


class AuditLog(AuditBase, table=True):
    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)


class AuditLogPublic(AuditBase):
    id: int
