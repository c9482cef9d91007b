"""The melding form: starting it, checking each answer, and the commands at every step.

At every step the resident can type 'stop' (nothing is sent or kept), 'terug' (the previous
question again) or 'naam veranderen' (that question again; the others stay). Before anything
is sent the resident sees every answer and can change any of them, and then gives consent.
The phone number and e-mail address go to the action server's own store, never into a slot.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.melding_antwoorden import (
    Commando,
    commando,
    contact_uit,
    ja_nee,
    naam_uit,
    normaal,
    telefoon_leesbaar,
    veld_in,
    voor_wie,
)
from actions.melding_opslag import MeldingOpslag
from actions.redactie import redigeer
from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_na_plaats, taal_van
from actions.teksten import vertaal
from actions.woonplaats_form import vind_plaats

logger = logging.getLogger(__name__)

STAPPEN = [
    "melding_voor_wie",
    "melding_toestemming_ander",
    "melding_naam_ander",
    "melding_naam",
    "melding_contact",
    "melding_woonplaats",
    "melding_vraag",
    "melding_belmoment",
    "melding_clientondersteuning",
    "melding_mantelzorger",
    "melding_controle",
    "melding_toestemming",
]
ALLEEN_VOOR_ANDER = {"melding_toestemming_ander", "melding_naam_ander"}
HULP_SLOTS = {"melding_gestopt": None, "melding_vraag_voorstel": None, "melding_kies_veld": False}

MAX_VRAAG = 500
# The model's guess of a crisis (not a clear sign) counts only in an answer this long: "In de
# ochtend" is an answer, not a story.
MIN_WOORDEN_CRISIS_GOK = 5
# A longer answer to "in welke plaats?" is a story, which may be a crisis.
MAX_WOORDEN_PLAATS = 3
MIN_WOORDEN_VRAAG = 2
MAX_BELMOMENT = 100
# A message this long that is not one of these is a description of the question, worth
# proposing as the summary ("hulp in huis" is enough; "ik woon in Drachten" is not).
MIN_WOORDEN_VOORSTEL = 3
# ... and messages with these intents, or uitleg_* ("ik wil een melding doen"), are no story.
GEEN_VERHAAL = {"woonplaats_noemen", "woonplaats_wijzigen", "melding_doen", "bevestigen",
                "ontkennen", "groet", "afscheid", "bedankt", "mens_spreken", "bot_vraag",
                "privacy"}
MAX_VOORSTEL = 300
# The crisis answers, as in bot/data/rules/crisis.yml: keep them in step. The melding form gives
# them itself, because a valid answer (a phone number, "ja") is not a crisis whatever the model
# reads in it, while a story at the question step can be.
CRISIS_ANTWOORDEN = {
    "crisis_suicide": ["utter_route_crisis_suicide", "utter_crisis_huisarts", "utter_crisis_mens"],
    "crisis_geweld": ["utter_route_crisis_geweld", "utter_crisis_mens"],
    "crisis_acuut": ["utter_route_crisis_acuut", "utter_crisis_mens"],
    "crisis_dakloos": ["utter_route_crisis_dakloos", "utter_crisis_mens"],
}
PLAATS_ONBEKEND = {False: "utter_melding_plaats_onbekend", True: "utter_melding_plaats_hulp"}
# Bot answers that offer a melding: a 'ja' right after them starts it.
MELDING_AANBOD = {"utter_melding_aanbod", "utter_route_melding"}
ANTWOORD_WOORDEN = {"ja": "ja", "nee": "nee", "weet_niet": "weet ik niet"}


def stappen(tracker: Tracker) -> list[str]:
    """The questions for this melding, in order; none when the resident stopped."""
    if tracker.get_slot("melding_gestopt"):
        return []
    if tracker.get_slot("melding_voor_wie") == "ander":
        return list(STAPPEN)
    return [stap for stap in STAPPEN if stap not in ALLEEN_VOOR_ANDER]


def leeg_maken() -> list[dict[str, Any]]:
    """Events that forget every answer of the form (after sending or stopping)."""
    return [SlotSet(stap, None) for stap in STAPPEN] + \
        [SlotSet(slot, waarde) for slot, waarde in HULP_SLOTS.items()]


def kort(tekst: str, maximum: int) -> str:
    """The text cut at a word boundary, with '...' when it was longer."""
    if len(tekst) <= maximum:
        return tekst
    return tekst[:maximum - 3].rsplit(" ", 1)[0] + "..."


def voorstel_uit_gesprek(tracker: Tracker) -> str | None:
    """The resident's own description from earlier in the conversation: their last one or two
    messages that ask something (not a place, a yes, a greeting). Identifiers are taken out."""
    berichten = [(str(e.get("text") or ""), ((e.get("parse_data") or {}).get("intent") or {})
                  .get("name")) for e in tracker.events if e.get("event") == "user"]
    # The latest message is the request to start the melding itself.
    verhalen = [tekst for tekst, intent in berichten[:-1]
                if len(tekst.split()) >= MIN_WOORDEN_VOORSTEL and not tekst.startswith("/")
                and intent not in GEEN_VERHAAL and not str(intent).startswith("uitleg_")]
    if not verhalen:
        return None
    return kort(redigeer(" ".join(verhalen[-2:])), MAX_VOORSTEL)


class ActionMeldingStart(Action):
    """Opens the melding: explains the commands, proposes the question from the conversation
    and fills in the place when the resident already named it."""

    def name(self) -> str:
        return "action_melding_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        MeldingOpslag.from_env().concept_sleutel(tracker.sender_id)
        events: list[dict[str, Any]] = [SlotSet("melding_gestopt", None),
                                        SlotSet("melding_kies_veld", False)]
        if any(tracker.get_slot(stap) for stap in STAPPEN):
            # Back after an interruption (a crisis answer): the answers so far are kept.
            dispatcher.utter_message(response="utter_melding_verder")
            return events
        dispatcher.utter_message(response="utter_melding_start")
        events.append(SlotSet("melding_vraag_voorstel", voorstel_uit_gesprek(tracker)))
        if tracker.get_slot("woonplaats") and tracker.get_slot("gemeente_code"):
            events.append(SlotSet("melding_woonplaats", tracker.get_slot("woonplaats")))
        return events


class ActionBevestigd(Action):
    """'Ja' on its own: after the offer of a melding it starts the melding; otherwise the bot
    asks for the next question."""

    def name(self) -> str:
        return "action_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        if MELDING_AANBOD & set(antwoorden_op_vorige_vraag(tracker)):
            return [*await ActionMeldingStart().run(dispatcher, tracker, domain),
                    FollowupAction("melding_form")]
        dispatcher.utter_message(response="utter_nog_een_vraag")
        return []


def antwoorden_op_vorige_vraag(tracker: Tracker) -> list[str]:
    """The responses the bot sent between the resident's previous message and this one (an
    offer can be followed by a tip, and 'ja' still answers the offer)."""
    gebruiker = [i for i, e in enumerate(tracker.events) if e.get("event") == "user"]
    begin = gebruiker[-2] if len(gebruiker) >= 2 else 0
    return [str((e.get("metadata") or {}).get("utter_action"))
            for e in tracker.events[begin:] if e.get("event") == "bot"]


def laatste_antwoord(tracker: Tracker, behalve: str = "utter_ask_") -> str | None:
    """The response the bot sent last, e.g. 'utter_melding_aanbod'. A form's question
    (utter_ask_...) is passed over, so after 'hint + question' this gives the hint."""
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        naam = (event.get("metadata") or {}).get("utter_action")
        if not (naam or "").startswith(behalve):
            return naam
    return None


class ActionAskMeldingVraag(Action):
    def name(self) -> str:
        return "action_ask_melding_vraag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        voorstel = tracker.get_slot("melding_vraag_voorstel")
        if voorstel:
            dispatcher.utter_message(response="utter_melding_vraag_voorstel", voorstel=voorstel)
        else:
            dispatcher.utter_message(response="utter_melding_vraag_eigen")
        return []


class ActionAskMeldingControle(Action):
    """Shows every answer before anything is sent, or which answer to change."""

    def name(self) -> str:
        return "action_ask_melding_controle"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        if tracker.get_slot("melding_kies_veld"):
            dispatcher.utter_message(response="utter_melding_welk_veld")
            return []
        taal = taal_van(tracker)
        telefoon, email = MeldingOpslag.from_env().contact(tracker.sender_id)
        contact = f" {vertaal('en', taal)} ".join(
            x for x in (telefoon and telefoon_leesbaar(telefoon), email) if x)
        dispatcher.utter_message(
            response="utter_melding_overzicht",
            naam=tracker.get_slot("melding_naam") or "",
            naam_ander=tracker.get_slot("melding_naam_ander") or "",
            contact=contact or "-",
            woonplaats=tracker.get_slot("melding_woonplaats") or "",
            vraag=tracker.get_slot("melding_vraag") or "",
            belmoment=vertaal(tracker.get_slot("melding_belmoment") or "", taal),
            clientondersteuning=vertaal(ANTWOORD_WOORDEN.get(
                tracker.get_slot("melding_clientondersteuning") or "", ""), taal),
            mantelzorger=vertaal(ANTWOORD_WOORDEN.get(
                tracker.get_slot("melding_mantelzorger") or "", ""), taal),
        )
        dispatcher.utter_message(response="utter_melding_controle")
        return []


class ValidateMeldingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_melding_form"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        return stappen(tracker)

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[dict[str, Any]]:
        """Checks only what the resident typed just now. When the form starts, Rasa offers the
        answers it already has (kept after an interruption, or the place from the
        conversation) for checking again; they were checked when they were given, and are
        stored in their checked form ("telefoon", "weet_niet"), not as typed."""
        tekst = tracker.latest_message.get("text")
        nu_getypt = {slot: waarde for slot, waarde in tracker.slots_to_validate().items()
                     if waarde == tekst}
        tracker.slots_to_validate = lambda: dict(nu_getypt)  # type: ignore[method-assign]
        return await super().get_validation_events(dispatcher, tracker, domain)

    # --- commands, the same at every step ---

    def _commando(self, slot: str, text: str, dispatcher: CollectingDispatcher,
                  tracker: Tracker) -> dict[str, Any] | None:
        """A clear sign of crisis, a request for the other language, or a command; None for an
        ordinary answer."""
        if (crisis := self._crisis(slot, dispatcher, tracker, alleen_signaal=True)) is not None:
            return crisis
        if (tracker.latest_message.get("intent") or {}).get("name") == "taal_kiezen":
            # The NLU pipeline already switched the language; the question comes again in it.
            dispatcher.utter_message(response="utter_taal_gekozen")
            return {slot: None}
        gevonden = commando(text)
        if gevonden is None:
            return None
        if gevonden.soort == "veranderen" and gevonden.veld is None and \
                slot in ("melding_vraag", "melding_controle"):
            return None  # "klopt niet" is that step's own answer
        if gevonden.soort == "stop":
            return {slot: None, "melding_gestopt": "gestopt"}
        if gevonden.soort == "terug":
            return self._terug(slot, dispatcher, tracker)
        return self._verander(slot, gevonden, dispatcher, tracker)

    @staticmethod
    def _terug(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        volgorde = stappen(tracker)
        hier = volgorde.index(slot) if slot in volgorde else len(volgorde)
        eerder = [s for s in volgorde[:hier] if tracker.get_slot(s)]
        if not eerder:
            dispatcher.utter_message(response="utter_melding_eerste_vraag")
            return {slot: None}
        return {slot: None, eerder[-1]: None, "melding_kies_veld": False}

    @staticmethod
    def _verander(slot: str, gevonden: Commando, dispatcher: CollectingDispatcher,
                  tracker: Tracker) -> dict[str, Any]:
        veld = gevonden.veld
        if veld not in stappen(tracker):
            if slot == "melding_controle":
                return {slot: None, "melding_kies_veld": True}
            dispatcher.utter_message(response="utter_melding_straks_veranderen")
            return {slot: None}
        slots: dict[str, Any] = {slot: None, veld: None, "melding_kies_veld": False}
        if tracker.get_slot("melding_controle") or slot == "melding_toestemming":
            slots["melding_controle"] = None  # show the overview again after the change
        if veld == "melding_vraag":
            slots["melding_vraag_voorstel"] = None  # the resident writes it now
        return slots

    @staticmethod
    def _crisis(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker,
                alleen_signaal: bool = False) -> dict[str, Any] | None:
        """The crisis answer first when the message is a crisis; the form then stops and keeps
        the answers so far, so 'melding doen' goes on later. With `alleen_signaal`, only a clear
        sign counts (bot/components/crisis.py), not the model's guess."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent not in CRISIS_ANTWOORDEN:
            return None
        if not tracker.latest_message.get("crisis_signaal") and (
                alleen_signaal or len(str(tracker.latest_message.get("text") or "").split())
                < MIN_WOORDEN_CRISIS_GOK):
            return None
        for response in CRISIS_ANTWOORDEN[intent]:
            dispatcher.utter_message(response=response)
        dispatcher.utter_message(response="utter_melding_na_crisis")
        return {slot: None, "melding_gestopt": "crisis"}

    # --- one method per question ---

    async def validate_melding_voor_wie(self, value: Any, dispatcher: CollectingDispatcher,
                                        tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        if (besturing := self._commando("melding_voor_wie", text, dispatcher, tracker)) is not None:
            return besturing
        antwoord = voor_wie(text)
        if antwoord is None:
            if (crisis := self._crisis("melding_voor_wie", dispatcher, tracker)) is not None:
                return crisis
            dispatcher.utter_message(response="utter_melding_kies_voor_wie")
        return {"melding_voor_wie": antwoord}

    async def validate_melding_toestemming_ander(
            self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> dict[str, Any]:
        return self._ja_nee("melding_toestemming_ander", str(value or ""), dispatcher, tracker,
                            bij_nee="geen_toestemming_ander")

    async def validate_melding_naam_ander(self, value: Any, dispatcher: CollectingDispatcher,
                                          tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._naam("melding_naam_ander", str(value or ""), dispatcher, tracker)

    async def validate_melding_naam(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._naam("melding_naam", str(value or ""), dispatcher, tracker)

    async def validate_melding_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                       tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        if (besturing := self._commando("melding_contact", text, dispatcher, tracker)) is not None:
            return besturing
        contact = contact_uit(text)
        if contact.fout or not (contact.telefoon or contact.email):
            if (crisis := self._crisis("melding_contact", dispatcher, tracker)) is not None:
                return crisis
            dispatcher.utter_message(response={"telefoon": "utter_melding_telefoon_fout",
                                               "email": "utter_melding_email_fout"}.get(
                contact.fout or "", "utter_melding_geen_contact"))
            return {"melding_contact": None}
        MeldingOpslag.from_env().zet_contact(tracker.sender_id, contact.telefoon, contact.email)
        soort = " en ".join(s for s, x in (("telefoon", contact.telefoon),
                                           ("e-mail", contact.email)) if x)
        return {"melding_contact": soort}

    async def validate_melding_woonplaats(self, value: Any, dispatcher: CollectingDispatcher,
                                          tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = str(value or "").strip()
        if (besturing := self._commando("melding_woonplaats", text, dispatcher,
                                        tracker)) is not None:
            return besturing
        message = str(tracker.latest_message.get("text") or "").strip()
        if len(message.split()) > MAX_WOORDEN_PLAATS and \
                (crisis := self._crisis("melding_woonplaats", dispatcher, tracker)) is not None:
            return crisis
        try:
            found = await vind_plaats(self.client(), text, message)
        except SocialeKaartOnbereikbaar:
            # The gemeente is looked up again when the melding is sent.
            logger.exception("sociale kaart unreachable while resolving a melding's place")
            return {"melding_woonplaats": text[:100], "gemeente_code": None}
        if found is None or (found.get("match_type") == "ongeveer" and ja_nee(text)):
            # The second time, the resident gets another way out: the postcode, or stop.
            opnieuw = laatste_antwoord(tracker) in PLAATS_ONBEKEND.values()
            dispatcher.utter_message(response=PLAATS_ONBEKEND[opnieuw])
            return {"melding_woonplaats": None}
        gemeente = found["gemeente"]
        return {"melding_woonplaats": found.get("woonplaats") or gemeente["naam"],
                "gemeente_code": gemeente["code"], "gemeente_naam": gemeente["naam"],
                **taal_na_plaats(tracker, gemeente["code"])}

    async def validate_melding_vraag(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = " ".join(str(value or "").split())
        if (besturing := self._commando("melding_vraag", text, dispatcher, tracker)) is not None:
            return besturing
        if (crisis := self._crisis("melding_vraag", dispatcher, tracker)) is not None:
            return crisis
        voorstel = tracker.get_slot("melding_vraag_voorstel")
        antwoord = ja_nee(text)
        if voorstel:
            if antwoord == "ja":
                return {"melding_vraag": voorstel}
            if antwoord == "nee" or "klopt niet" in normaal(text):
                return {"melding_vraag": None, "melding_vraag_voorstel": None}
            if len(text.split()) < MIN_WOORDEN_VRAAG:
                dispatcher.utter_message(response="utter_melding_kies_ja_nee")
                return {"melding_vraag": None}
        elif antwoord is not None:  # "ja" is no question; ask for the resident's words
            dispatcher.utter_message(response="utter_melding_vraag_kort")
            return {"melding_vraag": None}
        schoon = redigeer(text)
        if schoon != text:
            dispatcher.utter_message(response="utter_melding_nummer_weg")
        if len(schoon.split()) < MIN_WOORDEN_VRAAG:
            dispatcher.utter_message(response="utter_melding_vraag_kort")
            return {"melding_vraag": None, "melding_vraag_voorstel": None}
        if len(schoon) > MAX_VRAAG:
            dispatcher.utter_message(response="utter_melding_vraag_lang")
            return {"melding_vraag": None, "melding_vraag_voorstel": None}
        return {"melding_vraag": schoon}

    async def validate_melding_belmoment(self, value: Any, dispatcher: CollectingDispatcher,
                                         tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = " ".join(str(value or "").split())
        if (besturing := self._commando("melding_belmoment", text, dispatcher,
                                        tracker)) is not None:
            return besturing
        return {"melding_belmoment": kort(redigeer(text), MAX_BELMOMENT) or None}

    async def validate_melding_clientondersteuning(
            self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> dict[str, Any]:
        return self._ja_nee("melding_clientondersteuning", str(value or ""), dispatcher, tracker,
                            weet_niet=True)

    async def validate_melding_mantelzorger(self, value: Any, dispatcher: CollectingDispatcher,
                                            tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._ja_nee("melding_mantelzorger", str(value or ""), dispatcher, tracker,
                            weet_niet=True)

    async def validate_melding_controle(self, value: Any, dispatcher: CollectingDispatcher,
                                        tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = str(value or "")
        if (besturing := self._commando("melding_controle", text, dispatcher,
                                        tracker)) is not None:
            return besturing
        veld = veld_in(normaal(text))
        if veld in stappen(tracker):
            return self._verander("melding_controle", Commando("veranderen", veld), dispatcher,
                                  tracker)
        if tracker.get_slot("melding_kies_veld"):
            return {"melding_controle": None}  # asks again which answer to change
        antwoord = ja_nee(text)
        if antwoord == "ja":
            return {"melding_controle": "ja"}
        if antwoord == "nee" or commando(text) or "iets" in normaal(text):
            return {"melding_controle": None, "melding_kies_veld": True}
        if (crisis := self._crisis("melding_controle", dispatcher, tracker)) is not None:
            return crisis
        dispatcher.utter_message(response="utter_melding_kies_ja_nee")
        return {"melding_controle": None}

    async def validate_melding_toestemming(self, value: Any, dispatcher: CollectingDispatcher,
                                           tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._ja_nee("melding_toestemming", str(value or ""), dispatcher, tracker,
                            bij_nee="geen_toestemming")

    # --- shared checks ---

    def _ja_nee(self, slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker,
                weet_niet: bool = False, bij_nee: str | None = None) -> dict[str, Any]:
        if (besturing := self._commando(slot, text, dispatcher, tracker)) is not None:
            return besturing
        antwoord = ja_nee(text, weet_niet=weet_niet)
        if antwoord is None:
            if (crisis := self._crisis(slot, dispatcher, tracker)) is not None:
                return crisis
            dispatcher.utter_message(response="utter_melding_kies_ja_nee")
            return {slot: None}
        if antwoord == "nee" and bij_nee:
            return {slot: "nee", "melding_gestopt": bij_nee}
        return {slot: antwoord}

    def _naam(self, slot: str, text: str, dispatcher: CollectingDispatcher,
              tracker: Tracker) -> dict[str, Any]:
        if (besturing := self._commando(slot, text, dispatcher, tracker)) is not None:
            return besturing
        naam = naam_uit(text)
        if naam is None:
            if (crisis := self._crisis(slot, dispatcher, tracker)) is not None:
                return crisis
            dispatcher.utter_message(response="utter_melding_naam_fout")
        return {slot: naam}
