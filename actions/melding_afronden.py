"""Ends the melding form: sends the melding and confirms it, or says honestly that nothing was
sent (the resident stopped or did not consent) or that it will be sent later.

The melding goes into the durable outbox before the first attempt. When the sociale kaart is
down, the background delivery (melding_bezorging) sends it as soon as it is back.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.melding_bezorging import WACHTTIJDEN_DIRECT, bezorg, start_bezorger
from actions.melding_form import leeg_maken
from actions.melding_opslag import MeldingOpslag
from actions.sociale_kaart_client import (
    MeldingGeweigerd,
    SocialeKaartClient,
    SocialeKaartOnbereikbaar,
)
from actions.taal import taal_van
from actions.wegwijzer import datum

logger = logging.getLogger(__name__)

GESTOPT_ANTWOORD = {
    "gestopt": "utter_melding_gestopt",
    "geen_toestemming_ander": "utter_melding_geen_toestemming_ander",
    "geen_toestemming": "utter_melding_niet_verstuurd",
}

# The action server delivers what is left in the outbox after a restart (set by scripts/stack.py
# and docker-compose.yml; unit tests leave it unset and start nothing).
if os.environ.get("MELDING_OUTBOX"):
    start_bezorger()


def melding_body(tracker: Tracker, telefoon: str | None, email: str | None) -> dict[str, Any]:
    """What the sociale kaart stores: only what the team needs to call back and help."""
    ander = tracker.get_slot("melding_voor_wie") == "ander"
    return {
        "gemeente_code": tracker.get_slot("gemeente_code"),
        "voor_wie": "ander" if ander else "zelf",
        "toestemming_ander": ander and tracker.get_slot("melding_toestemming_ander") == "ja",
        "naam": tracker.get_slot("melding_naam"),
        "naam_ander": tracker.get_slot("melding_naam_ander") if ander else None,
        "telefoon": telefoon,
        "email": email,
        "woonplaats": tracker.get_slot("melding_woonplaats"),
        "vraag": tracker.get_slot("melding_vraag"),
        "belmoment": tracker.get_slot("melding_belmoment"),
        "clientondersteuning": tracker.get_slot("melding_clientondersteuning") or "weet_niet",
        "mantelzorger": tracker.get_slot("melding_mantelzorger") or "weet_niet",
        "toestemming_versturen": tracker.get_slot("melding_toestemming") == "ja",
        "taal": taal_van(tracker),
    }


class ActionMeldingAfronden(Action):
    def name(self) -> str:
        return "action_melding_afronden"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        opslag = MeldingOpslag.from_env()
        gestopt = tracker.get_slot("melding_gestopt")
        if gestopt == "crisis":
            return []  # the crisis answer is given; the answers wait for "melding doen"
        if gestopt or tracker.get_slot("melding_toestemming") != "ja":
            opslag.vergeet_concept(tracker.sender_id)
            dispatcher.utter_message(response=GESTOPT_ANTWOORD.get(gestopt or "",
                                                                   "utter_melding_gestopt"))
            return leeg_maken()

        sleutel = opslag.concept_sleutel(tracker.sender_id)
        telefoon, email = opslag.contact(tracker.sender_id)
        opslag.zet_klaar(sleutel, melding_body(tracker, telefoon, email))
        opslag.vergeet_concept(tracker.sender_id)  # the contact details now live in the outbox
        try:
            bevestiging = opslag.antwoord(sleutel) or await self._verstuur(opslag, sleutel)
        except SocialeKaartOnbereikbaar:
            logger.warning("sociale kaart unreachable; the melding waits in the outbox")
            start_bezorger()
            dispatcher.utter_message(response="utter_melding_bewaard")
            dispatcher.utter_message(response="utter_mens_telefoon_algemeen")
            return leeg_maken()
        except MeldingGeweigerd as exc:
            logger.error("the sociale kaart refused a melding: %s", exc)
            dispatcher.utter_message(response="utter_melding_geweigerd", reden=exc.reden)
            return leeg_maken()
        self._bevestig(dispatcher, bevestiging, taal_van(tracker))
        return leeg_maken()

    async def _verstuur(self, opslag: MeldingOpslag, sleutel: str) -> dict[str, Any]:
        wachtend = opslag.wachtend(sleutel)
        if wachtend is None:  # refused before, or delivered by the background thread just now
            antwoord = opslag.antwoord(sleutel)
            if antwoord is None:
                raise MeldingGeweigerd(409, "Deze melding is al eerder geweigerd.")
            return antwoord
        return await bezorg(opslag, self.client(), wachtend, WACHTTIJDEN_DIRECT)

    @staticmethod
    def _bevestig(dispatcher: CollectingDispatcher, bevestiging: dict[str, Any],
                  taal: str) -> None:
        dispatcher.utter_message(response="utter_melding_verstuurd",
                                 nummer=bevestiging["nummer"])
        dispatcher.utter_message(response="utter_melding_wat_nu",
                                 team_naam=bevestiging["team_naam"],
                                 onderzoek_datum=datum(bevestiging["onderzoek_klaar_voor"], taal))
        dispatcher.utter_message(response="utter_melding_persoonlijk_plan",
                                 plan_datum=datum(bevestiging["persoonlijk_plan_tot"], taal))
        dispatcher.utter_message(response="utter_melding_team",
                                 team_naam=bevestiging["team_naam"],
                                 team_telefoon=bevestiging["team_telefoon"])
        if bevestiging.get("clientondersteuning") == "ja":
            dispatcher.utter_message(response="utter_melding_clientondersteuning_ja")
        else:
            dispatcher.utter_message(response="utter_melding_clientondersteuning_tip")
