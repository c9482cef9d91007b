"""Meldingen: a resident's formal request for Wmo support, which starts the gemeente's legal
clock (a persoonlijk plan within 7 days, the onderzoek within 6 weeks).

Only what the melding needs is stored: never a BSN, never medical details. After the retention
period the personal fields are emptied (see sociale_kaart/onderhoud.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError
from sqlalchemy import String
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

from sociale_kaart.models.invoer import normaliseer_email, normaliseer_telefoon, schone_tekst
from sociale_kaart.models.tijd import UTCDateTime, lokale_datum, utc_now

Status = Literal["nieuw", "in_behandeling", "afgerond"]
VoorWie = Literal["zelf", "ander"]
Antwoord = Literal["ja", "nee", "weet_niet"]
Taal = Literal["nl", "fy"]

PERSOONLIJK_PLAN_DAGEN = 7
ONDERZOEK_WEKEN = 6


class MeldingBase(SQLModel):
    gemeente_code: str = Field(foreign_key="gemeente.code", index=True, max_length=10,
                               description="CBS-code van de gemeente, bijvoorbeeld GM0090")
    voor_wie: VoorWie = Field(sa_type=String(5),
                              description="'zelf', of 'ander' als iemand meldt voor een naaste")
    toestemming_ander: bool = Field(
        default=False, description="Bij 'ander': de ander vindt het goed dat u meldt")
    naam: str = Field(max_length=200, description="Naam van wie de melding doet")
    naam_ander: str | None = Field(
        default=None, max_length=200,
        description="Bij 'ander': naam van de persoon om wie het gaat")
    telefoon: str | None = Field(default=None, max_length=40,
                                 description="Nederlands nummer; wordt 0612345678")
    email: str | None = Field(default=None, max_length=254)
    woonplaats: str = Field(max_length=100)
    vraag: str = Field(max_length=500, description="De vraag in eigen woorden")
    belmoment: str | None = Field(default=None, max_length=100,
                                  description="Wanneer bellen het beste uitkomt")
    clientondersteuning: Antwoord = Field(sa_type=String(9),
                                          description="Wil de inwoner een cliëntondersteuner?")
    mantelzorger: Antwoord = Field(sa_type=String(9), description="Is er een mantelzorger?")
    toestemming_versturen: bool = Field(description="Toestemming om de melding te versturen")
    taal: Taal = Field(default="nl", sa_type=String(2))


class MeldingCreate(MeldingBase):
    """What the action server sends. Checks every field and gives B1 Dutch errors."""

    # Check defaults too: leaving out toestemming_ander is refusing it.
    model_config = SQLModelConfig(validate_default=True)

    @field_validator("gemeente_code")
    @classmethod
    def _gemeente_code(cls, value: str) -> str:
        return schone_tekst(value).upper()

    @field_validator("naam", "woonplaats", "vraag")
    @classmethod
    def _verplichte_tekst(cls, value: str, info: ValidationInfo) -> str:
        value = schone_tekst(value, regels=info.field_name == "vraag")
        if not value:
            raise PydanticCustomError("leeg", _LEEG[str(info.field_name)])
        return value

    @field_validator("belmoment")
    @classmethod
    def _belmoment(cls, value: str | None) -> str | None:
        return (schone_tekst(value) or None) if value is not None else None

    @field_validator("naam_ander")
    @classmethod
    def _naam_ander(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = (schone_tekst(value) or None) if value is not None else None
        if info.data.get("voor_wie") == "ander" and not value:
            raise PydanticCustomError("leeg", "Vul de naam in van de persoon om wie het gaat.")
        return value if info.data.get("voor_wie") == "ander" else None

    @field_validator("telefoon")
    @classmethod
    def _telefoon(cls, value: str | None) -> str | None:
        value = schone_tekst(value) if value is not None else None
        return normaliseer_telefoon(value) if value else None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        value = schone_tekst(value) if value is not None else None
        return normaliseer_email(value) if value else None

    @field_validator("toestemming_ander")
    @classmethod
    def _toestemming_ander(cls, value: bool, info: ValidationInfo) -> bool:
        voor_wie = info.data.get("voor_wie")
        if voor_wie == "ander" and not value:
            raise PydanticCustomError("toestemming_ander", (
                "Vraag eerst of de ander het goed vindt dat u deze melding doet."
                " Zonder die toestemming kunnen we de melding niet versturen."))
        return value and voor_wie == "ander"

    @field_validator("toestemming_versturen")
    @classmethod
    def _toestemming_versturen(cls, value: bool) -> bool:
        if not value:
            raise PydanticCustomError("toestemming_versturen", (
                "Zonder uw toestemming kunnen we de melding niet naar de gemeente sturen."))
        return value

    @model_validator(mode="after")
    def _bereikbaar(self) -> MeldingCreate:
        if not self.telefoon and not self.email:
            raise PydanticCustomError("geen_contact", (
                "Vul een telefoonnummer of een e-mailadres in. Dan kan het team u bereiken."))
        return self


_LEEG = {
    "naam": "Vul uw naam in.",
    "woonplaats": "Vul uw woonplaats in.",
    "vraag": "Schrijf uw vraag op in uw eigen woorden.",
}


class MeldingUpdate(SQLModel):
    status: Status


class Melding(MeldingBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    # Made from the id after the insert, so it is unique also when requests come in together.
    nummer: str | None = Field(default=None, unique=True, max_length=20)
    idempotency_key: str = Field(unique=True, max_length=100)
    team_naam: str = Field(max_length=200)
    team_telefoon: str = Field(max_length=40)
    status: Status = Field(default="nieuw", sa_type=String(20), index=True)
    aangemaakt_op: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, index=True)
    gewijzigd_op: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    geanonimiseerd: bool = False


class MeldingPublic(MeldingBase):
    nummer: str
    team_naam: str
    team_telefoon: str
    status: Status
    aangemaakt_op: dt.datetime
    gewijzigd_op: dt.datetime
    geanonimiseerd: bool


class MeldingBevestiging(MeldingPublic):
    """The answer to a new melding: the melding and the dates of the legal clock."""

    persoonlijk_plan_tot: dt.date = Field(
        description="Tot deze datum kan de inwoner een persoonlijk plan inleveren (7 dagen)")
    onderzoek_klaar_voor: dt.date = Field(
        description="Voor deze datum is het gesprek en onderzoek klaar (6 weken)")

    @classmethod
    def van(cls, melding: Melding) -> MeldingBevestiging:
        dag = lokale_datum(melding.aangemaakt_op)
        return cls.model_validate({
            **MeldingPublic.model_validate(melding).model_dump(),
            "persoonlijk_plan_tot": dag + dt.timedelta(days=PERSOONLIJK_PLAN_DAGEN),
            "onderzoek_klaar_voor": dag + dt.timedelta(weeks=ONDERZOEK_WEKEN),
        })
