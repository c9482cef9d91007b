"""The language the bot answers in: the slot `taal`, filled by the NLU pipeline
(bot/components/taal.py) from what the resident writes or asks for.

Dutch is the default everywhere. In the Stellingwerven Frisian is not the local language, and
the dialect (Stellingwerfs, a Low Saxon language) shares words with Frisian; so once the bot
knows the resident lives there, it goes back to Dutch unless the resident wrote Frisian beyond
doubt or chose a language (the slot `taal_zeker`).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

__all__ = ["NEDERLANDS_STANDAARD", "taal_na_plaats", "taal_van"]

# Ooststellingwerf and Weststellingwerf (CBS codes).
NEDERLANDS_STANDAARD = frozenset({"GM0085", "GM0098"})


def taal_van(tracker: Tracker) -> str:
    return "fy" if tracker.get_slot("taal") == "fy" else "nl"


def taal_na_plaats(tracker: Tracker, gemeente_code: str | None) -> dict[str, Any]:
    """The slot events for the language once the gemeente is known: {} or {"taal": "nl"}."""
    if gemeente_code in NEDERLANDS_STANDAARD and taal_van(tracker) == "fy" \
            and not tracker.get_slot("taal_zeker"):
        return {"taal": "nl"}
    return {}
