"""Understand a search question: which categories it is about and which words to look for.

Every word is matched forgivingly: exactly, as the start of a longer word ("klus" finds
"klussendienst"), or despite a typo ("scootmobil"). Phrases residents use are matched to
taxonomy categories through the synonym lists; a word that points at few categories counts
more than one that appears everywhere. Place names are left out: the gemeente filter and the
distance already take care of where.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from sociale_kaart.search.index import SearchIndex
from sociale_kaart.text import STOPWORDS, stem, typed_words

MIN_PREFIX = 4
MIN_SHARED = 6
MIN_TYPO_LENGTH = 5
TYPO_CUTOFF = 0.82
PREFIX_SURENESS = 0.8
COMPOUND_SURENESS = 0.8
MIN_PART = 4
TYPO_SURENESS = 0.7
# Below this, a word match is too loose to say what category a question is about.
MIN_CATEGORY_SURENESS = 0.6
# A longer phrase that matches completely is stronger evidence than a single word.
PHRASE_BONUS = 0.5


@dataclass
class WordMatch:
    typed: str  # as the resident wrote it, for the reasons shown with a result
    stems: dict[str, float]  # index stem -> how sure (1.0 exact, less for prefix or typo)


@dataclass
class CategoryMatch:
    term_id: str
    strength: float
    because: str  # the resident's words that led to it


@dataclass
class QueryPlan:
    matches: list[WordMatch] = field(default_factory=list)
    categories: dict[str, CategoryMatch] = field(default_factory=dict)


def _similar(index: SearchIndex, word: str) -> list[str]:
    # Comparing only with words of about the same length and first letter keeps this fast.
    candidates = [w for w in index.words_starting_with(word[0]) if abs(len(w) - len(word)) <= 2]
    return difflib.get_close_matches(word, candidates, n=2, cutoff=TYPO_CUTOFF)


def _compound_parts(index: SearchIndex, word: str) -> dict[str, float]:
    """Split a Dutch or Frisian compound into words the index knows: "bezoekdienst" into
    "bezoek" and "dienst", "boodschappenhulp" into "boodschap" and "hulp"."""
    for cut in range(len(word) - MIN_PART, MIN_PART, -1):
        head, tail = word[:cut], word[cut:]
        linking_s = tail[1:] if tail[:1] == "s" and len(tail) > MIN_PART + 1 else ""
        for linked in filter(None, (tail, linking_s)):
            head_stem, tail_stem = stem(head), stem(linked)
            if head_stem not in index.known:
                continue
            if tail_stem in index.known:
                return {head_stem: COMPOUND_SURENESS, tail_stem: COMPOUND_SURENESS}
            if linked in STOPWORDS:  # "huishoudhulp": the "hulp" adds nothing
                return {head_stem: COMPOUND_SURENESS}
    return {}


def match_word(index: SearchIndex, word: str, typed: str = "") -> WordMatch:
    stems: dict[str, float] = {}
    if word in index.known:
        stems[word] = 1.0
    if len(word) >= MIN_PREFIX:
        # A short start of a long word is weak evidence: "huis" says little about
        # "huishoudelijk", "klus" a bit more about "klussendienst".
        for longer in index.words_starting_with(word)[:50]:
            stems.setdefault(longer, PREFIX_SURENESS * len(word) / len(longer))
    if len(word) > MIN_SHARED:
        # Dutch glues words together and bends them: "schoonhouden" should still meet
        # "schoonmaak" through their shared start.
        for size in range(len(word) - 1, MIN_SHARED - 1, -1):
            sharing = index.words_starting_with(word[:size])[:20]
            if sharing:
                for other in sharing:
                    stems.setdefault(other, 0.5 * size / len(word))
                break
    if word not in index.known:
        for part, sureness in _compound_parts(index, word).items():
            stems[part] = max(stems.get(part, 0.0), sureness)
    if word not in index.known and len(word) >= MIN_TYPO_LENGTH:
        for close in _similar(index, word):
            stems[close] = max(stems.get(close, 0.0), TYPO_SURENESS)
    return WordMatch(typed or word, stems)


def _synonym_evidence(index: SearchIndex, matches: list[WordMatch],
                      stems: tuple[str, ...]) -> float:
    """How strongly a synonym phrase is in the question: 0 unless every word is there."""
    if not stems:
        return 0.0
    total = 0.0
    for wanted in stems:
        best = max((m.stems.get(wanted, 0.0) for m in matches), default=0.0)
        if best < MIN_CATEGORY_SURENESS:
            return 0.0
        total += best * index.specificity.get(wanted, 1.0)
    return total * (1 + PHRASE_BONUS * (len(stems) - 1))


def plan_query(index: SearchIndex, text: str) -> QueryPlan:
    by_stem = {stemmed: typed for typed, stemmed in reversed(typed_words(text))}
    plan = QueryPlan(matches=[match_word(index, stemmed, typed)
                              for stemmed, typed in by_stem.items()
                              if stemmed not in index.place_stems])
    # Per category, the two strongest different phrases count: "stofzuigen" and "bedden
    # verschonen" together say more than either alone.
    evidence: dict[str, dict[tuple[str, ...], tuple[float, str]]] = defaultdict(dict)
    for synonym in index.synonyms:
        strength = _synonym_evidence(index, plan.matches, synonym.stems)
        # Phrases that come down to the same words are one piece of evidence, not several.
        if strength > evidence[synonym.term_id].get(synonym.stems, (0.0, ""))[0]:
            evidence[synonym.term_id][synonym.stems] = (strength, synonym.text)
    for term_id, by_words in evidence.items():
        found = sorted(by_words.values(), reverse=True)
        if not found:
            continue
        strength = found[0][0] + (found[1][0] * 0.5 if len(found) > 1 else 0.0)
        plan.categories[term_id] = CategoryMatch(term_id, strength, found[0][1])
    return plan
