"""A medewerker in the chat, or a call-back request: what the bot sends to the KCC queue."""

from __future__ import annotations

import json

import httpx
import pytest

from actions.melding_opslag import MeldingOpslag
from actions.mens import ActionMens, ActionSamenvattingKlaar, gemeente_van_site
from actions.overdracht import (
    ActionOverdracht,
    ActionTerugbelverzoek,
    ValidateTerugbelForm,
    aangeboden,
    urgentie,
)

from .conftest import fake_sociale_kaart, make_tracker, unreachable


class FakeKcc:
    """The sociale kaart with a KCC that is open or closed; keeps what was filed."""

    def __init__(self, open_: bool = True, status: int = 201):
        self.open = open_
        self.status = status
        self.filed: list[dict] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/kcc/bereikbaar":
            return httpx.Response(200, json={"open": self.open})
        if request.url.path == "/kcc/overdrachten":
            assert request.headers["Authorization"] == "Bearer geheim"
            self.filed.append(json.loads(request.content))
            return httpx.Response(self.status, json={"id": 1, "status": "wachtend"})
        return fake_sociale_kaart(request)


def with_client(action, handler):
    from actions.sociale_kaart_client import SocialeKaartClient

    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(handler),
                                melding_token="geheim")
    action.client = lambda: client
    return action


def user(intent: str, channel: str = "socketio", text: str = "...") -> dict:
    return {"event": "user", "text": text, "input_channel": channel,
            "parse_data": {"intent": {"name": intent}}}


def bot(utter: str) -> dict:
    return {"event": "bot", "text": "...", "metadata": {"utter_action": utter}}


@pytest.fixture(autouse=True)
def outbox(tmp_path, monkeypatch):
    monkeypatch.setenv("MELDING_OUTBOX", str(tmp_path / "outbox.db"))


async def test_in_the_widget_during_kcc_hours_a_medewerker_joins_after_the_summary(dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"}, events=[user("mens_spreken")])
    events = await with_client(ActionMens(), FakeKcc(open_=True)).run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_mens_chat"]
    assert {"event": "slot", "name": "mens_route", "value": "chat", "timestamp": None} in events
    assert events[-1]["name"] == "samenvatting_form"

    tracker = make_tracker({"samenvatting": "hulp bij douchen", "mens_route": "chat"})
    events = await ActionSamenvattingKlaar().run(dispatcher, tracker, {})
    assert dispatcher.messages[-1]["response"] == "utter_samenvatting_chat"
    assert events[-1]["name"] == "action_overdracht"


async def test_the_gemeente_of_the_website_when_the_resident_named_no_place(dispatcher):
    message = {**user("mens_spreken"), "metadata": {"gemeente": "gm0090", "taal": "nl"}}
    tracker = make_tracker(events=[message])
    events = await with_client(ActionMens(), FakeKcc(open_=False)).run(dispatcher, tracker, {})
    assert events[0]["name"] == "gemeente_code" and events[0]["value"] == "GM0090"
    assert dispatcher.messages[1]["telefoon"] == "14 0512"

    for nonsense in ("<script>", "GM12345", 90):
        bericht = {**user("mens_spreken"), "metadata": {"gemeente": nonsense}}
        tracker = make_tracker(events=[bericht])
        assert gemeente_van_site(tracker) is None


async def test_kcc_closed_offers_a_call_back_after_the_phone_number(dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"}, events=[user("mens_spreken")])
    events = await with_client(ActionMens(), FakeKcc(open_=False)).run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_route_mens", "utter_mens_telefoon_gemeente", "utter_kcc_dicht"]
    assert events[-1]["value"] == "terugbellen"


async def test_outside_the_widget_the_resident_calls_whatever_the_hours(dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"}, events=[user("mens_spreken", "rest")])
    events = await with_client(ActionMens(), FakeKcc(open_=True)).run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_route_mens", "utter_mens_telefoon_gemeente"]
    assert events[-1]["name"] == "samenvatting_form"


async def test_handover_files_what_the_bot_learned_and_pauses(dispatcher):
    kcc = FakeKcc()
    events_so_far = [
        {"event": "session_started"}, user("crisis_geweld"), bot("utter_route_crisis_geweld"),
        user("hulp_huishouden"), bot("utter_route_huishouden"), bot("utter_toegang"),
        bot("utter_toegang"), bot("utter_clientondersteuning_kort"), user("mens_spreken"),
    ]
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "huishouden",
                            "samenvatting": "hulp bij het huishouden", "taal": "fy"},
                           events=events_so_far)
    events = await with_client(ActionOverdracht(), kcc).run(dispatcher, tracker, {})
    assert kcc.filed == [{
        "gesprek_id": "test", "soort": "chat", "gemeente_code": "GM0090",
        "onderwerp": "huishouden", "urgentie": "crisis", "samenvatting": "hulp bij het huishouden",
        "aangeboden": ["Crisisnummers (112, 113, Veilig Thuis of nachtopvang)",
                       "Uitleg over huishouden", "Telefoonnummer en inloop van het gemeenteteam",
                       "Uitleg over gratis cliëntondersteuning"],
        "taal": "fy"}]
    assert dispatcher.messages[0]["response"] == "utter_overdracht_wachten"
    assert dispatcher.messages[1]["custom"] == {"overdracht": "wachten"}
    assert events == [{"event": "pause", "timestamp": None}]


async def test_handover_that_cannot_be_filed_gives_the_phone_route_and_does_not_pause(dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"})
    events = await with_client(ActionOverdracht(), unreachable).run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_overdracht_mislukt"]
    assert all(e["event"] != "pause" for e in events)


def test_only_this_sessions_crisis_makes_it_urgent():
    earlier = [user("crisis_suicide"), {"event": "session_started"}, user("hulp_vervoer")]
    assert urgentie(make_tracker(events=earlier)) == "normaal"
    assert urgentie(make_tracker(events=[*earlier, user("crisis_acuut")])) == "crisis"


def test_what_was_offered_is_listed_once_and_without_the_person_offer():
    events = [bot("utter_route_mens"), bot("utter_toegang"), bot("utter_toegang"),
              {"event": "bot", "text": "zonder metadata"}]
    assert aangeboden(make_tracker(events=events)) == [
        "Telefoonnummer en inloop van het gemeenteteam"]


async def test_call_back_keeps_the_number_out_of_the_conversation(dispatcher):
    tracker = make_tracker(events=[user("terugbellen")])
    slots = await ValidateTerugbelForm().validate_terugbel_contact(
        "bel me op 06-12345678 graag", dispatcher, tracker, {})
    assert slots == {"terugbel_contact": "telefoon"}
    assert MeldingOpslag.from_env().contact("test")[0] == "0612345678"

    slots = await ValidateTerugbelForm().validate_terugbel_contact(
        "geen idee", dispatcher, tracker, {})
    assert slots == {"terugbel_contact": None}
    assert dispatcher.messages[-1]["response"] == "utter_terugbel_geen_nummer"


async def test_stop_ends_the_call_back_request_without_sending(dispatcher):
    kcc = FakeKcc()
    slots = await ValidateTerugbelForm().validate_terugbel_moment(
        "stop", dispatcher, make_tracker(), {})
    assert slots["requested_slot"] is None and slots["mens_route"] == "gestopt"
    tracker = make_tracker({"mens_route": "gestopt"})
    await with_client(ActionTerugbelverzoek(), kcc).run(dispatcher, tracker, {})
    assert kcc.filed == []


async def test_call_back_request_is_filed_and_the_number_forgotten(dispatcher):
    kcc = FakeKcc()
    MeldingOpslag.from_env().zet_contact("test", "0512123456", None)
    tracker = make_tracker({"gemeente_code": "GM0090", "samenvatting": "vraag over vervoer",
                            "terugbel_contact": "telefoon", "terugbel_moment": "In de middag"})
    await with_client(ActionTerugbelverzoek(), kcc).run(dispatcher, tracker, {})
    assert kcc.filed[0]["soort"] == "terugbellen"
    assert kcc.filed[0]["telefoon"] == "0512123456"
    assert kcc.filed[0]["belmoment"] == "In de middag"
    assert dispatcher.messages[-1]["response"] == "utter_terugbelverzoek_ontvangen"
    assert MeldingOpslag.from_env().contact("test") == (None, None)


async def test_call_back_request_that_fails_says_so_and_forgets_the_number(dispatcher):
    MeldingOpslag.from_env().zet_contact("test", "0512123456", None)
    tracker = make_tracker({"gemeente_code": "GM0090", "terugbel_moment": "In de middag"})
    await with_client(ActionTerugbelverzoek(), unreachable).run(dispatcher, tracker, {})
    assert dispatcher.messages[-1]["response"] == "utter_terugbelverzoek_mislukt"
    assert MeldingOpslag.from_env().contact("test") == (None, None)
