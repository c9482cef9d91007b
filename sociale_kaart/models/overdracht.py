"""Overdrachten: a conversation the bot hands to a KCC medewerker, live (chat) or as a
call-back request (terugbellen, outside the KCC's opening hours).

Only what the medewerker needs to take over is stored: the bot's short summary (already
redacted by the bot), the topic, what the bot already offered. The transcript is not copied
here; the console reads it live from Rasa's tracker store. After the retention period the
fields that could tell who the resident is are emptied (sociale_kaart/onderhoud.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError
from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

from sociale_kaart.models.invoer import normaliseer_telefoon, schone_tekst
from sociale_kaart.models.tijd import UTCDateTime, utc_now

Soort = Literal["chat", "terugbellen"]
Urgentie = Literal["normaal", "hoog", "crisis"]
OverdrachtStatus = Literal["wachtend", "in_behandeling", "teruggegeven", "afgesloten"]
Uitkomst = Literal["beantwoord", "doorverwezen", "melding_nodig", "terugbellen", "geen_reactie"]
Taal = Literal["nl", "fy"]
OPEN: tuple[OverdrachtStatus, ...] = ("wachtend", "in_behandeling")

MAX_AANGEBODEN = 10
Aanbod = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class OverdrachtBase(SQLModel):
    gesprek_id: str = Field(max_length=100, index=True,
                            description="De sender id van het gesprek in Rasa")
    soort: Soort = Field(sa_type=String(12),
                         description="'chat' (live) of 'terugbellen' (buiten openingstijden)")
    gemeente_code: str | None = Field(default=None, foreign_key="gemeente.code", index=True,
                                      max_length=10)
    onderwerp: str | None = Field(default=None, max_length=100,
                                  description="Bijvoorbeeld 'hulp bij het huishouden'")
    urgentie: Urgentie = Field(default="normaal", sa_type=String(7))
    samenvatting: str | None = Field(default=None, max_length=300,
                                     description="De samenvatting van de bot, zonder BSN")
    aangeboden: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False),
        description="Wat de bot al heeft aangeboden (hoogstens 10)")
    taal: Taal = Field(default="nl", sa_type=String(2))
    telefoon: str | None = Field(default=None, max_length=40,
                                 description="Voor terugbellen; wordt 0612345678")
    belmoment: str | None = Field(default=None, max_length=100)


class OverdrachtCreate(OverdrachtBase):
    """What the action server sends. Unknown fields are refused, every field is checked."""

    model_config = SQLModelConfig(extra="forbid")

    aangeboden: list[Aanbod] = Field(default_factory=list, max_length=MAX_AANGEBODEN)

    @field_validator("gesprek_id")
    @classmethod
    def _gesprek_id(cls, value: str) -> str:
        value = schone_tekst(value)
        if not value:
            raise PydanticCustomError("leeg", "Stuur de id van het gesprek mee.")
        return value

    @field_validator("gemeente_code")
    @classmethod
    def _gemeente_code(cls, value: str | None) -> str | None:
        return (schone_tekst(value).upper() or None) if value is not None else None

    @field_validator("onderwerp", "samenvatting", "belmoment")
    @classmethod
    def _tekst(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        return schone_tekst(value, regels=info.field_name == "samenvatting") or None

    @field_validator("aangeboden")
    @classmethod
    def _aangeboden(cls, value: list[str]) -> list[str]:
        return [tekst for tekst in (schone_tekst(item) for item in value) if tekst]

    @field_validator("telefoon")
    @classmethod
    def _telefoon(cls, value: str | None) -> str | None:
        value = schone_tekst(value) if value is not None else None
        return normaliseer_telefoon(value) if value else None

    @model_validator(mode="after")
    def _terugbellen_met_nummer(self) -> OverdrachtCreate:
        # A call-back request without a number is one nobody can carry out.
        if self.soort == "terugbellen" and not self.telefoon:
            raise PydanticCustomError("geen_telefoon", (
                "Vul een telefoonnummer in. Dan kan een medewerker u terugbellen."))
        return self


class Overdracht(OverdrachtBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    # The gesprek_id while the overdracht is open, else empty. Unique, so a second request
    # for the same open conversation can never make a second row, also not at the same moment.
    open_gesprek_id: str | None = Field(default=None, max_length=100, unique=True)
    status: OverdrachtStatus = Field(default="wachtend", sa_type=String(20), index=True)
    # Who took it: the gebruikersnaam (as in the audit log) and the name shown to colleagues.
    medewerker: str | None = Field(default=None, max_length=100)
    medewerker_naam: str | None = Field(default=None, max_length=200)
    uitkomst: Uitkomst | None = Field(default=None, sa_type=String(20))
    aangemaakt_op: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, index=True)
    opgepakt_op: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    afgerond_op: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    gewijzigd_op: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    geanonimiseerd: bool = False


class OverdrachtBevestiging(SQLModel):
    """The answer to the action server: enough to tell the resident what happens next."""

    id: int
    status: OverdrachtStatus
    soort: Soort
    gesprek_id: str
    aangemaakt_op: dt.datetime


class InWachtrij(SQLModel):
    id: int
    status: OverdrachtStatus
    soort: Soort
    taal: Taal
    urgentie: Urgentie
    onderwerp: str | None
    gemeente_code: str | None
    gemeente_naam: str | None
    aangemaakt_op: dt.datetime
    wachttijd_seconden: int = Field(
        description="Hoe lang de inwoner wacht of wachtte tot iemand het gesprek oppakte")
    medewerker_naam: str | None = Field(description="Wie het gesprek heeft opgepakt")
    van_mij: bool = Field(description="Of de medewerker die vraagt het heeft opgepakt")


class TranscriptRegel(SQLModel):
    wie: Literal["inwoner", "bot", "medewerker", "systeem"]
    tekst: str
    tijd: dt.datetime | None = None
    naam: str | None = Field(default=None, description="Bij 'medewerker': de voornaam")
    knoppen: list[str] = Field(default_factory=list,
                               description="De knoppen die de bot bij dit bericht liet zien")


class OverdrachtDetail(InWachtrij):
    samenvatting: str | None
    aangeboden: list[str]
    telefoon: str | None
    belmoment: str | None
    uitkomst: Uitkomst | None
    opgepakt_op: dt.datetime | None
    afgerond_op: dt.datetime | None
    geanonimiseerd: bool
    transcript: list[TranscriptRegel] | None = Field(
        description="Het gesprek, live uit Rasa; null als Rasa niet bereikbaar is")
    melding: str | None = Field(default=None,
                                description="Een bericht voor de medewerker, bijvoorbeeld "
                                            "dat het gesprek nu niet te lezen is")


class Bericht(SQLModel):
    tekst: str = Field(min_length=1, max_length=2000)

    @field_validator("tekst")
    @classmethod
    def _tekst(cls, value: str) -> str:
        value = schone_tekst(value, regels=True)
        if not value:
            raise PydanticCustomError("leeg", "Typ eerst een bericht.")
        return value


class Afsluiten(SQLModel):
    uitkomst: Uitkomst


class Actie(SQLModel):
    """The answer to taking, handing back and closing: the overdracht as it is now, and a
    warning when Rasa did the main step but could not tell the resident."""

    overdracht: InWachtrij
    waarschuwing: str | None = None
