"""Every text the bot says must be plain (B1) Dutch and must never promise help or name money.

Checks what a machine can check: sentence length, forbidden promises and amounts. It reads the
responses in bot/domain.yml, with {placeholders} filled by a short stand-in word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain.yml"
RESPONSES = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))["responses"]
TEXTS = [
    (name, variation["text"])
    for name, variations in RESPONSES.items()
    for variation in variations
    if "text" in variation
]

MAX_AVERAGE_WORDS = 15
MAX_SENTENCE_WORDS = 22
# The bot never decides entitlement and never names an amount (domain/README.md).
FORBIDDEN = [r"\bu krijgt\b", r"\brecht op\b", r"\bje krijgt\b", r"€", r"\beuro\b",
             r"\bzelfredzaamheid\b"]


def sentences(text: str) -> list[str]:
    filled = re.sub(r"\{[a-z_]+\}", "X", text)
    without_urls = re.sub(r"https?://\S+", "website", filled)
    return [s for s in re.split(r"(?<=[.!?])\s+", without_urls.strip()) if s]


def words(sentence: str) -> int:
    return len(re.findall(r"\w+", sentence))


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_sentences_are_short(name, text):
    lengths = [words(s) for s in sentences(text)]
    assert max(lengths) <= MAX_SENTENCE_WORDS, f"{name}: a sentence of {max(lengths)} words"


def test_average_sentence_is_b1_length():
    lengths = [words(s) for _, text in TEXTS for s in sentences(text)]
    assert sum(lengths) / len(lengths) <= MAX_AVERAGE_WORDS


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_no_promises_or_amounts(name, text):
    for pattern in FORBIDDEN:
        assert not re.search(pattern, text, re.IGNORECASE), f"{name} matches {pattern}"
