"""The personal overview after the mantelzorgscan, and the way to the mantelzorgconsulent.

The offer for carers comes from the sociale kaart of the resident's gemeente, one kind at a
time (a taxonomy term under mantelzorgondersteuning, docs/sociale-kaart-data.md). The answers
choose the opening and the order: with heavy, long or many hours of care the
mantelzorgconsulent and respijtzorg come first, with a kind word that talking helps. The
overview never judges, never says someone is entitled to something and names no amounts: the
mantelzorgwaardering is a fixed text that says to ask for it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_van
from actions.wegwijzer import al_gezegd, bekende_gemeente, datum

__all__ = ["AANBOD", "ActionMantelzorgscanConsulent", "ActionMantelzorgscanOverzicht",
           "situatie", "volgorde"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Soort:
    key: str
    categorie: str  # taxonomy term in the sociale kaart
    response: str


AANBOD: dict[str, Soort] = {s.key: s for s in (
    Soort("consulent", "steunpunt_mantelzorg", "utter_mz_aanbod_consulent"),
    Soort("respijtzorg", "respijtzorg", "utter_mz_aanbod_respijtzorg"),
    Soort("lotgenoten", "lotgenotencontact", "utter_mz_aanbod_lotgenoten"),
    Soort("cursus", "mantelzorgcursus", "utter_mz_aanbod_cursus"),
    Soort("waardering", "mantelzorgwaardering", "utter_mz_aanbod_waardering"),
    Soort("clientondersteuning", "clientondersteuning", "utter_mz_aanbod_clientondersteuning"),
)}
# Heavy, long or many hours: the consulent and a break first. Otherwise meeting others and
# learning first, and the consulent as the way in when it gets more.
VOLGORDE_ZWAAR = ("consulent", "respijtzorg", "lotgenoten", "cursus", "waardering",
                  "clientondersteuning")
VOLGORDE_LICHT = ("lotgenoten", "cursus", "consulent", "waardering", "respijtzorg",
                  "clientondersteuning")
# The Self-Rated Burden scale has no published cut-off for "heavy"; 7 of 10 is this
# project's choice for whom to point to the consulent first (docs/mantelzorg.md).
ZWAAR_VANAF = 7
# The SCP/CBS line: more than 8 hours a week and/or longer than 3 months is intensive or
# long-lasting care. The scan's groups "8 tot 20" and "3 maanden tot 2 jaar" start there.
VEEL_UREN = {"8_tot_20", "meer_dan_20"}
LANGE_DUUR = {"3_maanden_tot_2_jaar", "langer_dan_2_jaar"}


def situatie(tracker: Tracker) -> str:
    """'zwaar' (a burden of 7 or more), 'veel' (intensive or long care) or 'licht'."""
    try:
        zwaarte = int(tracker.get_slot("mz_zwaarte") or 0)
    except ValueError:
        zwaarte = 0
    if zwaarte >= ZWAAR_VANAF:
        return "zwaar"
    if tracker.get_slot("mz_uren") in VEEL_UREN or tracker.get_slot("mz_duur") in LANGE_DUUR:
        return "veel"
    return "licht"


def volgorde(stand: str) -> tuple[str, ...]:
    return VOLGORDE_LICHT if stand == "licht" else VOLGORDE_ZWAAR


def kies(soort: str, gevonden: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The service to show for one kind. For cliëntondersteuning the independent kind comes
    first: a carer should know there is help that does not work for the gemeente."""
    if soort == "clientondersteuning":
        los = [d for d in gevonden if not str(d.get("organization") or "").startswith("Gemeente")]
        return (los or gevonden or [None])[0]
    return gevonden[0] if gevonden else None


def gemeente_naam(toegang: dict[str, Any], taal: str) -> str:
    return str(toegang.get("gemeente_naam_fy" if taal == "fy" else "gemeente_naam") or "")


class ActionMantelzorgscanOverzicht(Action):
    """After the scan: the overview with the buttons for what comes next, or a short goodbye
    after 'stop'."""

    def name(self) -> str:
        return "action_mantelzorgscan_overzicht"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        if tracker.get_slot("mz_gestopt"):
            dispatcher.utter_message(response="utter_mantelzorgscan_gestopt")
            return [SlotSet("mz_gestopt", None)]
        taal = taal_van(tracker)
        stand = situatie(tracker)
        dispatcher.utter_message(response=f"utter_mz_overzicht_{stand}")
        events: list[dict[str, Any]] = []
        try:
            code, events = await bekende_gemeente(self.client(), tracker)
            toegang = await self.client().toegang(code) if code else None
            aanbod = await self._aanbod(code, taal, volgorde(stand)) if toegang else []
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while showing the carers' offer")
            toegang, aanbod = None, []
        if toegang is None:
            dispatcher.utter_message(response="utter_mz_kaart_onbereikbaar")
        elif not aanbod:
            dispatcher.utter_message(response="utter_mz_aanbod_leeg",
                                     gemeente_naam=gemeente_naam(toegang, taal),
                                     telefoon=toegang["telefoon"])
        else:
            dispatcher.utter_message(response="utter_mz_aanbod_intro",
                                     gemeente_naam=gemeente_naam(toegang, taal))
            for soort, dienst in aanbod:
                dispatcher.utter_message(
                    response=AANBOD[soort].response,
                    naam=dienst["name"],
                    beschrijving=dienst.get("description") or "",
                    telefoon=dienst.get("telefoon") or toegang["telefoon"],
                    openingstijden=" ".join(dienst.get("openingstijden") or []),
                )
            if toegang.get("voorbeeld") and not al_gezegd(tracker, "utter_voorbeeldgegevens"):
                dispatcher.utter_message(response="utter_voorbeeldgegevens",
                                         datum=datum(toegang["laatst_gecontroleerd"], taal),
                                         website=toegang.get("website") or "")
        # Last, so its buttons are at the bottom.
        dispatcher.utter_message(response="utter_mz_vervolg")
        return events

    async def _aanbod(self, code: str, taal: str,
                      soorten: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
        """One service per kind, in this order; kinds the gemeente does not have are left out."""
        aanbod = []
        for soort in soorten:
            gevonden = await self.client().search(code, AANBOD[soort].categorie, taal)
            if (dienst := kies(soort, gevonden)) is not None:
                aanbod.append((soort, dienst))
        return aanbod


class ActionMantelzorgscanConsulent(Action):
    """The button "Contact met de mantelzorgconsulent": the consulent's phone and hours."""

    def name(self) -> str:
        return "action_mantelzorgscan_consulent"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        dienst = None
        events: list[dict[str, Any]] = []
        try:
            code, events = await bekende_gemeente(self.client(), tracker)
            if code:
                gevonden = await self.client().search(code, AANBOD["consulent"].categorie,
                                                      taal_van(tracker))
                dienst = kies("consulent", gevonden)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while looking up the consulent")
        if dienst is None or not dienst.get("telefoon"):
            dispatcher.utter_message(response="utter_mz_consulent_onbekend")
            return events
        dispatcher.utter_message(response="utter_mz_consulent_contact", naam=dienst["name"],
                                 telefoon=dienst["telefoon"],
                                 openingstijden=" ".join(dienst.get("openingstijden") or []))
        return events
