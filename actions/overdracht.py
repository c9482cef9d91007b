"""A KCC medewerker in the chat, or a call-back request when the KCC is closed.

action_overdracht files the question in the KCC queue of the sociale kaart with what the bot
already learned, then pauses the conversation: the bot stays silent while the medewerker
writes through Rasa's HTTP API, and the console's "terug" resumes it (docs/kcc.md).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ConversationPaused, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.melding_antwoorden import commando, contact_uit
from actions.melding_opslag import MeldingOpslag
from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_van

__all__ = ["ActionOverdracht", "ActionTerugbelverzoek", "ValidateTerugbelForm",
           "aangeboden", "huidige_sessie", "urgentie"]

logger = logging.getLogger(__name__)

MAX_AANGEBODEN = 10
CRISIS_INTENTS = frozenset({"crisis_suicide", "crisis_geweld", "crisis_acuut", "crisis_dakloos"})
# What the medewerker should know the resident was already told, by the response that told it.
AANGEBODEN = {
    "utter_route_crisis": "Crisisnummers (112, 113, Veilig Thuis of nachtopvang)",
    "utter_toegang": "Telefoonnummer en inloop van het gemeenteteam",
    "utter_voorzieningen": "Algemene voorzieningen uit de sociale kaart",
    "utter_clientondersteuning": "Uitleg over gratis cliëntondersteuning",
    "utter_melding_aanbod": "Een melding doen (aangeboden)",
    "utter_melding_verstuurd": "Melding gedaan",
    "utter_melding_bewaard": "Melding gedaan (wordt nog verstuurd)",
    "utter_mens_telefoon": "Telefoonnummer van de gemeente",
    "utter_mantelzorgscan_aanbod": "Mantelzorgscan (aangeboden)",
    "utter_mz_aanbod_intro": "Mantelzorgscan gedaan, met het aanbod voor mantelzorgers",
    "utter_eigen_bijdrage": "Uitleg over de eigen bijdrage",
}


def huidige_sessie(tracker: Tracker) -> list[dict[str, Any]]:
    """The events since the latest session start: what this visit was about."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "session_started":
            return events[index + 1:]
    return events


def urgentie(tracker: Tracker) -> str:
    intents = {(e.get("parse_data") or {}).get("intent", {}).get("name")
               for e in huidige_sessie(tracker) if e.get("event") == "user"}
    return "crisis" if intents & CRISIS_INTENTS else "normaal"


def aangeboden(tracker: Tracker) -> list[str]:
    labels: list[str] = []
    for event in huidige_sessie(tracker):
        utter = (event.get("metadata") or {}).get("utter_action") or ""
        if event.get("event") != "bot" or not utter:
            continue
        label = next((tekst for prefix, tekst in AANGEBODEN.items() if utter.startswith(prefix)),
                     None)
        if label is None and utter.startswith("utter_route_") and utter != "utter_route_mens":
            label = "Uitleg over " + utter.removeprefix("utter_route_").replace("_", " ")
        if label and label not in labels:
            labels.append(label)
    return labels[:MAX_AANGEBODEN]


def aanvraag(tracker: Tracker, soort: str, **extra: Any) -> dict[str, Any]:
    return {
        "gesprek_id": tracker.sender_id,
        "soort": soort,
        "gemeente_code": tracker.get_slot("gemeente_code"),
        "onderwerp": tracker.get_slot("onderwerp"),
        "urgentie": urgentie(tracker),
        "samenvatting": tracker.get_slot("samenvatting"),
        "aangeboden": aangeboden(tracker),
        "taal": taal_van(tracker),
        **extra,
    }


class ActionOverdracht(Action):
    def name(self) -> str:
        return "action_overdracht"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        try:
            await self.client().overdracht_aanmelden(aanvraag(tracker, "chat"))
        except SocialeKaartOnbereikbaar:
            logger.exception("could not put the chat in the KCC queue")
            dispatcher.utter_message(response="utter_overdracht_mislukt")
            return [SlotSet("mens_route", None)]
        dispatcher.utter_message(response="utter_overdracht_wachten")
        # The widget shows "waiting for a medewerker" until one writes.
        dispatcher.utter_message(json_message={"overdracht": "wachten"})
        return [ConversationPaused()]


class ValidateTerugbelForm(FormValidationAction):
    def name(self) -> str:
        return "validate_terugbel_form"

    @staticmethod
    def _stop(text: str) -> dict[str, Any] | None:
        gevonden = commando(text)
        if gevonden is not None and gevonden.soort == "stop":
            return {"requested_slot": None, "samenvatting": None, "terugbel_contact": None,
                    "terugbel_moment": None, "mens_route": "gestopt"}
        return None

    async def validate_samenvatting(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if (gestopt := self._stop(str(value or ""))) is not None:
            dispatcher.utter_message(response="utter_terugbellen_gestopt")
            return gestopt
        return {"samenvatting": value}

    async def validate_terugbel_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                        tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        if (gestopt := self._stop(text)) is not None:
            dispatcher.utter_message(response="utter_terugbellen_gestopt")
            return gestopt
        contact = contact_uit(text)
        if not contact.telefoon:
            dispatcher.utter_message(response="utter_terugbel_geen_nummer")
            return {"terugbel_contact": None}
        # The number stays in the action server's store; the conversation keeps only its kind.
        MeldingOpslag.from_env().zet_contact(tracker.sender_id, contact.telefoon, None)
        return {"terugbel_contact": "telefoon"}

    async def validate_terugbel_moment(self, value: Any, dispatcher: CollectingDispatcher,
                                       tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = " ".join(str(value or "").split())[:100]
        if (gestopt := self._stop(text)) is not None:
            dispatcher.utter_message(response="utter_terugbellen_gestopt")
            return gestopt
        return {"terugbel_moment": text or None}


class ActionTerugbelverzoek(Action):
    def name(self) -> str:
        return "action_terugbelverzoek"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("mens_route") == "gestopt":
            return [SlotSet("mens_route", None)]
        opslag = MeldingOpslag.from_env()
        telefoon, _email = opslag.contact(tracker.sender_id)
        vergeten = [SlotSet("terugbel_contact", None), SlotSet("terugbel_moment", None),
                    SlotSet("mens_route", None)]
        try:
            await self.client().overdracht_aanmelden(aanvraag(
                tracker, "terugbellen", telefoon=telefoon,
                belmoment=tracker.get_slot("terugbel_moment")))
        except SocialeKaartOnbereikbaar:
            logger.exception("could not file the call-back request")
            dispatcher.utter_message(response="utter_terugbelverzoek_mislukt")
            return vergeten
        finally:
            opslag.vergeet_concept(tracker.sender_id)  # the KCC has it now, or nobody needs it
        dispatcher.utter_message(response="utter_terugbelverzoek_ontvangen")
        return vergeten
