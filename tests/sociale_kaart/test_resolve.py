"""The resolver on its own, without a database."""

from __future__ import annotations

from sociale_kaart.resolve import NameEntry, PlaceNames, normalise

ENTRIES = [
    NameEntry("Smallingerland", "gemeente", "GM0090"),
    NameEntry("Drachten", "woonplaats", "GM0090", "Drachten"),
    NameEntry("Oudega", "woonplaats", "GM0090", "Oudega"),
    NameEntry("Oudega", "woonplaats", "GM1900", "Oudega"),
    NameEntry("De Jouwer", "woonplaats", "GM1940", "Joure"),
]


def test_normalise_strips_accents_case_and_punctuation():
    assert normalise("  Súdwest-Fryslân! ") == "sudwest fryslan"


def test_article_may_be_left_out():
    assert PlaceNames(ENTRIES, {}).find("Jouwer").gemeente_code == "GM1940"


def test_place_in_two_gemeenten_is_marked_uncertain():
    match = PlaceNames(ENTRIES, {}).find("Oudega")
    assert match.zekerheid < 1.0


def test_filler_words_never_match_a_place():
    assert PlaceNames(ENTRIES, {}).find("ik woon in de") is None


def test_postcode_wins_over_a_name():
    postcodes = {9203: NameEntry("Drachten", "woonplaats", "GM0090", "Drachten")}
    match = PlaceNames(ENTRIES, postcodes).find("9203 Jouwer")
    assert (match.gemeente_code, match.match_type) == ("GM0090", "postcode")
