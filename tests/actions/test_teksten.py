from __future__ import annotations

from actions.teksten import vertaal


def test_frisian_words_come_from_the_catalog():
    assert vertaal("weet ik niet", "fy") == "wit ik net"
    assert vertaal("weet ik niet", "nl") == "weet ik niet"


def test_a_word_without_translation_stays_dutch():
    assert vertaal("Drachten", "fy") == "Drachten"
