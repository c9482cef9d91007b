"""The message of bot/gesprekken/storing.py (the action server does not answer): the same
checks as the bot's own texts, and the same phone route, word for word, as the domain's answer
when the sociale kaart is down (utter_contact_algemeen)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .b1 import flesch_douma, language_of, responses, sentences, uncommon_words, word_count
from .test_texts import FORBIDDEN, MAX_SENTENCE_WORDS, MIN_FLESCH_DOUMA
from .test_texts_fy import FORBIDDEN_FY, NOT_JO, dictionary, unknown_words  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
STORING = ROOT / "bot" / "gesprekken" / "storing.py"
TELEFOON_ROUTE = {
    "nl": "Bel uw gemeente op 14 met daarachter het netnummer van uw woonplaats.",
    "fy": "Bel jo gemeente op 14 mei dêrefter it netnûmer fan jo wenplak.",
}


def storing_teksten() -> dict[str, str]:
    """ACTIESERVER_STORING in bot/gesprekken/storing.py, read without importing Rasa."""
    tree = ast.parse(STORING.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "ACTIESERVER_STORING" for t in node.targets):
            return dict(ast.literal_eval(node.value))
    raise AssertionError("bot/gesprekken/storing.py has no ACTIESERVER_STORING")


TEKSTEN = storing_teksten()


def test_there_is_a_dutch_and_a_frisian_text():
    assert set(TEKSTEN) == {"nl", "fy"}


@pytest.mark.parametrize("taal", ["nl", "fy"])
def test_the_phone_route_is_the_one_the_domain_gives_when_the_sociale_kaart_is_down(taal):
    domein = [v["text"] for v in responses()["utter_contact_algemeen"]
              if language_of(v) == taal]
    assert domein and TELEFOON_ROUTE[taal] in domein[0]
    assert TELEFOON_ROUTE[taal] in TEKSTEN[taal]


def test_the_dutch_text_is_b1():
    tekst = TEKSTEN["nl"]
    assert max(word_count(s) for s in sentences(tekst)) <= MAX_SENTENCE_WORDS
    assert flesch_douma(tekst) >= MIN_FLESCH_DOUMA
    assert not uncommon_words(tekst), uncommon_words(tekst)
    assert not any(re.search(p, tekst, re.IGNORECASE) for p in FORBIDDEN)


def test_the_frisian_text_is_short_says_jo_and_promises_nothing():
    tekst = TEKSTEN["fy"]
    assert max(word_count(s) for s in sentences(tekst)) <= MAX_SENTENCE_WORDS
    assert not any(re.search(p, tekst, re.IGNORECASE) for p in NOT_JO)
    assert not any(re.search(p, tekst, re.IGNORECASE) for p in FORBIDDEN_FY)


def test_the_frisian_text_is_spelled_right(dictionary):  # noqa: F811
    unknown, _ = unknown_words(dictionary, [TEKSTEN["fy"]])
    assert unknown == []
