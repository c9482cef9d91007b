"""Small helpers to build meldingen, medewerkers and logins in tests, and a clock to set."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import uuid4

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import Session

from sociale_kaart.api.routes.meldingen import maak_melding
from sociale_kaart.core.security import hash_wachtwoord
from sociale_kaart.models import Medewerker, Melding, MeldingCreate
from sociale_kaart.models.medewerker import Rol

from .conftest import MELDING_TOKEN

UTC = dt.timezone.utc
START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
WACHTWOORD = "lang-genoeg-wachtwoord"


class Klok:
    """A clock the test moves by hand: `klok.verder(minutes=31)`."""

    def __init__(self, nu: dt.datetime = START) -> None:
        self.nu = nu

    def __call__(self) -> dt.datetime:
        return self.nu

    def verder(self, **delta: float) -> dt.datetime:
        self.nu += dt.timedelta(**delta)
        return self.nu


def zet_klok(app: FastAPI, nu: dt.datetime = START) -> Klok:
    klok = Klok(nu)
    app.state.klok = klok
    return klok


def melding_velden(**anders: Any) -> dict[str, Any]:
    """A complete, valid melding body; change a field with a keyword."""
    return {
        "gemeente_code": "GM0090",
        "voor_wie": "zelf",
        "naam": "Jan de Boer",
        "telefoon": "06-12345678",
        "email": "jan@voorbeeld.nl",
        "woonplaats": "Drachten",
        "vraag": "Ik kan mijn huis niet meer schoonhouden.",
        "belmoment": "dinsdagochtend",
        "clientondersteuning": "weet_niet",
        "mantelzorger": "nee",
        "toestemming_versturen": True,
        "taal": "nl",
        **anders,
    }


def post_melding(client: TestClient, body: dict[str, Any] | None = None,
                 sleutel: str | None = None, token: str | None = MELDING_TOKEN) -> Response:
    headers = {"Idempotency-Key": sleutel or uuid4().hex}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post("/meldingen", json=body or melding_velden(), headers=headers)


def nieuwe_melding(session: Session, nu: dt.datetime = START, **anders: Any) -> Melding:
    """A melding stored the way the endpoint stores it, at the moment `nu`."""
    melding, _ = maak_melding(session, MeldingCreate.model_validate(melding_velden(**anders)),
                              uuid4().hex, nu)
    return melding


def nieuwe_medewerker(session: Session, gebruikersnaam: str = "anna", rol: Rol = "team",
                      gemeenten: tuple[str, ...] = ("GM0090",),
                      wachtwoord: str = WACHTWOORD) -> Medewerker:
    # Cheap scrypt parameters keep the tests quick; a real login rehashes with the defaults.
    medewerker = Medewerker(gebruikersnaam=gebruikersnaam, naam=gebruikersnaam.title(), rol=rol,
                            gemeenten=list(gemeenten),
                            wachtwoord_hash=hash_wachtwoord(wachtwoord, n=2**10, p=1))
    session.add(medewerker)
    session.commit()
    session.refresh(medewerker)
    return medewerker


def inloggen(client: TestClient, gebruikersnaam: str = "anna",
             wachtwoord: str = WACHTWOORD) -> dict[str, str]:
    """Log in and give the headers a change needs (the CSRF token)."""
    response = client.post("/staff/login",
                           json={"gebruikersnaam": gebruikersnaam, "wachtwoord": wachtwoord})
    assert response.status_code == 200, response.text
    return {"X-CSRF-Token": response.json()["csrf_token"]}
