"""Rank services for a question, in the resident's gemeente first, and say why each matched."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sociale_kaart.search.index import SearchIndex
from sociale_kaart.search.query import CategoryMatch, QueryPlan, plan_query

# A category the question clearly names outweighs loose word matches.
CATEGORY_WEIGHT = 4.0
PARENT_CATEGORY_WEIGHT = 1.5
# Categories much weaker than the best one in the question are ignored.
CATEGORY_CUTOFF = 0.4
NEARBY_WEIGHT = 1.0
NEARBY_KM = 25.0
FRISIAN_WEIGHT = 0.3
MIN_SCORE = 0.5
# How much a category found by meaning adds, relative to the strongest word evidence.
MEANING_WEIGHT = 1.0


# Why a result matched, in the language of the question.
REASONS = {
    "nl": {
        "categorie": "categorie '{label}' (herkend in '{because}')",
        "betekenis": "de betekenis van de vraag",
        "woorden": "woorden: {words}",
        "gemeente": "voor uw gemeente",
        "afstand": "ongeveer {km} km van uw woonplaats",
    },
    "fy": {
        "categorie": "kategory '{label}' (werom te finen yn '{because}')",
        "betekenis": "de betsjutting fan de fraach",
        "woorden": "wurden: {words}",
        "gemeente": "foar jo gemeente",
        "afstand": "sa'n {km} km fan jo wenplak",
    },
}


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    gemeente: str | None = None
    categorie: str | None = None
    taal: str = "nl"
    origin: tuple[float, float] | None = None  # latitude, longitude of the resident's place
    limit: int = 10
    by_meaning: dict[str, float] | None = None  # category closeness from semantic.py


@dataclass
class Hit:
    doc: int
    score: float
    redenen: list[str] = field(default_factory=list)


def _allowed(index: SearchIndex, request: SearchRequest) -> np.ndarray:
    allowed = np.ones(len(index.docs), dtype=bool)
    for wanted, groups in ((request.gemeente, index.gemeente_docs),
                           (request.categorie, index.term_docs)):
        if wanted is not None:
            mask = np.zeros(len(index.docs), dtype=bool)
            mask[groups.get(wanted, np.array([], dtype=np.int32))] = True
            allowed &= mask
    return allowed


def _word_scores(index: SearchIndex, plan: QueryPlan, scores: np.ndarray) -> None:
    text = np.zeros(len(index.docs), dtype=np.float32)
    for match in plan.matches:
        best = np.zeros(len(index.docs), dtype=np.float32)
        for stem, sureness in match.stems.items():
            if stem in index.postings:
                docs, weights = index.postings[stem]
                np.maximum.at(best, docs, weights * sureness * index.idf[stem])
        text += best
    # A long story has many loose words; they should not drown what it is about.
    scores += text / max(1.0, (len(plan.matches) / 3) ** 0.5)


def _category_scores(index: SearchIndex, plan: QueryPlan, scores: np.ndarray) -> None:
    if not plan.categories:
        return
    best = max(c.strength for c in plan.categories.values())
    for category in plan.categories.values():
        docs = index.term_docs.get(category.term_id)
        share = category.strength / best
        if docs is None or share < CATEGORY_CUTOFF:
            continue
        broad = category.term_id in index.parent_terms
        weight = PARENT_CATEGORY_WEIGHT if broad else CATEGORY_WEIGHT
        scores[docs] += weight * share


def _distance_km(index: SearchIndex, origin: tuple[float, float]) -> np.ndarray:
    lat0, lon0 = np.radians(origin[0]), np.radians(origin[1])
    lat, lon = np.radians(index.latitude), np.radians(index.longitude)
    a = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(a))


def _reasons(index: SearchIndex, plan: QueryPlan, request: SearchRequest, n: int,
             distance: np.ndarray | None) -> list[str]:
    texts = REASONS[request.taal]
    reasons = []
    for category in plan.categories.values():
        if category.term_id in index.doc_terms[n]:
            term = index.terms[category.term_id]
            label = term.name_fy if request.taal == "fy" else term.name
            because = category.because or texts["betekenis"]
            reasons.append(texts["categorie"].format(label=label, because=because))
    found = [m.typed for m in plan.matches
             if any(s in index.postings and n in index.postings[s][0] for s in m.stems)]
    if found:
        reasons.append(texts["woorden"].format(words=", ".join(found)))
    if request.gemeente:
        reasons.append(texts["gemeente"])
    if distance is not None and not np.isnan(distance[n]):
        reasons.append(texts["afstand"].format(km=f"{distance[n]:.0f}"))
    return reasons


def _add_meaning(plan: QueryPlan, closeness: dict[str, float]) -> None:
    strongest = max((c.strength for c in plan.categories.values()), default=1.0)
    for term_id, share in closeness.items():
        current = plan.categories.get(term_id)
        extra = MEANING_WEIGHT * strongest * share
        plan.categories[term_id] = CategoryMatch(
            term_id, (current.strength if current else 0.0) + extra,
            current.because if current else "")


def search(index: SearchIndex, request: SearchRequest) -> list[Hit]:
    plan = plan_query(index, request.q)
    if request.by_meaning and plan.matches:
        _add_meaning(plan, request.by_meaning)
    scores = np.zeros(len(index.docs), dtype=np.float32)
    _word_scores(index, plan, scores)
    _category_scores(index, plan, scores)
    has_question = bool(plan.matches)
    if not has_question:
        scores += MIN_SCORE  # only filters: list what fits them
    distance = None
    if request.origin is not None:
        distance = _distance_km(index, request.origin)
        nearby = np.clip(1 - np.nan_to_num(distance, nan=NEARBY_KM) / NEARBY_KM, 0, 1)
        scores += (NEARBY_WEIGHT * nearby * (scores > 0)).astype(np.float32)
    if request.taal == "fy":
        scores += (FRISIAN_WEIGHT * index.speaks_frisian * (scores > 0)).astype(np.float32)
    scores[~_allowed(index, request)] = 0
    candidates = np.flatnonzero(scores >= MIN_SCORE)
    top = candidates[np.argsort(-scores[candidates], kind="stable")][: request.limit]
    return [Hit(int(n), float(scores[n]), _reasons(index, plan, request, int(n), distance))
            for n in top]
