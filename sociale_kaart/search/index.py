"""An in-memory search index built from the database.

The database stays the source of truth; the index is rebuilt when the map's version number
changes. Scores are added up in numpy arrays, so a search over 100k services stays fast.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlmodel import Session, col, select

from sociale_kaart.models import (
    Attribute,
    Gemeente,
    Language,
    Location,
    Organization,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomySynonym,
    TaxonomyTerm,
    Woonplaats,
)
from sociale_kaart.text import words

# How much a word counts depending on where it stands in a service.
FIELD_WEIGHTS = {"name": 3.0, "category": 2.0, "description": 1.0}


@dataclass(frozen=True)
class Doc:
    id: str
    name: str
    description: str | None
    description_fy: str | None
    toegang_type: str
    organization: str
    location_name: str | None
    laatst_gecontroleerd: dt.date
    voorbeeld: bool


@dataclass
class Synonym:
    term_id: str
    taal: str
    text: str
    stems: tuple[str, ...]


@dataclass
class SearchIndex:
    version: int
    docs: list[Doc]
    postings: dict[str, tuple[np.ndarray, np.ndarray]]  # stem -> (doc numbers, weights)
    idf: dict[str, float]
    vocabulary: list[str]  # sorted, for prefix look-ups
    known: frozenset[str]
    term_docs: dict[str, np.ndarray]  # taxonomy term (and its parents) -> doc numbers
    gemeente_docs: dict[str, np.ndarray]
    latitude: np.ndarray
    longitude: np.ndarray
    speaks_frisian: np.ndarray
    terms: dict[str, TaxonomyTerm]
    synonyms: list[Synonym]
    specificity: dict[str, float]  # stem -> how much it points at few categories
    place_stems: frozenset[str]
    parent_terms: frozenset[str]  # terms that have children: broad categories
    doc_terms: list[set[str]] = field(default_factory=list)

    def words_starting_with(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        found = []
        for word in self.vocabulary[start:]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found


def _grouped(rows, key, value) -> dict:
    grouped: dict = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(value(row))
    return grouped


def _with_parents(term_ids: list[str], terms: dict[str, TaxonomyTerm]) -> set[str]:
    found = set()
    for term_id in term_ids:
        while term_id and term_id in terms and term_id not in found:
            found.add(term_id)
            term_id = terms[term_id].parent_id or ""
    return found


def _scaled_idf(postings: dict[str, dict[int, float]], total: int) -> dict[str, float]:
    """Inverse document frequency scaled to at most 1, so that loose words add up to less
    than one clearly named category."""
    raw = {stem: float(np.log(1 + total / len(found))) for stem, found in postings.items()}
    top = max(raw.values(), default=1.0)
    return {stem: value / top for stem, value in raw.items()}


def build_index(session: Session, version: int) -> SearchIndex:
    terms = {t.id: t for t in session.exec(select(TaxonomyTerm))}
    synonyms = [Synonym(s.term_id, s.taal, s.tekst, tuple(words(s.tekst)))
                for s in session.exec(select(TaxonomySynonym))]
    words_of_term = _grouped(synonyms, lambda s: s.term_id, lambda s: s.stems)
    services = session.exec(select(Service).where(col(Service.status) == "active")
                            .order_by(Service.id)).all()  # type: ignore[arg-type]
    organizations = {o.id: o.name for o in session.exec(select(Organization))}
    attributes = _grouped(session.exec(select(Attribute)), lambda a: a.link_id,
                          lambda a: a.taxonomy_term_id)
    areas = _grouped(session.exec(select(ServiceArea)), lambda a: a.service_id,
                     lambda a: a.gemeente_code)
    languages = _grouped(session.exec(select(Language)), lambda x: x.service_id, lambda x: x.code)
    locations = {loc.id: loc for loc in session.exec(select(Location))}
    first_location: dict[str, Location | None] = {}
    for sal in session.exec(select(ServiceAtLocation).order_by(ServiceAtLocation.id)):  # type: ignore[arg-type]
        first_location.setdefault(sal.service_id, locations.get(sal.location_id))

    docs, doc_terms = [], []
    raw_postings: dict[str, dict[int, float]] = defaultdict(dict)
    term_docs: dict[str, list[int]] = defaultdict(list)
    gemeente_docs: dict[str, list[int]] = defaultdict(list)
    lat = np.full(len(services), np.nan)
    lon = np.full(len(services), np.nan)
    frisian = np.zeros(len(services), dtype=bool)

    for n, s in enumerate(services):
        location = first_location.get(s.id)
        docs.append(Doc(s.id, s.name, s.description, s.description_fy, s.toegang_type,
                        organizations.get(s.organization_id, ""),
                        location.name if location else None, s.laatst_gecontroleerd,
                        s.voorbeeld))
        own_terms = _with_parents(attributes.get(s.id, []), terms)
        doc_terms.append(own_terms)
        for term_id in own_terms:
            term_docs[term_id].append(n)
        for code in areas.get(s.id, []):
            gemeente_docs[code].append(n)
        if location and location.latitude is not None:
            lat[n], lon[n] = location.latitude, location.longitude
        frisian[n] = "fy" in languages.get(s.id, [])

        weighted: dict[str, float] = defaultdict(float)
        for stem in words(s.name):
            weighted[stem] = max(weighted[stem], FIELD_WEIGHTS["name"])
        for term_id in attributes.get(s.id, []):
            for stems in words_of_term.get(term_id, []):
                for stem in stems:
                    weighted[stem] = max(weighted[stem], FIELD_WEIGHTS["category"])
        for text in (s.description, s.description_fy):
            for stem in words(text or ""):
                weighted[stem] = max(weighted[stem], FIELD_WEIGHTS["description"])
        for stem, weight in weighted.items():
            raw_postings[stem][n] = weight

    total = max(len(docs), 1)
    categories_of: dict[str, set[str]] = defaultdict(set)
    for syn in synonyms:
        for stem in syn.stems:
            categories_of[stem].add(syn.term_id)
    places = [*session.exec(select(Woonplaats)), *session.exec(select(Gemeente))]
    place_names = [getattr(p, attr) or "" for p in places for attr in ("naam", "naam_fy")]
    known = set(raw_postings) | {s for syn in synonyms for s in syn.stems}
    postings = {
        stem: (np.fromiter(found.keys(), dtype=np.int32, count=len(found)),
               np.fromiter(found.values(), dtype=np.float32, count=len(found)))
        for stem, found in raw_postings.items()
    }
    return SearchIndex(
        version=version,
        docs=docs,
        postings=postings,
        idf=_scaled_idf(raw_postings, total),
        vocabulary=sorted(known),
        known=frozenset(known),
        term_docs={k: np.array(v, dtype=np.int32) for k, v in term_docs.items()},
        gemeente_docs={k: np.array(v, dtype=np.int32) for k, v in gemeente_docs.items()},
        latitude=lat,
        longitude=lon,
        speaks_frisian=frisian,
        terms=terms,
        synonyms=synonyms,
        doc_terms=doc_terms,
        specificity={stem: float(np.log(1 + len(terms) / len(found)))
                     for stem, found in categories_of.items()},
        parent_terms=frozenset(t.parent_id for t in terms.values() if t.parent_id),
        # A place name that is also a word of the taxonomy ("Itens" and Frisian "iten", to eat)
        # is read as the need, not as the place.
        place_stems=frozenset(stem for name in place_names for stem in words(name))
        - {stem for synonym in synonyms for stem in synonym.stems},
    )
