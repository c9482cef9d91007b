"""Import an HSDS JSON document: checked first, written all at once or not at all.

A service whose record is unchanged since the last import is not touched, so importing the
same document twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, delete, select

from sociale_kaart.hsds.exporter import organization_to_dict
from sociale_kaart.hsds.schema import (
    HERKOMST_FIELDS,
    SERVICE_FIELDS,
    DocumentIn,
    LocationIn,
    OrganizationIn,
    Record,
    ServiceIn,
)
from sociale_kaart.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Gemeente,
    KaartVersie,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)

__all__ = [
    "ImportFout", "ImportResultaat", "bump_version", "import_document", "remove_service",
]

_PYDANTIC_NL = {
    "missing": "ontbreekt",
    "string_too_short": "is leeg of te kort",
    "string_too_long": "is te lang",
    "string_pattern_mismatch": "heeft niet de goede vorm",
    "literal_error": "heeft een waarde die niet kan",
    "date_from_datetime_parsing": "is geen datum (gebruik JJJJ-MM-DD)",
    "date_parsing": "is geen datum (gebruik JJJJ-MM-DD)",
    "date_type": "is geen datum (gebruik JJJJ-MM-DD)",
    "bool_parsing": "moet true of false zijn",
    "float_parsing": "moet een getal zijn",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "too_short": "moet minstens één waarde hebben",
    "list_type": "moet een lijst zijn",
    "string_type": "moet tekst zijn",
    "model_type": "moet een object zijn",
}


class ImportFout(Exception):
    """The document has mistakes; nothing was written. `fouten` has one line per mistake."""

    def __init__(self, fouten: list[str]):
        super().__init__(f"{len(fouten)} fout(en) in de import")
        self.fouten = fouten


@dataclass
class ImportResultaat:
    nieuw: list[str] = field(default_factory=list)
    gewijzigd: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)


def _where(raw: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    """Name the place of a mistake the way a person reading the file would look for it."""
    parts: list[str] = []
    node: Any = raw
    for step in loc:
        if isinstance(step, int):
            parts[-1] += f"[{step}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and node.get("id"):
                parts[-1] += f" ({node['id']})"
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "document"


def _nul_places(node: Any, where: str = "document") -> list[str]:
    """Places of text with a NUL character, which no database should be asked to store."""
    if isinstance(node, str):
        return [where] if "\x00" in node else []
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _nul_places(value, f"{where}.{key}")]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _nul_places(value, f"{where}[{i}]")]
    return []


def parse_document(raw: Any) -> DocumentIn:
    if not isinstance(raw, dict):
        raise ImportFout(["document: moet een JSON-object zijn"])
    nul = _nul_places(raw)
    if nul:
        raise ImportFout([f"{place}: bevat een ongeldig teken (NUL)" for place in nul])
    try:
        return DocumentIn.model_validate(raw)
    except ValidationError as exc:
        raise ImportFout([
            f"{_where(raw, tuple(e['loc']))}: {_PYDANTIC_NL.get(e['type'], e['msg'])}"
            for e in exc.errors()
        ]) from exc


def _list(node: Any, key: str) -> list[Any]:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def _text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) and value else None


def _check_references(session: Session, raw: Any) -> list[str]:
    """Mistakes a schema cannot see: unknown organisations, categories and gemeenten.

    Works on the raw document, so it also reports rows that have other mistakes.
    """
    org_ids: set[str | None] = {_text(o, "id") for o in _list(raw, "organizations")}
    org_ids |= set(session.exec(select(Organization.id)).all())
    terms = set(session.exec(select(TaxonomyTerm.id)))
    gemeenten = set(session.exec(select(Gemeente.code)))
    fouten = []
    seen: set[str] = set()
    for i, s in enumerate(_list(raw, "services")):
        service_id = _text(s, "id")
        where = f"services[{i}] ({service_id})"
        if service_id in seen:
            fouten.append(f"{where}: id komt twee keer voor")
        if service_id:
            seen.add(service_id)
        org = _text(s, "organization_id")
        if org and org not in org_ids:
            fouten.append(f"{where}.organization_id: organisatie '{org}' bestaat niet")
        for term in (_text(a, "taxonomy_term_id") for a in _list(s, "attributes")):
            if term and term not in terms:
                fouten.append(f"{where}.attributes: categorie '{term}' bestaat niet")
        for code in (_text(a, "gemeente_code") for a in _list(s, "service_areas")):
            if code and code not in gemeenten:
                fouten.append(f"{where}.service_areas: gemeente '{code}' bestaat niet")
    return fouten


def _herkomst(record: Record, doc: DocumentIn) -> dict[str, Any]:
    return {
        "bron": record.bron or doc.bron,
        "laatst_gecontroleerd": record.laatst_gecontroleerd or doc.laatst_gecontroleerd,
        "voorbeeld": doc.voorbeeld if record.voorbeeld is None else record.voorbeeld,
    }


def _with_herkomst(node: Any, doc: DocumentIn) -> Any:
    """The record as it will be stored: missing origin fields filled from the document."""
    if isinstance(node, list):
        return [_with_herkomst(item, doc) for item in node]
    if not isinstance(node, dict):
        return node
    filled = {key: _with_herkomst(value, doc) for key, value in node.items()}
    if "bron" in filled:
        defaults = {"bron": doc.bron, "laatst_gecontroleerd": doc.laatst_gecontroleerd.isoformat(),
                    "voorbeeld": doc.voorbeeld}
        for key, default in defaults.items():
            if filled.get(key) is None:
                filled[key] = default
    return filled


def _fingerprint(record: ServiceIn, doc: DocumentIn) -> str:
    payload = _with_herkomst(record.model_dump(mode="json"), doc)
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _upsert(session: Session, model: type, key: str, values: dict[str, Any]) -> None:
    row = session.get(model, key)
    if row is None:
        session.add(model(id=key, **values))
        return
    for name, value in values.items():
        setattr(row, name, value)
    session.add(row)


def _write_organization(session: Session, org: OrganizationIn, doc: DocumentIn) -> None:
    h = _herkomst(org, doc)
    _upsert(session, Organization, org.id, {**org.model_dump(
        include={"name", "description", "email", "website"}), **h})
    session.exec(delete(Phone).where(col(Phone.organization_id) == org.id))
    for p in org.phones:
        session.add(Phone(organization_id=org.id, **p.model_dump(exclude=set(HERKOMST_FIELDS)),
                          **_herkomst(p, doc)))


def _write_location(session: Session, loc: LocationIn, doc: DocumentIn) -> None:
    _upsert(session, Location, loc.id, {**loc.model_dump(
        include={"name", "description", "location_type", "latitude", "longitude"}),
        **_herkomst(loc, doc)})
    session.exec(delete(Address).where(col(Address.location_id) == loc.id))
    session.exec(delete(Accessibility).where(col(Accessibility.location_id) == loc.id))
    for a in loc.addresses:
        session.add(Address(location_id=loc.id, **a.model_dump(exclude=set(HERKOMST_FIELDS)),
                            **_herkomst(a, doc)))
    for acc in loc.accessibility:
        session.add(Accessibility(location_id=loc.id, description=acc.description,
                                  **_herkomst(acc, doc)))


_SERVICE_CHILDREN = (Phone, Schedule, Language, CostOption, ServiceArea, ServiceAtLocation)


def _remove_parts(session: Session, service_id: str) -> None:
    for child in _SERVICE_CHILDREN:
        session.exec(delete(child).where(col(child.service_id) == service_id))  # type: ignore[attr-defined]
    session.exec(delete(Attribute).where(col(Attribute.link_id) == service_id))


def remove_service(session: Session, service_id: str) -> bool:
    """Delete a service with everything that belongs to it; False when it did not exist."""
    if session.get(Service, service_id) is None:
        return False
    _remove_parts(session, service_id)
    session.exec(delete(Service).where(col(Service.id) == service_id))
    bump_version(session)
    session.commit()
    return True


def _write_service(session: Session, s: ServiceIn, doc: DocumentIn, fingerprint: str,
                   written_locations: set[str]) -> None:
    h = _herkomst(s, doc)
    _upsert(session, Service, s.id, {**s.model_dump(include=set(SERVICE_FIELDS)), **h,
                                     "import_hash": fingerprint})
    _remove_parts(session, s.id)
    session.flush()
    for a in s.attributes:
        session.add(Attribute(link_id=s.id, taxonomy_term_id=a.taxonomy_term_id))
    for area in s.service_areas:
        session.add(ServiceArea(service_id=s.id, gemeente_code=area.gemeente_code))
    for lang in s.languages:
        session.add(Language(service_id=s.id, code=lang.code))
    for p in s.phones:
        session.add(Phone(service_id=s.id, **p.model_dump(exclude=set(HERKOMST_FIELDS)),
                          **_herkomst(p, doc)))
    for sch in s.schedules:
        session.add(Schedule(service_id=s.id, **sch.model_dump(exclude=set(HERKOMST_FIELDS)),
                             **_herkomst(sch, doc)))
    for c in s.cost_options:
        session.add(CostOption(service_id=s.id, **c.model_dump(exclude=set(HERKOMST_FIELDS)),
                               **_herkomst(c, doc)))
    for sal in s.service_at_locations:
        # Services share locations; one import writes each location once.
        if sal.location.id not in written_locations:
            _write_location(session, sal.location, doc)
            written_locations.add(sal.location.id)
        session.add(ServiceAtLocation(id=sal.id, service_id=s.id, location_id=sal.location.id,
                                      **_herkomst(sal, doc)))


def bump_version(session: Session) -> None:
    version = session.get(KaartVersie, 1) or KaartVersie(id=1, versie=0)
    version.versie += 1
    session.add(version)


def import_document(session: Session, raw: Any) -> ImportResultaat:
    """Check the whole document, then write it in one transaction."""
    try:
        doc = parse_document(raw)
        fouten = []
    except ImportFout as exc:
        fouten = exc.fouten
    fouten += _check_references(session, raw)
    if fouten:
        raise ImportFout(sorted(set(fouten), key=fouten.index))
    result = ImportResultaat()
    try:
        changed_orgs = 0
        written_locations: set[str] = set()
        for org in doc.organizations:
            existing_org = session.get(Organization, org.id)
            wanted = _with_herkomst(org.model_dump(mode="json"), doc)
            if existing_org is None or organization_to_dict(session, existing_org) != wanted:
                _write_organization(session, org, doc)
                changed_orgs += 1
        session.flush()
        for s in doc.services:
            fingerprint = _fingerprint(s, doc)
            existing = session.get(Service, s.id)
            if existing is not None and existing.import_hash == fingerprint:
                result.ongewijzigd.append(s.id)
                continue
            (result.gewijzigd if existing else result.nieuw).append(s.id)
            _write_service(session, s, doc, fingerprint, written_locations)
            session.flush()
        if result.nieuw or result.gewijzigd or changed_orgs:
            bump_version(session)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return result
