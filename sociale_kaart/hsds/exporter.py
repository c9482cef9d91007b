"""Export the sociale kaart as an HSDS JSON document that `import_document` reads back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from sociale_kaart.hsds.schema import HERKOMST_FIELDS, SERVICE_FIELDS
from sociale_kaart.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)

__all__ = ["export_document", "organization_to_dict", "service_to_dict"]

_HERKOMST = HERKOMST_FIELDS
_SERVICE_FIELDS = ("id", *SERVICE_FIELDS, *HERKOMST_FIELDS)


def _fields(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    data = row.model_dump(mode="json")
    return {name: data[name] for name in names}


def _phones(rows: list[Phone]) -> list[dict[str, Any]]:
    return [_fields(p, ("number", "type", "description", *_HERKOMST)) for p in rows]


def _location(session: Session, location: Location) -> dict[str, Any]:
    addresses = session.exec(select(Address).where(col(Address.location_id) == location.id)
                             .order_by(Address.id)).all()  # type: ignore[arg-type]
    access = session.exec(select(Accessibility).where(col(Accessibility.location_id) == location.id)
                          .order_by(Accessibility.id)).all()  # type: ignore[arg-type]
    return {
        **_fields(location, ("id", "name", "description", "location_type", "latitude",
                             "longitude", *_HERKOMST)),
        "addresses": [_fields(a, ("address_1", "postal_code", "city", "country", "address_type",
                                  *_HERKOMST)) for a in addresses],
        "accessibility": [_fields(a, ("description", *_HERKOMST)) for a in access],
    }


def _children(session: Session, model: Any, service_id: str) -> list[Any]:
    return list(session.exec(select(model).where(col(model.service_id) == service_id)
                             .order_by(model.id)))


def service_to_dict(session: Session, service: Service) -> dict[str, Any]:
    """A compiled HSDS 3 service: the service with everything that belongs to it."""
    attributes = session.exec(select(Attribute).where(col(Attribute.link_id) == service.id)
                              .order_by(Attribute.id)).all()  # type: ignore[arg-type]
    sals = [(sal, session.get(Location, sal.location_id))
            for sal in _children(session, ServiceAtLocation, service.id)]
    return {
        **_fields(service, _SERVICE_FIELDS),
        "attributes": [{"taxonomy_term_id": a.taxonomy_term_id} for a in attributes],
        "service_areas": [{"gemeente_code": a.gemeente_code}
                          for a in _children(session, ServiceArea, service.id)],
        "languages": [{"code": lang.code} for lang in _children(session, Language, service.id)],
        "phones": _phones(_children(session, Phone, service.id)),
        "schedules": [_fields(s, ("freq", "byday", "opens_at", "closes_at", "description",
                                  *_HERKOMST)) for s in _children(session, Schedule, service.id)],
        "cost_options": [_fields(c, ("valid_from", "valid_to", "option", "currency", "amount",
                                     "amount_description", *_HERKOMST))
                         for c in _children(session, CostOption, service.id)],
        "service_at_locations": [
            {**_fields(sal, ("id", *_HERKOMST)), "location": _location(session, location)}
            for sal, location in sals if location is not None
        ],
    }


def organization_to_dict(session: Session, org: Organization) -> dict[str, Any]:
    phones = session.exec(select(Phone).where(col(Phone.organization_id) == org.id)
                          .order_by(Phone.id)).all()  # type: ignore[arg-type]
    return {**_fields(org, ("id", "name", "description", "email", "website", *_HERKOMST)),
            "phones": _phones(list(phones))}


def export_document(session: Session, bron: str = "Export sociale kaart") -> dict[str, Any]:
    services = session.exec(select(Service).order_by(Service.id)).all()
    last_checked = max((s.laatst_gecontroleerd for s in services), default=None)
    return {
        "bron": bron,
        "laatst_gecontroleerd": (last_checked or dt.date.today()).isoformat(),
        "voorbeeld": any(s.voorbeeld for s in services),
        "organizations": [organization_to_dict(session, o)
                          for o in session.exec(select(Organization).order_by(Organization.id))],
        "services": [service_to_dict(session, s) for s in services],
    }
