"""New meldingen, sent by the Rasa action server. Needs the meldingen token.

The token comes from SOCIALE_KAART_MELDING_TOKEN; without it, this endpoint is off (503).
Every request carries an Idempotency-Key: the same key gives the same melding, however often
and however quickly it is sent, so a double click or a retry never makes a second one.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from sociale_kaart.api.deps import BearerDep, SessionDep, require_bearer_token
from sociale_kaart.api.klok import NuDep
from sociale_kaart.api.nederlands import NederlandseRoute
from sociale_kaart.models import Gemeente, Melding, MeldingBevestiging, MeldingCreate, Toegang
from sociale_kaart.models.tijd import lokale_datum


def require_melding_token(request: Request, credentials: BearerDep) -> None:
    require_bearer_token(
        credentials, request.app.state.settings.melding_token,
        off=HTTPException(503, "Meldingen staan uit. Zet eerst SOCIALE_KAART_MELDING_TOKEN."),
        wrong_detail="Stuur het meldingentoken mee")


router = APIRouter(prefix="/meldingen", tags=["meldingen"], route_class=NederlandseRoute,
                   dependencies=[Depends(require_melding_token)])

IdempotencyKey = Annotated[str, Header(
    alias="Idempotency-Key", min_length=1, max_length=100, pattern=r"^[\x21-\x7e]+$",
    description="Een unieke sleutel per melding, bijvoorbeeld een UUID. Dezelfde sleutel geeft"
                " dezelfde melding terug.")]


def _met_sleutel(session: Session, sleutel: str) -> Melding | None:
    return session.exec(select(Melding).where(Melding.idempotency_key == sleutel)).first()


def _dezelfde(bestaand: Melding, data: MeldingCreate) -> Melding:
    velden: dict[str, Any] = data.model_dump()
    if any(getattr(bestaand, naam) != waarde for naam, waarde in velden.items()):
        raise HTTPException(409, "Deze Idempotency-Key hoort bij een andere melding. "
                                 "Gebruik voor een nieuwe melding een nieuwe sleutel.")
    return bestaand


def maak_melding(session: Session, data: MeldingCreate, sleutel: str,
                 nu: dt.datetime) -> tuple[Melding, bool]:
    """The melding for this key, and whether it is new.

    Two requests with the same key at the same moment both miss the first lookup; the unique
    index on the key then refuses the second insert, and that request reads the first one's row.
    """
    bestaand = _met_sleutel(session, sleutel)
    if bestaand is not None:
        return _dezelfde(bestaand, data), False
    gemeente = session.get(Gemeente, data.gemeente_code)
    if gemeente is None:
        raise HTTPException(404, "Gemeente niet gevonden")
    toegang = session.get(Toegang, gemeente.code)
    if toegang is None:
        raise HTTPException(404, "Voor deze gemeente is geen loket bekend")
    melding = Melding(**data.model_dump(), idempotency_key=sleutel, team_naam=toegang.team_naam,
                      team_telefoon=toegang.telefoon, aangemaakt_op=nu, gewijzigd_op=nu)
    session.add(melding)
    try:
        session.flush()
        melding.nummer = f"WMO-{lokale_datum(nu).year}-{melding.id:06d}"
        session.commit()
    except IntegrityError:
        session.rollback()
        bestaand = _met_sleutel(session, sleutel)
        if bestaand is None:
            raise
        return _dezelfde(bestaand, data), False
    session.refresh(melding)
    return melding, True


@router.post(
    "", status_code=201, response_model=MeldingBevestiging,
    responses={
        200: {"model": MeldingBevestiging,
              "description": "Deze melding bestond al: dezelfde Idempotency-Key"},
        401: {"description": "Het meldingentoken ontbreekt of klopt niet"},
        404: {"description": "Gemeente niet gevonden"},
        409: {"description": "Deze Idempotency-Key hoort bij een andere melding"},
        503: {"description": "Meldingen staan uit (SOCIALE_KAART_MELDING_TOKEN ontbreekt)"},
    },
)
def nieuwe_melding(data: MeldingCreate, idempotency_key: IdempotencyKey, response: Response,
                   session: SessionDep, nu: NuDep) -> MeldingBevestiging:
    melding, nieuw = maak_melding(session, data, idempotency_key, nu)
    if not nieuw:
        response.status_code = 200
    return MeldingBevestiging.van(melding)
