"""Validates where the resident lives by asking the sociale kaart which gemeente that is."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar

logger = logging.getLogger(__name__)

# After this many unknown places we stop asking and give the general route instead,
# so nobody is kept in a loop.
MAX_POGINGEN = 2


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
        try:
            found = await self.client().resolve(text)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while resolving a place")
            return {"woonplaats": text, "gemeente_code": None, "gemeente_naam": None}
        if found is None:
            pogingen = int(tracker.get_slot("woonplaats_pogingen") or 0) + 1
            if pogingen >= MAX_POGINGEN:
                return {"woonplaats": text, "gemeente_code": None, "gemeente_naam": None,
                        "woonplaats_pogingen": 0.0}
            dispatcher.utter_message(response="utter_woonplaats_onbekend")
            return {"woonplaats": None, "woonplaats_pogingen": float(pogingen)}
        gemeente = found["gemeente"]
        return {
            "woonplaats": found.get("woonplaats") or gemeente["naam"],
            "gemeente_code": gemeente["code"],
            "gemeente_naam": gemeente["naam"],
            "woonplaats_pogingen": 0.0,
        }
