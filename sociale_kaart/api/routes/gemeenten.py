"""Gemeenten: the list, free-text resolution, each gemeente's access point (toegang) and the
dated amounts it publishes for maatwerk (eigen bijdrage)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlmodel import Session, col, or_, select

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.directory import resolve_place
from sociale_kaart.models import (
    BedragPublic,
    CostOption,
    Gemeente,
    GemeentePublic,
    ResolveResult,
    Service,
    ServiceArea,
    Toegang,
    ToegangPublic,
)

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


def _gemeente(session: Session, code: str) -> Gemeente:
    gemeente = session.get(Gemeente, code.upper())
    if gemeente is None:
        raise HTTPException(404, "Gemeente niet gevonden")
    return gemeente


@router.get("/{code}/toegang", response_model=ToegangPublic)
def toegang(session: SessionDep, code: str) -> ToegangPublic:
    gemeente = _gemeente(session, code)
    entry = session.get(Toegang, gemeente.code)
    if entry is None:
        raise HTTPException(404, "Voor deze gemeente is geen loket bekend")
    return ToegangPublic(
        **entry.model_dump(), gemeente_naam=gemeente.naam, gemeente_naam_fy=gemeente.naam_fy
    )


@router.get("/{code}/eigen-bijdrage", response_model=list[BedragPublic])
def eigen_bijdrage(
    session: SessionDep,
    code: str,
    op: Annotated[
        dt.date | None, Query(description="Geldig op deze datum; standaard vandaag")
    ] = None,
) -> list[BedragPublic]:
    """Amounts for maatwerk services in the gemeente that apply on `op`. Usually none: the bot
    only names an amount that a gemeente published with the date it applies from."""
    gemeente = _gemeente(session, code)
    day = op or dt.date.today()
    rows = session.exec(
        select(CostOption, Service.name)
        .join(Service, col(Service.id) == CostOption.service_id)
        .join(ServiceArea, col(ServiceArea.service_id) == Service.id)
        .where(ServiceArea.gemeente_code == gemeente.code,
               Service.toegang_type == "maatwerk", Service.status == "active",
               col(CostOption.valid_from) <= day,
               or_(col(CostOption.valid_to).is_(None), col(CostOption.valid_to) >= day))
        .order_by(Service.name, CostOption.option)
    )
    return [BedragPublic(dienst=name, **cost.model_dump(exclude={"id", "service_id"}))
            for cost, name in rows]
