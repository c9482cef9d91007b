"""Everything the bot says in Dutch it says in Frisian, in B1 Frisian that is spelled right.

The reply language is the slot `taal`; Rasa picks a response variation by its conditions
(docs/frysk.md). These checks make sure every response has both languages, that the slot
always picks exactly one text in the right language, that both texts have the same
placeholders and buttons, and that the Frisian is short, promises nothing and passes hunspell
with the Fryske Akademy dictionary (scripts/fetch_dictionary_fy.sh) and bot/wurdlist.yml.
Prints the figures (run with -s to see them).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from .b1 import DOMAIN_DIR, ROOT, language_of, responses, sentences, word_count, words
from .test_texts import FORBIDDEN, MAX_AVERAGE_WORDS, MAX_SENTENCE_WORDS

WURDLIST = ROOT / "bot" / "wurdlist.yml"
FETCH_DICTIONARY = ROOT / "scripts" / "fetch_dictionary_fy.sh"

RESPONSES = {name: variations for name, variations in responses().items()
             if any("text" in v for v in variations)}
NAMES = sorted(RESPONSES)
# A Frisian text shared by several conditions (a YAML alias) is checked once.
TEXTS_FY = list(dict.fromkeys((name, v["text"]) for name, variations in RESPONSES.items()
                              for v in variations if "text" in v and language_of(v) == "fy"))
IDS = [f"{name}-{i}" for i, (name, _) in enumerate(TEXTS_FY)]
TITLES_FY = sorted({b["title"] for variations in RESPONSES.values() for v in variations
                    if language_of(v) == "fy" for b in v.get("buttons") or []})

MAX_UNKNOWN_SHARE = 0.01
# The Frisian of the Dutch FORBIDDEN: the bot never decides entitlement, never names an amount.
FORBIDDEN_FY = [*FORBIDDEN, r"\bjo krije\b", r"\bkrije jo\b", r"\brjocht op\b",
                r"\bhawwe rjocht\b", r"\bjo komme yn oanmerking\b",
                r"\bkomme jo yn oanmerking\b", r"\bselsredsumens\b"]
# The resident is "jo", never "do" (informal) and never the Dutch "u".
NOT_JO = [r"\bdo\b", r"\bdyn\b", r"\bdysels\b", r"\bu\b", r"\buw\b", r"\buzelf\b"]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@cache
def wurdlist() -> dict:
    return dict(yaml.safe_load(WURDLIST.read_text(encoding="utf-8")))


def termen() -> dict[str, dict]:
    return dict(wurdlist()["termen"])


# --- both languages, and the slot picks one ---------------------------------------------

def _other_conditions(variation: dict) -> frozenset:
    return frozenset((c["name"], c["value"]) for c in variation.get("condition") or []
                     if c["name"] != "taal")


def _twins(name: str) -> list[tuple[dict, dict | None]]:
    """Each Frisian variation with its Dutch twin: the Dutch variation with the same other
    conditions, or else the Dutch one without other conditions (the Dutch default)."""
    dutch = {_other_conditions(v): v for v in RESPONSES[name] if language_of(v) == "nl"}
    return [(v, dutch.get(_other_conditions(v), dutch.get(frozenset())))
            for v in RESPONSES[name] if language_of(v) == "fy"]


@pytest.mark.parametrize("name", NAMES)
def test_every_response_has_a_frisian_twin_with_the_same_placeholders_and_buttons(name):
    variations = RESPONSES[name]
    dutch = [v for v in variations if language_of(v) == "nl"]
    frisian = [v for v in variations if language_of(v) == "fy"]
    assert frisian, f"{name}: no Frisian variation (condition taal: fy)"
    assert dutch, f"{name}: no Dutch variation"
    frisian_conditions = {_other_conditions(v) for v in frisian}
    for v in dutch:
        if _other_conditions(v):
            assert _other_conditions(v) in frisian_conditions, (
                f"{name}: no Frisian twin for the Dutch variation with {set(_other_conditions(v))}")
    for fy, nl in _twins(name):
        assert nl is not None, f"{name}: no Dutch twin for {fy['text']!r}"
        assert sorted(PLACEHOLDER.findall(fy["text"])) == sorted(PLACEHOLDER.findall(nl["text"])), (
            f"{name}: placeholders differ: {fy['text']!r} / {nl['text']!r}")
        assert [b["payload"] for b in fy.get("buttons") or []] == \
            [b["payload"] for b in nl.get("buttons") or []], f"{name}: button payloads differ"


def _rasa_choices(variations: list[dict], slots: dict) -> list[dict]:
    """The variations Rasa 3.6 chooses from at random (ResponseVariationFilter in
    rasa/core/nlg/generator.py, without channels): all conditioned variations whose
    conditions match, and only when there are none, the variations without a condition."""
    def matches(value, wanted) -> bool:
        if isinstance(value, str) and isinstance(wanted, str):
            return value.casefold() == wanted.casefold()
        return value == wanted

    conditioned = [v for v in variations if v.get("condition") and
                   all(matches(slots.get(c["name"]), c["value"]) for c in v["condition"])]
    return conditioned or [v for v in variations if not v.get("condition")]


@cache
def _slot_values() -> dict[str, set]:
    """Every value a slot in a response condition can have: the values the conditions name,
    the values its from_intent mappings set, and no value at all."""
    values: dict[str, set] = {}
    for variations in RESPONSES.values():
        for v in variations:
            for c in v.get("condition") or []:
                values.setdefault(c["name"], {None}).add(c["value"])
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        slots = yaml.safe_load(path.read_text(encoding="utf-8")).get("slots") or {}
        for slot, spec in slots.items():
            if slot in values:
                values[slot] |= {m["value"] for m in spec.get("mappings") or []
                                 if m.get("type") == "from_intent"}
    return values


@pytest.mark.parametrize("name", NAMES)
def test_the_taal_slot_picks_one_text_in_that_language(name):
    variations = RESPONSES[name]
    other_slots = sorted({c["name"] for v in variations for c in v.get("condition") or []
                          if c["name"] != "taal"})
    for taal in ("nl", "fy"):
        for values in itertools.product(*(sorted(_slot_values()[s], key=str)
                                          for s in other_slots)):
            slots = {"taal": taal, **dict(zip(other_slots, values, strict=True))}
            chosen = _rasa_choices(variations, slots)
            assert chosen, f"{name}: no text for {slots}"
            assert {language_of(v) for v in chosen} == {taal}, (
                f"{name}: with {slots} Rasa may pick {[v['text'] for v in chosen]}")
            assert len({(v["text"], str(v.get("buttons"))) for v in chosen}) == 1, (
                f"{name}: with {slots} Rasa picks at random from {[v['text'] for v in chosen]}")


# --- B1 Frisian ---------------------------------------------------------------------------

def test_there_are_frisian_texts_to_check():
    assert len(TEXTS_FY) > 50


@pytest.mark.parametrize("text", TEXTS_FY, ids=IDS)
def test_no_sentence_is_too_long(text):
    name, tekst = text
    lengths = [word_count(s) for s in sentences(tekst)]
    assert max(lengths) <= MAX_SENTENCE_WORDS, f"{name}: a sentence of {max(lengths)} words"


def _sentence_lengths() -> list[int]:
    return [word_count(s) for _, tekst in TEXTS_FY for s in sentences(tekst)]


def test_average_sentence_is_b1_length():
    lengths = _sentence_lengths()
    assert sum(lengths) / len(lengths) <= MAX_AVERAGE_WORDS


@pytest.mark.parametrize("text", TEXTS_FY, ids=IDS)
def test_no_promises_or_amounts(text):
    name, tekst = text
    for pattern in FORBIDDEN_FY:
        assert not re.search(pattern, tekst, re.IGNORECASE), f"{name} matches {pattern}"


@pytest.mark.parametrize("text", TEXTS_FY, ids=IDS)
def test_the_resident_is_jo(text):
    name, tekst = text
    for pattern in NOT_JO:
        assert not re.search(pattern, PLACEHOLDER.sub(" ", tekst), re.IGNORECASE), (
            f"{name} matches {pattern}: address the resident with 'jo'")


@pytest.mark.parametrize("text", TEXTS_FY, ids=IDS)
def test_dutch_term_in_brackets_the_first_time(text):
    """Terms residents know in Dutch get the Dutch word in brackets the first time."""
    name, tekst = text
    for nl, term in termen().items():
        if not term.get("heakjes"):
            continue
        first = re.search(rf"\b{re.escape(term['frysk'])}\b", tekst, re.IGNORECASE)
        if first:
            assert tekst[first.end():].startswith(f" ({nl})"), (
                f"{name}: write '{term['frysk']} ({nl})' the first time (bot/wurdlist.yml)")


def test_glossary_explanations_are_b1_themselves():
    for nl, term in termen().items():
        assert max(word_count(s) for s in sentences(term["utlis"])) <= MAX_SENTENCE_WORDS, nl
        for pattern in FORBIDDEN_FY:
            assert not re.search(pattern, term["utlis"], re.IGNORECASE), f"{nl}: {pattern}"


# --- spelling: hunspell with the Fryske Akademy dictionary ------------------------------

@pytest.fixture(scope="module")
def dictionary() -> Path:
    """The hunspell dictionary as hunspell's -d wants it: <directory>/index."""
    if shutil.which("hunspell") is None:
        pytest.fail("hunspell is not installed, so the Frisian spelling cannot be checked. "
                    "Run scripts/system_deps.sh (Debian: apt-get install -y hunspell).")
    fetched = subprocess.run(["bash", str(FETCH_DICTIONARY)], capture_output=True, text=True,
                             cwd=ROOT)
    if fetched.returncode != 0:
        pytest.fail("The Frisian dictionary (npm package dictionary-fy) could not be fetched, "
                    f"so the Frisian spelling cannot be checked: {fetched.stderr.strip()}")
    return Path(fetched.stdout.strip()) / "index"


def _hunspell_unknown(dictionary: Path, lines: list[str]) -> list[str]:
    """Every word hunspell does not know, once for each time it occurs."""
    result = subprocess.run(
        ["hunspell", "-d", str(dictionary), "-i", "UTF-8", "-l"], input="\n".join(lines),
        capture_output=True, text=True, check=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"})
    # The dictionary counts '.' as a word character, so a word ending a sentence keeps it.
    return [w.rstrip(".") for w in result.stdout.split()]


def spelling_text(text: str) -> str:
    """The text without what is not Frisian prose: placeholders, links, e-mail addresses,
    postcodes, and the Dutch term in brackets after a Frisian term of bot/wurdlist.yml."""
    text = PLACEHOLDER.sub(" ", text)
    text = re.sub(r"https?://\S+|\S+@\S+|\b\d{4} ?[A-Z]{2}\b", " ", text)
    dutch = "|".join(re.escape(nl) for nl in sorted(termen(), key=len, reverse=True))
    return re.sub(rf"\((?:{dutch})\)", " ", text, flags=re.IGNORECASE).replace("\n", " ")


def _allowed() -> set[str]:
    """The names and the words of the Frisian terms in bot/wurdlist.yml, in lower case."""
    allowed = {str(name).lower() for name in wurdlist()["nammen"]}
    for term in termen().values():
        allowed |= {w.lower() for w in words(term["frysk"])}
    return allowed


def unknown_words(dictionary: Path, texts: list[str]) -> tuple[list[str], int]:
    """The words of the texts that are neither in the dictionary nor allowed, once for each
    time they occur, and the number of words. A compound with a hyphen (Wmo-paadwizer) passes
    when each part passes."""
    lines = [spelling_text(t) for t in texts]
    allowed = _allowed()
    unknown = [w for w in _hunspell_unknown(dictionary, lines) if w.lower() not in allowed]
    parts = sorted({p for w in unknown if "-" in w for p in w.split("-") if p})
    bad_parts = set(_hunspell_unknown(dictionary, parts)) if parts else set()
    unknown = [w for w in unknown if "-" not in w or
               any(p in bad_parts and p.lower() not in allowed for p in w.split("-"))]
    return unknown, sum(len(words(line)) for line in lines)


def test_frisian_spelling(dictionary):
    texts = [tekst for _, tekst in TEXTS_FY] + TITLES_FY
    unknown, total = unknown_words(dictionary, texts)
    share = len(unknown) / total
    lengths = _sentence_lengths()
    print(f"\nFrysk: {len(TEXTS_FY)} texts, {len(lengths)} sentences, average "
          f"{sum(lengths) / len(lengths):.1f} words, longest {max(lengths)}; unknown words "
          f"{100 * share:.1f}% ({len(unknown)} of {total}"
          + (f": {', '.join(sorted(set(unknown)))})" if unknown else ")"))
    assert share <= MAX_UNKNOWN_SHARE, (
        f"{100 * share:.1f}% of the Frisian words are unknown to hunspell (at most "
        f"{100 * MAX_UNKNOWN_SHARE:.0f}%): {dict(Counter(unknown).most_common())}. Correct "
        "the spelling, or add a term (with its explanation) or a name to bot/wurdlist.yml")


def test_glossary_explanations_are_spelled_right(dictionary):
    unknown, total = unknown_words(dictionary, [t["utlis"] for t in termen().values()])
    assert len(unknown) / total <= MAX_UNKNOWN_SHARE, f"unknown words: {sorted(set(unknown))}"


def test_allowlist_is_small_and_honest(dictionary):
    """Every name in bot/wurdlist.yml is one the dictionary lacks and a Frisian text uses;
    every Frisian term is used."""
    used = {w.lower() for _, tekst in TEXTS_FY for w in words(tekst)}
    names = [str(name) for name in wurdlist()["nammen"]]
    known = set(names) - set(_hunspell_unknown(dictionary, names))
    assert not known, f"the dictionary knows these already; remove them from nammen: {known}"
    assert not {n for n in names if n.lower() not in used}, "a name no Frisian text uses"
    for nl, term in termen().items():
        assert any(re.search(rf"\b{re.escape(term['frysk'])}\b", tekst, re.IGNORECASE)
                   for _, tekst in TEXTS_FY), f"{nl}: no Frisian text uses {term['frysk']!r}"
