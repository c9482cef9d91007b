"""Answers "waar moet ik zijn?": the gemeente's team, how to reach it, and free client support."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from babel.dates import format_date
from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar

logger = logging.getLogger(__name__)


def _taal(tracker: Tracker) -> str:
    return "fy" if tracker.get_slot("taal") == "fy" else "nl"


class ActionWegwijzer(Action):
    def name(self) -> str:
        return "action_wegwijzer"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        code = tracker.get_slot("gemeente_code")
        events: list[dict[str, Any]] = []
        try:
            if not code and tracker.get_slot("woonplaats"):
                found = await self.client().resolve(tracker.get_slot("woonplaats"))
                if found:
                    code = found["gemeente"]["code"]
                    events += [SlotSet("gemeente_code", code),
                               SlotSet("gemeente_naam", found["gemeente"]["naam"])]
            toegang = await self.client().toegang(code) if code else None
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while looking up the toegang")
            toegang = None
        if toegang is None:
            dispatcher.utter_message(response="utter_contact_algemeen")
        else:
            self._utter_toegang(dispatcher, toegang, _taal(tracker))
        dispatcher.utter_message(response="utter_clientondersteuning_kort")
        return events

    @staticmethod
    def _utter_toegang(
        dispatcher: CollectingDispatcher, toegang: dict[str, Any], taal: str
    ) -> None:
        inloop = toegang.get("inloop_fy") if taal == "fy" else toegang.get("inloop")
        dispatcher.utter_message(
            response="utter_toegang",
            team_naam=toegang["team_naam"],
            gemeente_naam=toegang["gemeente_naam_fy" if taal == "fy" else "gemeente_naam"],
            telefoon=toegang["telefoon"],
            inloop=inloop or "",
        )
        if toegang.get("voorbeeld"):
            checked = dt.date.fromisoformat(toegang["laatst_gecontroleerd"])
            dispatcher.utter_message(
                response="utter_voorbeeldgegevens",
                datum=format_date(checked, format="long", locale=taal),
                website=toegang.get("website") or "",
            )
