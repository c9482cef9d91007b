"""Text handling shared by place resolution and search: one idea of what a word is."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["STOPWORDS", "normalise", "stem", "typed_words", "words"]

# Words that carry no meaning for finding a service, in Dutch and Frisian. "hulp" and
# "help" are here too: nearly every question asks for help.
_STOPWORD_TEXT = """
aan al alle als alsjeblieft alstublieft ben bij dan dat de deze die dit doe doen door dus een
en er ergens even graag had heb hebben heeft help hem het hier hij hoe hulp iemand ik in is
ja je jij kan kun kunnen me meer met mij mijn moet moeten na naar niet nodig nog nu of om
ons onze ook op over te toch tot u uw van veel voor waar wat we welke wie wij wil willen
word worden wordt zijn zo zoek zoeken zou
by dat dit dizze en fan foar graach ha hat hawwe hoe ik it jo kin kinne mar mei my myn net
no noch of om op sa sil te wat wer wêr wy yn
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def normalise(text: str) -> str:
    """Lower case, no accents, only letters, digits and single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", without_accents.lower()).split())


_SUFFIXES = ("tjes", "jes", "tje", "je", "en", "es", "s", "e")


def stem(word: str) -> str:
    """A light stemmer for Dutch and Frisian: klusjes, klussen and klus meet as 'klus'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def words(text: str, keep_stopwords: bool = False) -> list[str]:
    """Stemmed words of a text, without stop words unless asked."""
    return [stemmed for _, stemmed in typed_words(text, keep_stopwords)]


def typed_words(text: str, keep_stopwords: bool = False) -> list[tuple[str, str]]:
    """Each word as typed (normalised) with its stem, so an answer can quote the resident."""
    return [(w, stem(w)) for w in normalise(text).split()
            if keep_stopwords or (w not in STOPWORDS and len(w) > 1)]
