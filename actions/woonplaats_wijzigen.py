"""Lets the resident change the place the bot uses, or name a place without being asked."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ActionVergeetWoonplaats(Action):
    """Forgets the gemeente, so woonplaats_form asks again or checks the newly named place."""

    def name(self) -> str:
        return "action_vergeet_woonplaats"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        nieuw = next(tracker.get_latest_entity_values("woonplaats"), None)
        return [SlotSet("woonplaats", nieuw), SlotSet("gemeente_code", None),
                SlotSet("gemeente_naam", None), SlotSet("woonplaats_pogingen", 0.0)]
