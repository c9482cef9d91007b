from __future__ import annotations

from actions.wegwijzer import ActionWegwijzer

from .conftest import fake_sociale_kaart, make_tracker, unreachable


def wegwijzer(client):
    action = ActionWegwijzer()
    action.client = lambda: client  # type: ignore[method-assign]
    return action


def responses(dispatcher):
    return [m["response"] for m in dispatcher.messages]


async def test_names_the_team_with_phone_and_walk_in(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "woonplaats": "Drachten"})
    events = await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert events == []
    toegang = dispatcher.messages[0]
    assert toegang["response"] == "utter_toegang"
    assert toegang["gemeente_naam"] == "Smallingerland"
    assert toegang["telefoon"] == "14 0512"
    assert "Drachten" in toegang["inloop"]
    assert responses(dispatcher)[1:] == [
        "utter_voorbeeldgegevens", "utter_clientondersteuning_kort"]
    assert dispatcher.messages[1]["datum"] == "22 november 2026"


async def test_frisian_reply_uses_frisian_names_and_dates(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "taal": "fy"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["gemeente_naam"] == "Smellingerlân"
    assert dispatcher.messages[0]["inloop"].startswith("Op wurkdagen")
    assert dispatcher.messages[1]["datum"] == "22 Novimber 2026"


async def test_resolves_the_place_when_the_form_could_not(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": None, "woonplaats": "Drachten"})
    events = await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert {e["name"]: e["value"] for e in events}["gemeente_code"] == "GM0090"
    assert responses(dispatcher)[0] == "utter_toegang"


async def test_sociale_kaart_down_gives_the_general_route(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "woonplaats": "Drachten"})
    await wegwijzer(client_with(unreachable)).run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_contact_algemeen", "utter_clientondersteuning_kort"]


async def test_unknown_place_gives_the_general_route(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": None, "woonplaats": "Amsterdam"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_contact_algemeen", "utter_clientondersteuning_kort"]
