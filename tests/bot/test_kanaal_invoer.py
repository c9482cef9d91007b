"""What the chat channels do with a message before NLU: the cleaning of text, and the
language of their own replies. The channels themselves, with their rate limits, are tried end
to end in tests/e2e/test_slechte_invoer.py; the rate limit's buckets in
tests/sociale_kaart/test_snelheidslimiet.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))

from kanalen.invoer import schoon_bericht, taal_van


@pytest.mark.parametrize("ruw, schoon", [
    ("  hulp bij het huishouden \n", "hulp bij het huishouden"),
    ("regel 1\r\nregel 2\rregel 3", "regel 1\nregel 2\nregel 3"),
    ("nul\x00teken en bel\x07 en esc\x1b[31m", "nulteken en bel en esc[31m"),
    ("\u202egnitset\u202c normaal \u2066x\u2069", "gnitset normaal x"),
    ("half \ud83d paar", "half  paar"),
    ("e\u0301 wordt één teken", "\u00e9 wordt één teken"),
    ("Ik 💙 mijn mem 👩‍👧", "Ik 💙 mijn mem 👩‍👧"),  # emoji, with a zero-width joiner, stay
    ("مرحبا، أحتاج مساعدة", "مرحبا، أحتاج مساعدة"),  # right-to-left text stays as it is
    ("\x00\x01 \t", ""),
])
def test_a_message_is_cleaned_of_what_means_nothing_in_a_chat(ruw, schoon):
    assert schoon_bericht(ruw) == schoon


def test_the_language_of_a_reply_follows_the_widget_and_is_dutch_otherwise():
    assert taal_van({"taal": "fy"}) == "fy"
    assert taal_van({"taal": "en"}) == "nl"
    assert taal_van("fy") == "nl"
    assert taal_van(None) == "nl"
