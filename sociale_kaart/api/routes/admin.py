"""Administration: import, export, and changing single records. Needs the admin token.

The token comes from SOCIALE_KAART_ADMIN_TOKEN; without it, administration is off.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlmodel import col, delete, select

from sociale_kaart.api.deps import BearerDep, SessionDep, require_bearer_token
from sociale_kaart.hsds.csv_format import (
    csv_from_document,
    document_from_csv,
    gemeente_names_to_codes,
    row_names,
)
from sociale_kaart.hsds.exporter import export_document
from sociale_kaart.hsds.importer import (
    ImportFout,
    bump_version,
    import_document,
    remove_service,
)
from sociale_kaart.models import Gemeente, Organization, Phone, Service
from sociale_kaart.text import normalise

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def require_admin(request: Request, credentials: BearerDep) -> None:
    require_bearer_token(
        credentials, request.app.state.settings.admin_token,
        off=HTTPException(403, "Beheer staat uit. Zet eerst SOCIALE_KAART_ADMIN_TOKEN."),
        wrong_detail="Log in met het beheertoken")


router = APIRouter(prefix="/admin", tags=["beheer"], dependencies=[Depends(require_admin)])


def _result(result) -> dict[str, Any]:
    return {"nieuw": result.nieuw, "gewijzigd": result.gewijzigd,
            "ongewijzigd": result.ongewijzigd}


def _refused(fouten: list[str]) -> JSONResponse:
    return JSONResponse(status_code=422, content={
        "detail": f"Er is niets ingelezen: {len(fouten)} fout(en). Verbeter ze en probeer opnieuw.",
        "fouten": fouten,
    })


async def _body(request: Request) -> bytes:
    body = await request.body()
    if len(body) > MAX_IMPORT_BYTES:
        raise HTTPException(413, "Het bestand is te groot (meer dan 50 MB)")
    return body


async def _json(request: Request) -> Any:
    try:
        return json.loads(await _body(request))
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "Dit is geen geldige JSON") from None


@router.post("/import")
async def import_json(request: Request, session: SessionDep) -> Any:
    raw = await _json(request)
    try:
        return _result(import_document(session, raw))
    except ImportFout as exc:
        return _refused(exc.fouten)


@router.post("/import/csv")
async def import_csv(
    request: Request,
    session: SessionDep,
    bron: Annotated[str, Query(min_length=1, max_length=300)] = "Import via CSV",
    laatst_gecontroleerd: dt.date | None = None,
) -> Any:
    try:
        text = (await _body(request)).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HTTPException(400, "Sla het bestand op als CSV in UTF-8 en probeer opnieuw") from None
    checked = (laatst_gecontroleerd or dt.date.today()).isoformat()
    try:
        doc = document_from_csv(text, bron, checked)
    except Exception as exc:  # csv.Error and friends: the file is not a readable table
        raise HTTPException(400, f"Dit bestand kan niet gelezen worden als CSV: {exc}") from None
    gemeente_names_to_codes(doc, {
        normalise(name): g.code for g in session.exec(select(Gemeente))
        for name in (g.naam, g.naam_fy, g.code)})
    try:
        return _result(import_document(session, doc))
    except ImportFout as exc:
        return _refused(row_names(exc.fouten))


@router.get("/export")
def export_json(session: SessionDep) -> dict[str, Any]:
    return export_document(session)


@router.get("/export/csv")
def export_csv(session: SessionDep) -> Response:
    return Response(csv_from_document(export_document(session)), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="sociale-kaart.csv"'})


def _one_record(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A document with one service or organization, checked today by the administrator."""
    return {"bron": record.get("bron") or "Beheer",
            "laatst_gecontroleerd": record.get("laatst_gecontroleerd") or dt.date.today(),
            "organizations": [], "services": [], kind: [record]}


@router.put("/services/{service_id}")
async def put_service(service_id: str, request: Request, session: SessionDep) -> Any:
    body = await _json(request)
    if not isinstance(body, dict) or body.get("id", service_id) != service_id:
        raise HTTPException(422, "Het id in de tekst hoort gelijk te zijn aan het id in het adres")
    body["id"] = service_id
    try:
        return _result(import_document(session, _one_record("services", body)))
    except ImportFout as exc:
        return _refused([f.replace("services[0]", "dienst", 1) for f in exc.fouten])


@router.delete("/services/{service_id}", status_code=204)
def delete_service(service_id: str, session: SessionDep) -> Response:
    if not remove_service(session, service_id):
        raise HTTPException(404, "Dienst niet gevonden")
    return Response(status_code=204)


@router.put("/organizations/{organization_id}")
async def put_organization(organization_id: str, request: Request, session: SessionDep) -> Any:
    body = await _json(request)
    if not isinstance(body, dict):
        raise HTTPException(422, "Stuur een organisatie als JSON-object")
    body["id"] = organization_id
    try:
        import_document(session, _one_record("organizations", body))
    except ImportFout as exc:
        return _refused([f.replace("organizations[0]", "organisatie", 1) for f in exc.fouten])
    return {"id": organization_id}


@router.delete("/organizations/{organization_id}", status_code=204)
def delete_organization(organization_id: str, session: SessionDep) -> Response:
    if session.get(Organization, organization_id) is None:
        raise HTTPException(404, "Organisatie niet gevonden")
    in_use = select(Service.id).where(col(Service.organization_id) == organization_id)
    if session.exec(in_use).first():
        raise HTTPException(409, "Deze organisatie heeft nog diensten. Verwijder die eerst.")
    session.exec(delete(Phone).where(col(Phone.organization_id) == organization_id))
    session.exec(delete(Organization).where(col(Organization.id) == organization_id))
    bump_version(session)
    session.commit()
    return Response(status_code=204)
