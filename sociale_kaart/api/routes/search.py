"""GET /search: ranked services for a resident's question, each saying why it matched."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from sqlmodel import Session, col, select

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.models import Gemeente, Phone, Postcodegebied, Schedule, Woonplaats
from sociale_kaart.search import SearchRequest, search
from sociale_kaart.search.index import Doc

router = APIRouter(tags=["zoeken"])

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})?\s*$")


def _place_of_postcode(session: Session, postcode: str) -> Woonplaats:
    found = _POSTCODE.match(postcode)
    if not found:
        raise HTTPException(422, "Een postcode heeft vier cijfers, en soms twee letters")
    area = session.get(Postcodegebied, int(found.group(1)))
    place = session.get(Woonplaats, area.woonplaats_id) if area else None
    if place is None:
        raise HTTPException(404, "Deze postcode kennen we niet")
    return place


def _gemeente_code(session: Session, gemeente: str) -> str:
    code = gemeente.strip().upper()
    if session.get(Gemeente, code) is None:
        raise HTTPException(404, "Gemeente niet gevonden")
    return code


def _contacts(session: Session, service_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Phone and opening hours of the results, in two queries for all of them."""
    phones = session.exec(select(Phone).where(col(Phone.service_id).in_(service_ids))
                          .order_by(col(Phone.id))).all()
    schedules = session.exec(select(Schedule).where(col(Schedule.service_id).in_(service_ids))
                             .order_by(col(Schedule.id))).all()
    contacts: dict[str, dict[str, Any]] = {
        sid: {"telefoon": None, "openingstijden": []} for sid in service_ids}
    for phone in phones:
        if phone.service_id and contacts[phone.service_id]["telefoon"] is None:
            contacts[phone.service_id]["telefoon"] = phone.number
    for schedule in schedules:
        if schedule.description:
            contacts[schedule.service_id]["openingstijden"].append(schedule.description)
    return contacts


def _result(doc: Doc, contact: dict[str, Any], score: float, redenen: list[str],
            taal: str) -> dict[str, Any]:
    description = doc.description_fy if taal == "fy" and doc.description_fy else doc.description
    return {
        "id": doc.id,
        "name": doc.name,
        "description": description,
        "organization": doc.organization,
        "toegang_type": doc.toegang_type,
        "locatie": doc.location_name,
        **contact,
        "laatst_gecontroleerd": doc.laatst_gecontroleerd.isoformat(),
        "voorbeeld": doc.voorbeeld,
        "score": round(score, 3),
        "redenen": redenen,
    }


@router.get("/search")
def search_services(
    request: Request,
    session: SessionDep,
    q: Annotated[str, Query(max_length=500, description="De vraag in eigen woorden")] = "",
    gemeente: Annotated[str | None, Query(max_length=10, description="CBS-code")] = None,
    postcode: Annotated[str | None, Query(max_length=10)] = None,
    categorie: Annotated[str | None, Query(max_length=60, description="Taxonomie-code")] = None,
    taal: Literal["nl", "fy"] = "nl",
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    betekenis: Annotated[bool, Query(
        description="Ook op betekenis zoeken (beter bij lange vragen, ongeveer 20 ms trager)",
    )] = False,
) -> dict[str, Any]:
    origin = None
    code = _gemeente_code(session, gemeente) if gemeente else None
    if postcode:
        place = _place_of_postcode(session, postcode)
        code = code or place.gemeente_code
        if place.latitude is not None and place.longitude is not None:
            origin = (place.latitude, place.longitude)
    index = request.app.state.search_cache.get(session)
    if categorie and categorie not in index.terms:
        raise HTTPException(404, "Deze categorie bestaat niet")
    by_meaning = (request.app.state.semantic.closeness(index, q)
                  if betekenis and q.strip() else None)
    hits = search(index, SearchRequest(q=q, gemeente=code, categorie=categorie, taal=taal,
                                       origin=origin, limit=limit, by_meaning=by_meaning))
    contacts = _contacts(session, [index.docs[h.doc].id for h in hits])
    return {
        "gemeente": code,
        "totaal": len(hits),
        "resultaten": [_result(index.docs[h.doc], contacts[index.docs[h.doc].id], h.score,
                               h.redenen, taal) for h in hits],
    }
