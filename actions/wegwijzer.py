"""Answers "waar moet ik zijn?" for a topic and a gemeente.

First what the topic is about, then up to three services from the sociale kaart that a
resident can reach directly, then the gemeente's team (a melding is always possible), then
free cliëntondersteuning. docs/wegwijzer-routes.md lists the routes.
"""

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
from actions.taal import taal_van

logger = logging.getLogger(__name__)

# Which sociale kaart categories answer each topic. A parent category includes its children.
CATEGORIEEN: dict[str, str] = {
    "huishouden": "huishoudelijke_hulp",
    "vervoer": "sociaal_vervoer",
    "hulpmiddelen": "hulpmiddelen",
    "wonen": "woningaanpassing",
    "eenzaamheid": "ontmoeting",
    "begeleiding": "begeleiding",
    "dagbesteding": "dagbesteding",
    "maaltijden": "maaltijden",
    "klussen": "klussen",
    "mantelzorg": "mantelzorg",
    "clientondersteuning": "clientondersteuning",
    "jeugd": "jeugd",
    "werk_inkomen": "werk_inkomen",
    "schulden": "schuldhulp",
}
# Topics where the service is a desk of another law, not something to reach without a melding.
LOKETTEN = {"jeugd", "werk_inkomen", "schulden", "clientondersteuning"}
MAX_VOORZIENINGEN = 3
# Topics where a person is offered with the answer: money worries and worry about someone
# are hard to put in a chat.
GEVOELIG = {"schulden", "zorg_om_ander"}


def datum(iso_date: str, taal: str) -> str:
    return format_date(dt.date.fromisoformat(iso_date), format="long", locale=taal)


def al_gezegd(tracker: Tracker, response: str) -> bool:
    """Whether the bot already sent this response in the conversation (once is enough for a
    notice; a second question should get a shorter answer)."""
    return any(e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == response
               for e in tracker.events)


async def bekende_gemeente(client: SocialeKaartClient,
                           tracker: Tracker) -> tuple[str | None, list[dict[str, Any]]]:
    """The conversation's gemeente code, with the slots to set when it comes from a place the
    resident named just now; (None, []) when no place is known or the place is unknown."""
    code = tracker.get_slot("gemeente_code")
    if code or not tracker.get_slot("woonplaats"):
        return code, []
    found = await client.resolve(tracker.get_slot("woonplaats"))
    if not found:
        return None, []
    gemeente = found["gemeente"]
    return str(gemeente["code"]), [SlotSet("gemeente_code", gemeente["code"]),
                                   SlotSet("gemeente_naam", gemeente["naam"])]


def kies_voorzieningen(onderwerp: str, resultaten: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The services worth showing: for Wmo topics only what needs no melding (the team line
    covers maatwerk); for other desks the desk itself."""
    if onderwerp in LOKETTEN:
        passend = [r for r in resultaten if r.get("toegang_type") != "maatwerk"]
    else:
        passend = [r for r in resultaten if r.get("toegang_type") == "algemeen"]
    return passend[:MAX_VOORZIENINGEN]


class ActionWegwijzer(Action):
    def name(self) -> str:
        return "action_wegwijzer"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        onderwerp = tracker.get_slot("onderwerp") or "algemeen"
        taal = taal_van(tracker)
        dispatcher.utter_message(response=f"utter_route_{onderwerp}")
        events: list[dict[str, Any]] = []
        try:
            code, events = await bekende_gemeente(self.client(), tracker)
            toegang = await self.client().toegang(code) if code else None
            voorzieningen = []
            if toegang and onderwerp in CATEGORIEEN:
                gevonden = await self.client().search(code, CATEGORIEEN[onderwerp], taal)
                voorzieningen = kies_voorzieningen(onderwerp, gevonden)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while answering a %s question", onderwerp)
            toegang = None
        if toegang is None:
            dispatcher.utter_message(response="utter_contact_algemeen")
        else:
            self._utter_voorzieningen(dispatcher, onderwerp, voorzieningen, taal)
            self._utter_toegang(dispatcher, toegang, taal,
                                notice_shown=al_gezegd(tracker, "utter_voorbeeldgegevens"))
        if onderwerp != "clientondersteuning" and not al_gezegd(tracker,
                                                                 "utter_clientondersteuning_kort"):
            dispatcher.utter_message(response="utter_clientondersteuning_kort")
        # A carer can check their own situation: the mantelzorgscan, once
        # (actions/mantelzorg_scan.py).
        if onderwerp == "mantelzorg" and not al_gezegd(tracker, "utter_mantelzorgscan_aanbod"):
            dispatcher.utter_message(response="utter_mantelzorgscan_aanbod")
        if onderwerp in GEVOELIG and not al_gezegd(tracker, "utter_mens_aanbod"):
            dispatcher.utter_message(response="utter_mens_aanbod")
        # Last, so its button is at the bottom; once is enough.
        if toegang is not None and onderwerp not in LOKETTEN and \
                not al_gezegd(tracker, "utter_melding_aanbod"):
            dispatcher.utter_message(response="utter_melding_aanbod")
        return events

    @staticmethod
    def _utter_voorzieningen(dispatcher: CollectingDispatcher, onderwerp: str,
                             voorzieningen: list[dict[str, Any]], taal: str) -> None:
        if not voorzieningen:
            return
        intro = "utter_voorzieningen_loket" if onderwerp in LOKETTEN else "utter_voorzieningen_vrij"
        dispatcher.utter_message(response=intro)
        for dienst in voorzieningen:
            dispatcher.utter_message(
                response="utter_voorziening",
                naam=dienst["name"],
                beschrijving=dienst.get("description") or "",
                telefoon=dienst.get("telefoon") or "",
                openingstijden=" ".join(dienst.get("openingstijden") or []),
                datum=datum(dienst["laatst_gecontroleerd"], taal),
            )

    @staticmethod
    def _utter_toegang(dispatcher: CollectingDispatcher, toegang: dict[str, Any], taal: str,
                       notice_shown: bool) -> None:
        inloop = toegang.get("inloop_fy") if taal == "fy" else toegang.get("inloop")
        dispatcher.utter_message(
            response="utter_toegang",
            team_naam=toegang["team_naam"],
            gemeente_naam=toegang["gemeente_naam_fy" if taal == "fy" else "gemeente_naam"],
            telefoon=toegang["telefoon"],
            inloop=inloop or "",
        )
        if toegang.get("voorbeeld") and not notice_shown:
            dispatcher.utter_message(
                response="utter_voorbeeldgegevens",
                datum=datum(toegang["laatst_gecontroleerd"], taal),
                website=toegang.get("website") or "",
            )
