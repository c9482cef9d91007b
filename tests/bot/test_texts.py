"""Every Dutch text the bot can send is B1 and never promises help or names money.

Prints the figures (run with -s to see them): sentence length, Flesch-Douma and the words that
needed the glossary.
"""

from __future__ import annotations

import re

import pytest

from .b1 import bot_texts, explained_words, flesch_douma, sentences, uncommon_words, word_count

TEXTS = bot_texts("nl")
IDS = [f"{t.name}-{i}" for i, t in enumerate(TEXTS)]

MAX_AVERAGE_WORDS = 15
MAX_SENTENCE_WORDS = 25
MIN_FLESCH_DOUMA = 60
# The bot never decides entitlement and never names an amount (domain/README.md).
FORBIDDEN = [r"\bu krijgt\b", r"\brecht op\b", r"\bje krijgt\b", r"€", r"\beuro\b",
             r"\bzelfredzaamheid\b", r"\bu komt in aanmerking\b"]


def test_there_are_texts_to_check():
    assert len(TEXTS) > 50


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_no_sentence_is_too_long(text):
    lengths = [word_count(s) for s in sentences(text.text)]
    assert max(lengths) <= MAX_SENTENCE_WORDS, f"{text.name}: a sentence of {max(lengths)} words"


def test_average_sentence_is_b1_length():
    lengths = [word_count(s) for t in TEXTS for s in sentences(t.text)]
    average = sum(lengths) / len(lengths)
    print(f"\nB1: {len(TEXTS)} texts, {len(lengths)} sentences, average {average:.1f} words, "
          f"longest {max(lengths)}")
    assert average <= MAX_AVERAGE_WORDS


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_flesch_douma_is_at_least_60(text):
    assert flesch_douma(text.text) >= MIN_FLESCH_DOUMA, text.text


def test_flesch_douma_figures():
    scores = sorted(flesch_douma(t.text) for t in TEXTS)
    print(f"\nFlesch-Douma: lowest {scores[0]:.0f}, median {scores[len(scores) // 2]:.0f}, "
          f"all texts together {flesch_douma(' '.join(t.text for t in TEXTS)):.0f}")


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_uncommon_words_are_explained(text):
    assert not uncommon_words(text.text), (
        f"{text.name}: uncommon words {uncommon_words(text.text)}; use a common word, or add "
        "the word with a B1 explanation to bot/woordenlijst.yml")


def test_glossary_explanations_are_b1_themselves():
    for word, uitleg in explained_words().items():
        assert max(word_count(s) for s in sentences(uitleg)) <= MAX_SENTENCE_WORDS, word
        assert not uncommon_words(uitleg), f"{word}: {uncommon_words(uitleg)}"


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_no_promises_or_amounts(text):
    for pattern in FORBIDDEN:
        assert not re.search(pattern, text.text, re.IGNORECASE), f"{text.name} matches {pattern}"
