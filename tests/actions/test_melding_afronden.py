"""Ending the melding: sent with a confirmation, kept for later, or nothing sent."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest

from actions.melding_afronden import ActionMeldingAfronden, melding_body
from actions.melding_opslag import MeldingOpslag, nu
from actions.sociale_kaart_client import SocialeKaartClient

from .conftest import make_tracker, unreachable
from .test_melding_form import ALLES_ZELF

KLAAR = {**ALLES_ZELF, "melding_controle": "ja", "melding_toestemming": "ja",
         "gemeente_code": "GM0090", "gemeente_naam": "Smallingerland"}
BEVESTIGING = {"nummer": "WMO-2026-000007", "team_naam": "Wmo-loket Smallingerland",
               "team_telefoon": "14 0512", "persoonlijk_plan_tot": "2026-11-29",
               "onderzoek_klaar_voor": "2027-01-03", "clientondersteuning": "ja"}


@pytest.fixture(autouse=True)
def outbox(tmp_path, monkeypatch) -> MeldingOpslag:
    monkeypatch.setenv("MELDING_OUTBOX", str(tmp_path / "outbox.db"))
    opslag = MeldingOpslag.from_env()
    opslag.zet_contact("test", "0612345678", None)
    return opslag


def afronden(client: SocialeKaartClient) -> ActionMeldingAfronden:
    action = ActionMeldingAfronden()
    action.client = lambda: client  # type: ignore[method-assign]
    return action


def responses(dispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


def test_the_body_holds_only_what_the_team_needs():
    body = melding_body(make_tracker({**KLAAR, "melding_naam_ander": "Piet"}),
                        "0612345678", None)
    assert body == {
        "gemeente_code": "GM0090", "voor_wie": "zelf", "toestemming_ander": False,
        "naam": "Anna de Vries", "naam_ander": None, "telefoon": "0612345678", "email": None,
        "woonplaats": "Drachten", "vraag": "Hulp bij schoonmaken",
        "belmoment": "In de ochtend", "clientondersteuning": "ja", "mantelzorger": "nee",
        "toestemming_versturen": True, "taal": "nl"}


async def test_sent_with_number_dates_team_and_clientondersteuning(dispatcher, outbox):
    ontvangen = []

    def kaart(request: httpx.Request) -> httpx.Response:
        ontvangen.append(json.loads(request.content))
        return httpx.Response(201, json=BEVESTIGING)

    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(kaart))
    events = await afronden(client).run(dispatcher, make_tracker(KLAAR), {})
    assert ontvangen[0]["telefoon"] == "0612345678"
    assert responses(dispatcher) == [
        "utter_melding_verstuurd", "utter_melding_wat_nu", "utter_melding_persoonlijk_plan",
        "utter_melding_team", "utter_melding_clientondersteuning_ja"]
    assert dispatcher.messages[0]["nummer"] == "WMO-2026-000007"
    assert dispatcher.messages[1]["onderzoek_datum"] == "3 januari 2027"
    assert dispatcher.messages[2]["plan_datum"] == "29 november 2026"
    assert dispatcher.messages[3]["team_telefoon"] == "14 0512"
    assert {"event": "slot", "name": "melding_naam", "value": None, "timestamp": None} in events
    assert outbox.contact("test") == (None, None)


async def test_an_outage_is_told_honestly_and_the_melding_waits(dispatcher, outbox, monkeypatch):
    monkeypatch.setattr("actions.melding_afronden.WACHTTIJDEN_DIRECT", (0, 0))
    monkeypatch.setattr("actions.melding_afronden.start_bezorger", lambda: None)
    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(unreachable))
    await afronden(client).run(dispatcher, make_tracker(KLAAR), {})
    assert responses(dispatcher) == ["utter_melding_bewaard", "utter_mens_telefoon_algemeen"]
    [wachtend] = outbox.te_bezorgen(nu() + dt.timedelta(minutes=5))
    assert wachtend.body["telefoon"] == "0612345678"


@pytest.mark.parametrize("slots, response", [
    ({"melding_gestopt": "gestopt"}, "utter_melding_gestopt"),
    ({"melding_gestopt": "geen_toestemming_ander"}, "utter_melding_geen_toestemming_ander"),
    ({"melding_gestopt": "geen_toestemming", "melding_toestemming": "nee"},
     "utter_melding_niet_verstuurd"),
])
async def test_nothing_is_sent_or_kept_without_consent(dispatcher, outbox, slots, response):
    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(unreachable))
    await afronden(client).run(dispatcher, make_tracker({**KLAAR, **slots}), {})
    assert responses(dispatcher) == [response]
    assert outbox.contact("test") == (None, None)
    assert outbox.te_bezorgen() == []


async def test_a_refusal_is_explained(dispatcher, outbox):
    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(
        lambda request: httpx.Response(404, json={"detail": "Gemeente niet gevonden"})))
    await afronden(client).run(dispatcher, make_tracker(KLAAR), {})
    assert responses(dispatcher) == ["utter_melding_geweigerd"]
    assert dispatcher.messages[0]["reden"] == "Gemeente niet gevonden"
