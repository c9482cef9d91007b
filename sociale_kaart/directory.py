"""Queries on the map that more than one route needs."""

from __future__ import annotations

from sqlmodel import Session, select

from sociale_kaart.models import Gemeente, Postcodegebied, Woonplaats
from sociale_kaart.resolve import Match, NameEntry, find_gemeente

__all__ = ["resolve_place"]


def _name_entries(session: Session) -> list[NameEntry]:
    entries = []
    for g in session.exec(select(Gemeente)):
        entries += [NameEntry(g.naam, "gemeente", g.code), NameEntry(g.naam_fy, "gemeente", g.code)]
    for p in session.exec(select(Woonplaats)):
        for name in {p.naam, p.naam_fy} - {None}:
            entries.append(NameEntry(str(name), "woonplaats", p.gemeente_code, p.naam))
    return entries


def _postcodes(session: Session) -> dict[int, NameEntry]:
    rows = session.exec(
        select(Postcodegebied.pc4, Woonplaats).join(Woonplaats)
    ).all()
    return {pc4: NameEntry(p.naam, "woonplaats", p.gemeente_code, p.naam) for pc4, p in rows}


def resolve_place(session: Session, query: str) -> tuple[Gemeente, Match] | None:
    match = find_gemeente(query, _name_entries(session), _postcodes(session))
    if match is None:
        return None
    gemeente = session.get(Gemeente, match.gemeente_code)
    return (gemeente, match) if gemeente else None
