"""The audit log, for staff with role admin. Newest first, paginated.

This router shares the /admin prefix with the token-protected beheer routes, but uses the
staff login: reading the log is a person's job, not a script's.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlmodel import col, select

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.nederlands import NederlandseRoute
from sociale_kaart.api.pagination import Page, PageNumber, PageSize, page_of, paginate
from sociale_kaart.api.staff_auth import AdminDep
from sociale_kaart.models import AuditLog, AuditLogPublic
from sociale_kaart.models.medewerker import AuditActie

router = APIRouter(prefix="/admin", tags=["beheer"], route_class=NederlandseRoute)


@router.get("/audit", response_model=Page[AuditLogPublic])
def audit_log(
    session: SessionDep,
    wie: AdminDep,
    page: PageNumber = 1,
    per_page: PageSize = 50,
    actie: Annotated[AuditActie | None, Query()] = None,
    melding_nummer: Annotated[str | None, Query(max_length=20)] = None,
    gebruikersnaam: Annotated[str | None, Query(max_length=100)] = None,
) -> dict[str, Any]:
    statement = select(AuditLog).order_by(col(AuditLog.tijdstip).desc(), col(AuditLog.id).desc())
    if actie:
        statement = statement.where(AuditLog.actie == actie)
    if melding_nummer:
        statement = statement.where(AuditLog.melding_nummer == melding_nummer)
    if gebruikersnaam:
        statement = statement.where(AuditLog.gebruikersnaam == gebruikersnaam)
    total, rows = paginate(session, statement, page, per_page)
    return page_of([AuditLogPublic.model_validate(r) for r in rows], total, page, per_page)
