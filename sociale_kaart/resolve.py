"""Find the gemeente in free text: a town, a gemeente, a Frisian name, a postcode or a typo.

Pure functions over a small in-memory index, so they are easy to test and fast enough to
build per request for a province-sized map.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from sociale_kaart.text import normalise

__all__ = ["Match", "NameEntry", "PlaceNames", "normalise"]

_ARTICLES = ("de ", "it ", "het ", "t ")
# Words residents put around a place name; they must never fuzzy-match a town.
_FILLER = {
    "ik", "woon", "wonen", "woont", "in", "te", "bij", "de", "het", "it", "een", "mijn", "myn",
    "moeder", "vader", "mem", "heit", "gemeente", "gemeentehuis", "plaats", "dorp", "stad",
    "buurt", "wenje", "wenjen", "yn", "by", "fan", "van", "the", "postcode", "en", "op", "is",
}
_POSTCODE = re.compile(r"\b([1-9][0-9]{3})(?:\s?[a-z]{2})?\b")
_FUZZY_CUTOFF = 0.8


@dataclass(frozen=True)
class NameEntry:
    name: str
    kind: str  # "gemeente" or "woonplaats"
    gemeente_code: str
    woonplaats: str | None = None


@dataclass(frozen=True)
class Match:
    gemeente_code: str
    match: str
    match_type: str
    zekerheid: float
    woonplaats: str | None = None


def _keys(name: str) -> set[str]:
    key = normalise(name)
    keys = {key}
    for article in _ARTICLES:
        if key.startswith(article):
            keys.add(key[len(article):])
    return keys


def _index(entries: list[NameEntry]) -> dict[str, list[NameEntry]]:
    index: dict[str, list[NameEntry]] = {}
    for entry in entries:
        for key in _keys(entry.name):
            index.setdefault(key, []).append(entry)
    return index


def _ngrams(words: list[str], longest: int = 4) -> list[str]:
    grams = []
    for size in range(min(longest, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            gram = words[start:start + size]
            if size == 1 and (gram[0] in _FILLER or len(gram[0]) < 2):
                continue
            grams.append(" ".join(gram))
    return grams


def _pick(candidates: list[NameEntry]) -> tuple[NameEntry, bool]:
    """Prefer a gemeente name over a village of the same name; say whether it was ambiguous."""
    gemeenten = {c.gemeente_code for c in candidates}
    best = sorted(candidates, key=lambda c: c.kind != "gemeente")[0]
    return best, len(gemeenten) > 1


def _as_match(entry: NameEntry, text: str, match_type: str, zekerheid: float) -> Match:
    return Match(entry.gemeente_code, text, match_type, round(zekerheid, 2), entry.woonplaats)


class PlaceNames:
    """Every place name and postcode, with the look-up index built once."""

    def __init__(self, entries: list[NameEntry], postcodes: dict[int, NameEntry]) -> None:
        self.postcodes = postcodes
        self.index = _index(entries)

    def find(self, query: str) -> Match | None:
        text = normalise(query)
        if not text:
            return None

        for found in _POSTCODE.finditer(text):
            entry = self.postcodes.get(int(found.group(1)))
            if entry:
                return _as_match(entry, found.group(0), "postcode", 1.0)

        grams = _ngrams(text.split())
        for gram in grams:
            if gram in self.index:
                entry, ambiguous = _pick(self.index[gram])
                return _as_match(entry, gram, entry.kind, 0.6 if ambiguous else 1.0)

        best: tuple[float, str, str] | None = None
        for gram in grams:
            if len(gram) < 4:
                continue
            for key in difflib.get_close_matches(gram, self.index.keys(), n=1,
                                                 cutoff=_FUZZY_CUTOFF):
                ratio = difflib.SequenceMatcher(None, gram, key).ratio()
                if best is None or ratio > best[0]:
                    best = (ratio, gram, key)
        if best:
            ratio, gram, key = best
            entry, ambiguous = _pick(self.index[key])
            return _as_match(entry, gram, "ongeveer", ratio * (0.6 if ambiguous else 0.9))
        return None

