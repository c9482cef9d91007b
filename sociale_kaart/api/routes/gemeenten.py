"""Gemeenten: the list, free-text resolution and each gemeente's access point (toegang)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlmodel import select

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.directory import resolve_place
from sociale_kaart.models import Gemeente, GemeentePublic, ResolveResult, Toegang, ToegangPublic

router = APIRouter(prefix="/gemeenten", tags=["gemeenten"])


@router.get("", response_model=list[GemeentePublic])
def list_gemeenten(session: SessionDep) -> list[Gemeente]:
    return list(session.exec(select(Gemeente).order_by(Gemeente.naam)))


@router.get("/resolve", response_model=ResolveResult)
def resolve(
    session: SessionDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="Plaats, gemeente of postcode")
    ],
) -> ResolveResult:
    found = resolve_place(session, q)
    if found is None:
        raise HTTPException(404, "Deze plaats kennen we niet")
    gemeente, match = found
    return ResolveResult(
        gemeente=GemeentePublic.model_validate(gemeente),
        match=match.match,
        match_type=match.match_type,
        woonplaats=match.woonplaats,
        zekerheid=match.zekerheid,
    )


@router.get("/{code}/toegang", response_model=ToegangPublic)
def toegang(session: SessionDep, code: str) -> ToegangPublic:
    gemeente = session.get(Gemeente, code.upper())
    if gemeente is None:
        raise HTTPException(404, "Gemeente niet gevonden")
    entry = session.get(Toegang, gemeente.code)
    if entry is None:
        raise HTTPException(404, "Voor deze gemeente is geen loket bekend")
    return ToegangPublic(
        **entry.model_dump(), gemeente_naam=gemeente.naam, gemeente_naam_fy=gemeente.naam_fy
    )
