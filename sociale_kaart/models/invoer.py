"""Checks for what people type: plain text, Dutch phone numbers and e-mail addresses.

The errors are pydantic errors with a B1 Dutch message, so an API client can show the message
to the person as it is.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic_core import PydanticCustomError

__all__ = ["normaliseer_email", "normaliseer_telefoon", "schone_tekst"]

_TEKEN_FOUT = "Deze tekst bevat een teken dat niet kan. Haal het weg en probeer het opnieuw."
_TELEFOON_FOUT = (
    "Dit telefoonnummer klopt niet. Een goed nummer is bijvoorbeeld 06 12345678 of 0512 123456."
)
_EMAIL_FOUT = "Dit e-mailadres klopt niet. Een goed e-mailadres is bijvoorbeeld naam@voorbeeld.nl."

# Separators people type inside a phone number: spaces, dashes, brackets around the area code.
_SCHEIDING = re.compile(r"[\s\-()]")
_NATIONAAL = re.compile(r"0[1-9]\d{8}")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(
    r"(?P<lokaal>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    rf"@(?P<domein>(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}}))"
)


def schone_tekst(value: str, *, regels: bool = False) -> str:
    """The text without surrounding spaces; refused when it holds a control character.

    `regels=True` allows line breaks and tabs (for a question in the resident's own words).
    PostgreSQL cannot store a NUL character, so refusing them here also keeps the database safe.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("ongeldig_teken", _TEKEN_FOUT) from None
    toegestaan = "\n\r\t" if regels else ""
    if any(unicodedata.category(c) == "Cc" and c not in toegestaan for c in value):
        raise PydanticCustomError("ongeldig_teken", _TEKEN_FOUT)
    return unicodedata.normalize("NFC", value).strip()


def normaliseer_telefoon(value: str) -> str:
    """A Dutch phone number as ten digits: '06-1234 5678' and '+31 (0)6 12345678' give
    '0612345678'. Refused when it is not a Dutch number."""
    compact = _SCHEIDING.sub("", value.replace("(0)", ""))
    for landcode in ("+31", "0031"):
        if compact.startswith(landcode):
            compact = "0" + compact[len(landcode):]
            break
    if not _NATIONAAL.fullmatch(compact):
        raise PydanticCustomError("telefoon", _TELEFOON_FOUT)
    return compact


def normaliseer_email(value: str) -> str:
    """The address with its domain in lower case. Refused when it cannot be an address."""
    match = _EMAIL.fullmatch(value)
    if match is None or len(value) > 254 or len(match["lokaal"]) > 64:
        raise PydanticCustomError("email", _EMAIL_FOUT)
    return f"{match['lokaal']}@{match['domein'].lower()}"
