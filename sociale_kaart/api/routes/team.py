"""The team view: staff of a gemeente's team see, change and export their own meldingen.

Role `team` sees the meldingen of its own gemeenten, role `admin` all of them. A melding of
another gemeente answers as if it did not exist. Every request is written to the audit log.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlmodel import Session, col, select

from sociale_kaart import audit
from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.klok import NuDep
from sociale_kaart.api.nederlands import NederlandseRoute
from sociale_kaart.api.pagination import Page, PageNumber, PageSize, page_of, paginate
from sociale_kaart.api.staff_auth import Aangemeld, TeamDep
from sociale_kaart.models import Melding, MeldingPublic, MeldingUpdate
from sociale_kaart.models.medewerker import AuditActie
from sociale_kaart.models.melding import Status
from sociale_kaart.models.tijd import lokale_datum

router = APIRouter(prefix="/team/meldingen", tags=["team"], route_class=NederlandseRoute)

StatusFilter = Annotated[Status | None, Query(description="Alleen meldingen met deze status")]
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def _zichtbaar(statement: Any, wie: Aangemeld) -> Any:
    if wie.medewerker.rol == "admin":
        return statement
    return statement.where(col(Melding.gemeente_code).in_(wie.medewerker.gemeenten))


def _meldingen(wie: Aangemeld, status: Status | None) -> Any:
    statement = _zichtbaar(select(Melding), wie)
    if status:
        statement = statement.where(Melding.status == status)
    return statement.order_by(col(Melding.aangemaakt_op).desc(), col(Melding.id).desc())


def _melding(session: Session, wie: Aangemeld, nummer: str) -> Melding:
    melding = session.exec(_zichtbaar(select(Melding), wie)
                           .where(Melding.nummer == nummer)).first()
    if melding is None:
        raise HTTPException(404, "Melding niet gevonden")
    return melding


def _audit(session: Session, wie: Aangemeld, actie: AuditActie, nu: dt.datetime,
           **extra: Any) -> None:
    audit.schrijf(session, actie, nu=nu, gebruikersnaam=wie.medewerker.gebruikersnaam,
                  ip=wie.ip, **extra)


@router.get("", response_model=Page[MeldingPublic])
def lijst(session: SessionDep, wie: TeamDep, nu: NuDep, status: StatusFilter = None,
          page: PageNumber = 1, per_page: PageSize = 50) -> dict[str, Any]:
    total, rows = paginate(session, _meldingen(wie, status), page, per_page)
    contents = [MeldingPublic.model_validate(m) for m in rows]
    _audit(session, wie, "meldingen_lijst", nu,
           details=f"status={status or 'alle'}, pagina {page}, {len(contents)} meldingen")
    session.commit()
    return page_of(contents, total, page, per_page)


def veilige_cel(value: Any) -> str:
    """The cell as text, with a quote in front when a spreadsheet would run it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(FORMULE_TEKENS) else text


def meldingen_csv(meldingen: list[MeldingPublic]) -> str:
    """UTF-8 with a byte order mark and `;` between cells, as Dutch Excel expects."""
    out = io.StringIO()
    kolommen = list(MeldingPublic.model_fields)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(kolommen)
    for melding in meldingen:
        writer.writerow([veilige_cel(getattr(melding, k)) for k in kolommen])
    return "\ufeff" + out.getvalue()


@router.get("/export", response_class=Response, responses={200: {
    "description": "Alle zichtbare meldingen, nieuwste eerst",
    "content": {"text/csv": {}, "application/json": {}}}})
def export(session: SessionDep, wie: TeamDep, nu: NuDep,
           formaat: Annotated[Literal["csv", "json"], Query()] = "csv",
           status: StatusFilter = None) -> Response:
    meldingen = [MeldingPublic.model_validate(m)
                 for m in session.exec(_meldingen(wie, status))]
    _audit(session, wie, "meldingen_export", nu,
           details=f"{formaat}, status={status or 'alle'}, {len(meldingen)} meldingen")
    session.commit()
    naam = f"meldingen-{lokale_datum(nu).isoformat()}.{formaat}"
    headers = {"Content-Disposition": f'attachment; filename="{naam}"'}
    if formaat == "json":
        return JSONResponse(jsonable_encoder(meldingen), headers=headers)
    return Response(meldingen_csv(meldingen), media_type="text/csv; charset=utf-8",
                    headers=headers)


@router.get("/{nummer}", response_model=MeldingPublic)
def bekijken(nummer: str, session: SessionDep, wie: TeamDep, nu: NuDep) -> MeldingPublic:
    melding = MeldingPublic.model_validate(_melding(session, wie, nummer))
    _audit(session, wie, "melding_bekijken", nu, melding_nummer=melding.nummer)
    session.commit()
    return melding


@router.patch("/{nummer}", response_model=MeldingPublic)
def status_wijzigen(nummer: str, wijziging: MeldingUpdate, session: SessionDep, wie: TeamDep,
                    nu: NuDep) -> MeldingPublic:
    melding = _melding(session, wie, nummer)
    oud = melding.status
    melding.status = wijziging.status
    melding.gewijzigd_op = nu
    session.add(melding)
    _audit(session, wie, "status_wijzigen", nu, melding_nummer=nummer,
           details=f"{oud} -> {wijziging.status}")
    session.commit()
    session.refresh(melding)
    return MeldingPublic.model_validate(melding)
