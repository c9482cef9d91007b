"""Queries on the map that more than one route needs."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from sociale_kaart.models import Gemeente, Postcodegebied, Woonplaats
from sociale_kaart.resolve import Match, NameEntry, PlaceNames

__all__ = ["resolve_place"]

# Reading every place name and postcode for each question was 70% of the service's time under
# load (docs/benchmarks.md). They change only when the example data is loaded, which changes the
# counts (KaartVersie, which the search index watches, counts service imports only), so the
# names are kept per database and read again when a count differs.
_cache: dict[str, tuple[tuple[int, int, int], PlaceNames]] = {}


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


def _counts(session: Session) -> tuple[int, int, int]:
    row = session.exec(select(
        select(func.count()).select_from(Gemeente).scalar_subquery(),
        select(func.count()).select_from(Woonplaats).scalar_subquery(),
        select(func.count()).select_from(Postcodegebied).scalar_subquery(),
    )).one()
    return (int(row[0]), int(row[1]), int(row[2]))


def _place_names(session: Session) -> PlaceNames:
    database = str(session.get_bind().engine.url)
    counts = _counts(session)
    cached = _cache.get(database)
    if cached and cached[0] == counts:
        return cached[1]
    names = PlaceNames(_name_entries(session), _postcodes(session))
    _cache[database] = (counts, names)
    return names


def resolve_place(session: Session, query: str) -> tuple[Gemeente, Match] | None:
    match = _place_names(session).find(query)
    if match is None:
        return None
    gemeente = session.get(Gemeente, match.gemeente_code)
    return (gemeente, match) if gemeente else None
