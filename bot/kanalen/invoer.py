"""What a chat message must be before NLU sees it, shared by the widget and the REST channel.

- Control characters go: they mean nothing in a chat, PostgreSQL cannot store a NUL, and
  bidirectional overrides can make a message read differently to KCC staff than it is.
- Lone surrogates (possible in JSON, not in UTF-8) go: writing them to a log or a database fails.
- A message longer than MAX_BERICHT_LENGTE is not passed on; the resident gets TEKSTEN["te_lang"].
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_BERICHT_LENGTE", "TEKSTEN", "schoon_bericht", "taal_van"]

# Nobody types this much in a chat, and a very long text only costs the NLU pipeline time.
# The widget stops at this length too.
MAX_BERICHT_LENGTE = 2000

TEKSTEN = {
    "te_lang": {
        "nl": "Uw bericht is te lang. Schrijf het korter, in een paar zinnen.",
        "fy": "Jo berjocht is te lang. Skriuw it koarter, yn in pear sinnen.",
    },
    "te_snel": {
        "nl": "U stuurt veel berichten snel na elkaar. Wacht een minuut. "
              "Stuur daarna uw vraag opnieuw.",
        "fy": "Jo stjoere in soad berjochten fluch efter inoar. Wachtsje in minút. "
              "Stjoer dêrnei jo fraach nochris.",
    },
}

# C0/C1 controls except tab and newline, bidirectional embeddings, overrides and isolates,
# and surrogates.
_WEG = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def schoon_bericht(tekst: str) -> str:
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _WEG.sub("", tekst)).strip()


def taal_van(metadata: object) -> str:
    """The language the widget says the resident reads: "fy" or "nl"."""
    return "fy" if isinstance(metadata, dict) and metadata.get("taal") == "fy" else "nl"
