"""A person when the resident asks, or when the bot did not understand twice in a row.

The resident writes one line about the question (samenvatting_form), so the medewerker need
not hear the whole story again. In the widget (socket.io) during the KCC's hours, that line
goes with the chat to the KCC queue (actions/overdracht.py); when the KCC is closed, the
widget offers a call-back; elsewhere (REST, or no sociale kaart) the resident calls.
"""

from __future__ import annotations

import logging
import re
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
GEMEENTE_CODE = re.compile(r"GM\d{4}")
# Only the widget's channel can show a medewerker's messages as they come.
LIVE_KANAAL = "socketio"


def gemeente_van_site(tracker: Tracker) -> str | None:
    """The gemeente whose website the widget is on (its data-gemeente), when the resident has
    not named a place: the medewerker and the phone number of that gemeente are the best
    guess for "I want to talk to someone"."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            code = str((event.get("metadata") or {}).get("gemeente") or "").upper()
            return code if GEMEENTE_CODE.fullmatch(code) else None
    return None


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
        toegang = None
        events: list[dict[str, Any]] = []
        kcc_open = False
        live = tracker.get_latest_input_channel() == LIVE_KANAAL
        try:
            # "Ik wil iemand in Heerenveen spreken": the place may come with the question.
            code, events = await bekende_gemeente(self.client(), tracker)
            if not code and (code := gemeente_van_site(tracker)):
                events = [SlotSet("gemeente_code", code)]
            if code:
                toegang = await self.client().toegang(code)
            kcc_open = live and await self.client().kcc_bereikbaar(code)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while offering a person")
        if kcc_open:
            dispatcher.utter_message(response="utter_mens_chat")
            return [*events, SlotSet("mens_route", "chat"), FollowupAction("samenvatting_form")]
        dispatcher.utter_message(response="utter_route_mens")
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
        if live and toegang:
            dispatcher.utter_message(response="utter_kcc_dicht")
            return [*events, SlotSet("mens_route", "terugbellen")]
        return [*events, SlotSet("mens_route", "bellen"), FollowupAction("samenvatting_form")]


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
        if tracker.get_slot("mens_route") == "chat":
            dispatcher.utter_message(response="utter_samenvatting_chat", samenvatting=samenvatting)
            return [SlotSet("samenvatting", samenvatting), FollowupAction("action_overdracht")]
        dispatcher.utter_message(response="utter_samenvatting_ontvangen", samenvatting=samenvatting)
        return [SlotSet("samenvatting", samenvatting)]
