"""HSDS 3 read endpoints for services and organizations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from sqlmodel import col, select

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.pagination import PageNumber, PageSize, page_of, paginate
from sociale_kaart.hsds.exporter import organization_to_dict, service_to_dict
from sociale_kaart.models import Attribute, Organization, Service, ServiceArea

router = APIRouter(tags=["HSDS"])


@router.get("/services")
def list_services(
    session: SessionDep,
    page: PageNumber = 1,
    per_page: PageSize = 50,
    gemeente: Annotated[str | None, Query(max_length=10, description="CBS-code")] = None,
    taxonomy_term_id: Annotated[str | None, Query(max_length=60)] = None,
) -> dict[str, Any]:
    statement = select(Service).order_by(Service.id)
    if gemeente:
        statement = statement.where(col(Service.id).in_(
            select(ServiceArea.service_id)
            .where(col(ServiceArea.gemeente_code) == gemeente.upper())))
    if taxonomy_term_id:
        statement = statement.where(col(Service.id).in_(
            select(Attribute.link_id).where(col(Attribute.taxonomy_term_id) == taxonomy_term_id)))
    total, rows = paginate(session, statement, page, per_page)
    return page_of([service_to_dict(session, s) for s in rows], total, page, per_page)


@router.get("/services/{service_id}")
def get_service(session: SessionDep, service_id: str) -> dict[str, Any]:
    service = session.get(Service, service_id)
    if service is None:
        raise HTTPException(404, "Dienst niet gevonden")
    return service_to_dict(session, service)


@router.get("/organizations")
def list_organizations(
    session: SessionDep, page: PageNumber = 1, per_page: PageSize = 50
) -> dict[str, Any]:
    total, rows = paginate(session, select(Organization).order_by(Organization.id), page, per_page)
    return page_of([organization_to_dict(session, o) for o in rows], total, page, per_page)


@router.get("/organizations/{organization_id}")
def get_organization(session: SessionDep, organization_id: str) -> dict[str, Any]:
    org = session.get(Organization, organization_id)
    if org is None:
        raise HTTPException(404, "Organisatie niet gevonden")
    return organization_to_dict(session, org)
