"""Validates where the resident lives by asking the sociale kaart which gemeente that is.

The answer to "in welke plaats woont u?" is not always a place. A story about something else
is a new question, not a misspelt village; and a short place name that the model happens to
read as a topic must not change the topic the resident asked about.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_na_plaats

logger = logging.getLogger(__name__)

# After this many unknown places we stop asking and give the general route instead,
# so nobody is kept in a loop.
MAX_POGINGEN = 2
# A guessed (fuzzy) place only counts in a short answer: in a sentence, "gaat" is not Gaast.
MAX_WOORDEN_GOK = 3
# An answer this short is only a place, whatever topic the model reads in it.
MAX_WOORDEN_ALLEEN_PLAATS = 4


def woorden(text: str) -> int:
    return len(text.split())


def onderwerp_intents(domain: DomainDict) -> set[str]:
    """Intents that ask a question about a topic: those that set the onderwerp slot."""
    mappings = domain.get("slots", {}).get("onderwerp", {}).get("mappings", [])
    return {m["intent"] for m in mappings if m.get("type") == "from_intent"}


def onderwerp_voor_laatste_bericht(tracker: Tracker) -> str | None:
    """The topic as it was before the resident's latest message."""
    events = tracker.events
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == "onderwerp":
            value = event.get("value")
    return value


async def vind_plaats(client: SocialeKaartClient, *kandidaten: str) -> dict[str, Any] | None:
    """The best place in the slot value or the whole message. The model sometimes cuts a
    name in two ("Nij" + "Beets"), so the whole message is tried as well; a sure match beats
    a guess, and a guess only counts in a short text."""
    gok = None
    for kandidaat in dict.fromkeys(k for k in kandidaten if k):
        found = await client.resolve(kandidaat)
        if found is None:
            continue
        if found.get("match_type") != "ongeveer":
            return found
        if gok is None and woorden(kandidaat) <= MAX_WOORDEN_GOK:
            gok = found
    return gok


class ValidateWoonplaatsForm(FormValidationAction):
    def name(self) -> str:
        return "validate_woonplaats_form"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def validate_woonplaats(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        text = str(slot_value or "").strip()
        if not text:
            dispatcher.utter_message(response="utter_woonplaats_onbekend")
            return {"woonplaats": None}
        message = str(tracker.latest_message.get("text") or "").strip()
        try:
            found = await vind_plaats(self.client(), text, message)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while resolving a place")
            return {"woonplaats": text, "gemeente_code": None, "gemeente_naam": None}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if found is None and intent in onderwerp_intents(domain) and \
                woorden(message) > MAX_WOORDEN_GOK:
            # A new question instead of a place: the topic follows it, the form asks again.
            return {"woonplaats": None}
        if found is None:
            pogingen = int(tracker.get_slot("woonplaats_pogingen") or 0) + 1
            if pogingen >= MAX_POGINGEN:
                return {"woonplaats": text, "gemeente_code": None, "gemeente_naam": None,
                        "woonplaats_pogingen": 0.0}
            dispatcher.utter_message(response="utter_woonplaats_onbekend")
            return {"woonplaats": None, "woonplaats_pogingen": float(pogingen)}
        gemeente = found["gemeente"]
        slots = {
            "woonplaats": found.get("woonplaats") or gemeente["naam"],
            "gemeente_code": gemeente["code"],
            "gemeente_naam": gemeente["naam"],
            "woonplaats_pogingen": 0.0,
            **taal_na_plaats(tracker, gemeente["code"]),
        }
        if woorden(message) <= MAX_WOORDEN_ALLEEN_PLAATS and (
                eerder := onderwerp_voor_laatste_bericht(tracker)):
            slots["onderwerp"] = eerder
        return slots

