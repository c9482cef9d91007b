from __future__ import annotations

import pytest

from actions.redactie import redigeer


@pytest.mark.parametrize("text", ["mijn bsn is 123456782", "BSN: 123.45.67.82",
                                  "nummer 123 45 67 82"])
def test_bsn_is_removed(text):
    assert "[BSN weggehaald]" in redigeer(text)
    assert "82" not in redigeer(text)


def test_iban_is_removed():
    assert redigeer("rekening NL91 ABNA 0417 1643 00") == "rekening [rekeningnummer weggehaald]"


@pytest.mark.parametrize("text", ["bel mij op 0612345678", "06-12345678", "postcode 8441 AB",
                                  "ik ben 84 jaar"])
def test_phone_numbers_and_postcodes_stay(text):
    assert redigeer(text) == text
