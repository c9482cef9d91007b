"""Removes identifiers from what a resident typed before it is stored or passed on."""

from __future__ import annotations

import re

__all__ = ["redigeer"]

# A BSN has 9 digits (sometimes written with dots or spaces); an IBAN starts with two letters
# and two digits. Phone numbers stay: residents give them so the gemeente can call back.
_BSN = re.compile(r"(?<!\d)\d{3}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{2,4}){2,5}\b", re.IGNORECASE)


def redigeer(text: str) -> str:
    """`text` with BSN-like numbers and IBANs replaced by a marker."""
    text = _IBAN.sub("[rekeningnummer weggehaald]", text)

    # Exactly 9 digits: Dutch phone numbers have 10, so they are left alone.
    return _BSN.sub("[BSN weggehaald]", text)
