"""Measures how readable a bot text is: sentence length, Flesch-Douma, and uncommon words.

B1 is what most Dutch adults read without effort. A machine cannot judge it fully, but it can
check what B1 guides agree on: short sentences, short common words, and an explanation for
every term the bot cannot avoid (bot/woordenlijst.yml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import textstat
import yaml
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_DIR = ROOT / "bot" / "domain"
WOORDENLIJST = ROOT / "bot" / "woordenlijst.yml"

# A word seen at least once per million Dutch words (Zipf 3) counts as common.
COMMON_ZIPF = 3.0
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Text:
    name: str
    text: str


def bot_texts(taal: str = "nl") -> list[Text]:
    """Every text variation in the domain for one language (no condition on taal means nl)."""
    texts = []
    for name, variations in responses().items():
        for variation in variations:
            if "text" in variation and language_of(variation) == taal:
                texts.append(Text(name, variation["text"]))
    return texts


def responses() -> dict[str, list[dict]]:
    """Every response in the domain with its variations, as Rasa merges the domain folder."""
    found: dict[str, list[dict]] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        found.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    return found


def language_of(variation: dict) -> str:
    for condition in variation.get("condition") or []:
        if condition.get("name") == "taal":
            return str(condition["value"])
    return "nl"


def readable(text: str) -> str:
    """The text as a resident sees it: placeholders become a short stand-in, links a word."""
    filled = re.sub(r"\{[a-z_]+\}", "X", text)
    return re.sub(r"https?://\S+", "website", filled).replace("\n", " ")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", readable(text).strip()) if _WORD.search(s)]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def flesch_douma(text: str) -> float:
    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(readable(text)))


@cache
def _woordenlijst() -> dict:
    return dict(yaml.safe_load(WOORDENLIJST.read_text(encoding="utf-8")))


def explained_words() -> dict[str, str]:
    return dict(_woordenlijst()["uitleg"])


@cache
def _lowered(section: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _woordenlijst()[section])


def uncommon_words(text: str) -> list[str]:
    """Words that are neither common Dutch nor explained in the glossary, nor names."""
    explained, names = _lowered("uitleg"), _lowered("namen")
    found = []
    for word in _WORD.findall(readable(text)):
        lower = word.lower()
        if lower == "x" or lower in explained or lower in names:
            continue
        if any(part in names for part in lower.split("-")):
            continue
        if zipf_frequency(lower, "nl") < COMMON_ZIPF:
            found.append(word)
    return found
