"""The texts the widget and its socket.io channel show themselves, outside bot/domain: the
same checks as the bot's own texts. Dutch: B1 sentence length, common or explained words, no
promises or amounts. Frisian: the same placeholders as the Dutch text, "jo", and spelling with
hunspell and the Fryske Akademy dictionary."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .b1 import sentences, uncommon_words, word_count
from .test_texts import FORBIDDEN, MAX_SENTENCE_WORDS
from .test_texts_fy import NOT_JO, PLACEHOLDER, dictionary, unknown_words  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
WIDGET = ROOT / "widget" / "widget.js"
KANAAL = ROOT / "bot" / "kanalen" / "invoer.py"


def widget_teksten() -> dict[str, dict[str, str]]:
    """TEKSTEN at the top of widget.js: per language, name -> text."""
    source = WIDGET.read_text(encoding="utf-8")
    teksten = {}
    for taal in ("nl", "fy"):
        blok = re.search(rf"\n\s*{taal}: Object\.freeze\(\{{(.*?)\}}\)", source, re.DOTALL)
        assert blok, f"widget.js has no TEKSTEN.{taal}"
        teksten[taal] = dict(re.findall(r'(\w+): "((?:[^"\\]|\\.)*)"', blok.group(1)))
    return teksten


def kanaal_teksten() -> dict[str, dict[str, str]]:
    """TEKSTEN in bot/kanalen/invoer.py: the channels' own replies (too long, too fast)."""
    tree = ast.parse(KANAAL.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "TEKSTEN" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("bot/kanalen/invoer.py has no TEKSTEN")


WIDGET_TEKSTEN = widget_teksten()
KANAAL_TEKSTEN = kanaal_teksten()
NL = {**{f"widget.{k}": v for k, v in WIDGET_TEKSTEN["nl"].items()},
      **{f"kanaal.{k}": v["nl"] for k, v in KANAAL_TEKSTEN.items()}}
FY = {**{f"widget.{k}": v for k, v in WIDGET_TEKSTEN["fy"].items()},
      **{f"kanaal.{k}": v["fy"] for k, v in KANAAL_TEKSTEN.items()}}


def test_every_widget_text_exists_in_both_languages_with_the_same_placeholders():
    assert len(NL) > 20
    assert set(NL) == set(FY)
    for naam in NL:
        assert sorted(PLACEHOLDER.findall(NL[naam])) == sorted(PLACEHOLDER.findall(FY[naam])), naam


@pytest.mark.parametrize("naam", sorted(NL))
def test_dutch_widget_text_is_b1(naam):
    tekst = PLACEHOLDER.sub("", NL[naam])
    assert max(word_count(s) for s in sentences(tekst)) <= MAX_SENTENCE_WORDS
    assert not uncommon_words(tekst), f"{naam}: uncommon words {uncommon_words(tekst)}"
    assert not any(re.search(p, tekst, re.IGNORECASE) for p in FORBIDDEN), naam


@pytest.mark.parametrize("naam", sorted(FY))
def test_frisian_widget_text_says_jo(naam):
    assert not any(re.search(p, FY[naam], re.IGNORECASE) for p in NOT_JO), FY[naam]


def test_frisian_widget_texts_are_spelled_right(dictionary):  # noqa: F811
    unknown, total = unknown_words(dictionary, list(FY.values()))
    print(f"\nFrysk in the widget: {len(FY)} texts, {total} words, unknown: {unknown or 'none'}")
    assert unknown == []
