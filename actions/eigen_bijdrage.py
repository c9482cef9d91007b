"""Names the eigen bijdrage for maatwerk only when the gemeente published a dated amount.

The general explanation (utter_route_eigen_bijdrage) never holds an amount: amounts change
every year and differ per gemeente. When the resident's gemeente is known and the sociale kaart
holds an amount that applies today, the bot adds it with its dates, and still leaves the
decision to the gemeente and the CAK.
"""

from __future__ import annotations

import logging
from typing import Any

from babel.numbers import format_currency
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_van
from actions.wegwijzer import bekende_gemeente, datum

logger = logging.getLogger(__name__)


class ActionEigenBijdrage(Action):
    def name(self) -> str:
        return "action_eigen_bijdrage"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        try:
            code, events = await bekende_gemeente(self.client(), tracker)
            bedragen = await self.client().eigen_bijdrage(code) if code else []
        except SocialeKaartOnbereikbaar:
            # The general explanation was already given; an amount is a bonus, not a need.
            logger.exception("sociale kaart unreachable while looking up an eigen bijdrage")
            return []
        naam = next((e["value"] for e in events if e["name"] == "gemeente_naam"),
                    tracker.get_slot("gemeente_naam"))
        taal = taal_van(tracker)
        for bedrag in bedragen:
            dispatcher.utter_message(
                response="utter_eigen_bijdrage_bedrag",
                gemeente_naam=naam or "",
                dienst=bedrag["dienst"],
                optie=bedrag["option"],
                bedrag=format_currency(bedrag["amount"], bedrag["currency"], locale=taal),
                vanaf=datum(bedrag["valid_from"], taal),
                datum=datum(bedrag["laatst_gecontroleerd"], taal),
            )
        if bedragen:
            dispatcher.utter_message(response="utter_eigen_bijdrage_besluit")
        return events
