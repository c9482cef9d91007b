"""A person when the resident asks, or when the bot did not understand twice in a row.

The resident writes one line about the question (samenvatting_form), so the medewerker need
not hear the whole story again. The live handover to the KCC comes with the KCC console.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.redactie import redigeer
from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_van
from actions.wegwijzer import bekende_gemeente

logger = logging.getLogger(__name__)

# The second misunderstanding in a row brings the offer of a person.
MISVERSTANDEN_VOOR_MENS = 2
MAX_SAMENVATTING = 300


def misverstanden_op_rij(tracker: Tracker) -> int:
    """How many of the latest user messages, counted back from now, were not understood."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if (event.get("parse_data") or {}).get("intent", {}).get("name") != "nlu_fallback":
            break
        count += 1
    return count


class ActionMens(Action):
    def name(self) -> str:
        return "action_mens"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_route_mens")
        toegang = None
        events: list[dict[str, Any]] = []
        try:
            # "Ik wil iemand in Heerenveen spreken": the place may come with the question.
            code, events = await bekende_gemeente(self.client(), tracker)
            if code:
                toegang = await self.client().toegang(code)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while offering a person")
        if toegang:
            dispatcher.utter_message(
                response="utter_mens_telefoon_gemeente",
                gemeente_naam=toegang["gemeente_naam_fy" if taal_van(tracker) == "fy"
                                      else "gemeente_naam"],
                telefoon=toegang["telefoon"],
                kcc_open=toegang.get("kcc_open") or "",
            )
        else:
            dispatcher.utter_message(response="utter_mens_telefoon_algemeen")
        return [*events, FollowupAction("samenvatting_form")]


class ActionNietBegrepen(Action):
    def name(self) -> str:
        return "action_niet_begrepen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if misverstanden_op_rij(tracker) < MISVERSTANDEN_VOOR_MENS:
            dispatcher.utter_message(response="utter_niet_begrepen")
            return []
        dispatcher.utter_message(response="utter_niet_begrepen_twee_keer")
        return [FollowupAction("action_mens")]


class ActionSamenvattingKlaar(Action):
    def name(self) -> str:
        return "action_samenvatting_klaar"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        tekst = " ".join(str(tracker.get_slot("samenvatting") or "").split())
        samenvatting = redigeer(tekst)[:MAX_SAMENVATTING]
        dispatcher.utter_message(response="utter_samenvatting_ontvangen", samenvatting=samenvatting)
        return [SlotSet("samenvatting", samenvatting)]
