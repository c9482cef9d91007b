"""Small HSDS documents for tests, built in code so each test shows what it depends on."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, delete

from sociale_kaart.hsds.importer import bump_version
from sociale_kaart.models import (
    Attribute,
    CostOption,
    Language,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)


def clear_services(session: Session) -> None:
    """Remove the example services, so a test works on a small map it knows."""
    for model in (Attribute, CostOption, Language, Phone, Schedule, ServiceArea,
                  ServiceAtLocation, Service):
        session.exec(delete(model))
    bump_version(session)
    session.commit()


def service(id: str, name: str, term: str, gemeente: str = "GM0090", **extra: Any) -> dict:
    return {
        "id": id,
        "organization_id": "org-test",
        "name": name,
        "description": extra.pop("description", f"{name}. Een dienst om te testen."),
        "toegang_type": extra.pop("toegang_type", "algemeen"),
        "attributes": [{"taxonomy_term_id": term}],
        "service_areas": [{"gemeente_code": gemeente}],
        "languages": [{"code": "nl"}],
        "phones": [{"number": "0512 000 111", "description": "Voorbeeldnummer"}],
        "schedules": [{"byday": "MO,WE", "opens_at": "09:00", "closes_at": "12:00",
                       "description": "Maandag en woensdag van 9 tot 12 uur."}],
        **extra,
    }


def location(id: str, city: str, lat: float, lon: float) -> dict:
    return {"id": f"sal-{id}", "location": {
        "id": f"loc-{id}", "name": f"Buurthuis {city}", "latitude": lat, "longitude": lon,
        "addresses": [{"address_1": "Dorpsstraat 1", "postal_code": "9201 AA", "city": city}],
        "accessibility": [{"description": "Rolstoeltoegankelijk"}],
    }}


def document(*services: dict, **extra: Any) -> dict:
    return {
        "bron": "test",
        "laatst_gecontroleerd": "2026-11-01",
        "voorbeeld": True,
        "organizations": [{"id": "org-test", "name": "Testwelzijn (voorbeeld)",
                           "phones": [{"number": "0512 000 100"}]}],
        "services": list(services),
        **extra,
    }


def small_map() -> dict:
    """Two gemeenten, a handful of services over several categories."""
    return document(
        service("svc-klus", "Klussendienst Drachten", "klussen",
                service_at_locations=[location("klus", "Drachten", 53.10, 6.10)]),
        service("svc-schoon", "Schoonmaakhulp Smallingerland", "huishoudelijke_hulp",
                description="Hulp bij het schoonmaken van uw huis."),
        service("svc-maatje", "Maatjesproject", "eenzaamheid",
                description="Een vrijwilliger komt bij u op bezoek voor een praatje.",
                description_fy="In frijwilliger komt by jo op besite foar in praatsje.",
                languages=[{"code": "nl"}, {"code": "fy"}]),
        service("svc-scoot", "Scootmobielpool", "hulpmiddelen",
                service_at_locations=[location("scoot", "Boornbergum", 53.08, 6.04)]),
        service("svc-scoot-sneek", "Scootmobiel uitleen Sneek", "hulpmiddelen", "GM1900",
                service_at_locations=[location("scoot-sneek", "Sneek", 53.03, 5.66)]),
        service("svc-mantelzorg", "Steunpunt Mantelzorg", "mantelzorgondersteuning"),
    )
