"""Which language the resident writes: clear Frisian, clear Dutch, or not clear (keep going)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))

from components.taal_herkenning import gevraagde_taal, herken_taal, taalkar


@pytest.mark.parametrize("text", [
    "Ik kin myn hûs net mear skjin hâlde",
    "myn mem wennet allinne en hat help nedich",
    "wêr moat ik hinne mei myn fraach",
    "ik wol net mear libje",
    "hoe kom ik by it sikehus sunder auto",           # without the letters â ê ô û
    "Ik bin op syk nei hulp in huis foar myn mem",    # Frisian with Dutch words
    "Mijn opa is net flauwgevallen, hy is hielendal griis en sykhellet raar",
    "tige tank",
])
def test_frisian_is_recognised(text):
    assert herken_taal(text) == "fy"


@pytest.mark.parametrize("text", [
    "Ik kan mijn huis niet meer schoonhouden. Waar moet ik zijn?",
    "mijn moeder woont alleen en heeft hulp nodig",
    "ik ben net verhuisd en zoek hulp bij de boodschappen",
    "opvoedhulp voor ons gezin in It Hearrenfean, waar moet ik zijn?",  # a Frisian place
    "werk en inkomen bij De Fryske Marren, waar moet ik zijn?",
])
def test_dutch_is_recognised(text):
    assert herken_taal(text) == "nl"


@pytest.mark.parametrize("text", [
    "ja", "nee", "Drachten", "Snits", "It Hearrenfean", "9201 AB", "06 12345678",
    "hulp in huis", "tafeltje dekje", "Pgb of natura?", "WMO",
])
def test_short_or_mixed_answers_keep_the_language(text):
    assert herken_taal(text) is None


@pytest.mark.parametrize("text, taal", [
    ("kinne wy Frysk prate?", "fy"),
    ("Kan het ook in het Fries?", "fy"),
    ("mei ik yn it Frysk skriuwe", "fy"),
    ("graag in het Nederlands", "nl"),
    ("kinne wy yn it Nederlânsk fierder?", "nl"),
    ("Nederlands alstublieft", "nl"),
])
def test_asking_for_a_language_always_wins(text, taal):
    assert gevraagde_taal(text) == taal
    assert herken_taal(text) == taal


@pytest.mark.parametrize("text, alleen", [
    ("kinne wy Frysk prate?", True),
    ("graag in het Nederlands", True),
    ("Mei ik yn it Frysk skriuwe?", True),
    ("kinne wy Frysk prate, ik ha help nedich by it skjinmeitsjen fan myn hûs", False),
    ("ik kin myn hûs net skjin hâlde", False),
])
def test_a_short_request_for_a_language_is_only_about_the_language(text, alleen):
    assert taalkar(text).allinne_fraach is alleen
