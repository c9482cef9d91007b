from __future__ import annotations

from actions.wegwijzer import ActionWegwijzer, kies_voorzieningen

from .conftest import dienst, fake_sociale_kaart, make_tracker, unreachable


def wegwijzer(client):
    action = ActionWegwijzer()
    action.client = lambda: client  # type: ignore[method-assign]
    return action


def responses(dispatcher):
    return [m["response"] for m in dispatcher.messages]


async def test_names_the_topic_then_the_team_with_phone_and_walk_in(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "woonplaats": "Drachten",
                            "onderwerp": "huishouden"})
    events = await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert events == []
    assert responses(dispatcher) == ["utter_route_huishouden", "utter_toegang",
                                     "utter_voorbeeldgegevens", "utter_clientondersteuning_kort",
                                     "utter_melding_aanbod"]
    toegang = dispatcher.messages[1]
    assert toegang["gemeente_naam"] == "Smallingerland"
    assert toegang["telefoon"] == "14 0512"
    assert "Drachten" in toegang["inloop"]
    assert dispatcher.messages[2]["datum"] == "22 november 2026"


async def test_shows_at_most_three_services_that_need_no_melding(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "klussen"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert responses(dispatcher)[:5] == ["utter_route_klussen", "utter_voorzieningen_vrij",
                                         "utter_voorziening", "utter_voorziening",
                                         "utter_voorziening"]
    shown = [m["naam"] for m in dispatcher.messages if m["response"] == "utter_voorziening"]
    assert shown == ["Klussendienst 1", "Klussendienst 2", "Klussendienst 3"]
    assert dispatcher.messages[2]["datum"] == "22 november 2026"
    assert "utter_toegang" in responses(dispatcher)  # a melding stays possible


def test_for_another_desk_the_desk_itself_is_shown():
    desk = [dienst("Schuldhulp", "andere_wet"), dienst("Via melding", "maatwerk")]
    assert [d["name"] for d in kies_voorzieningen("schulden", desk)] == ["Schuldhulp"]
    assert kies_voorzieningen("huishouden", desk) == []


async def test_without_a_topic_the_general_route_is_given(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert responses(dispatcher)[:2] == ["utter_route_algemeen", "utter_toegang"]


async def test_frisian_reply_uses_frisian_names_and_dates(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "taal": "fy", "onderwerp": "wonen"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert dispatcher.messages[1]["gemeente_naam"] == "Smellingerlân"
    assert dispatcher.messages[1]["inloop"].startswith("Op wurkdagen")
    assert dispatcher.messages[2]["datum"] == "22 Novimber 2026"


async def test_resolves_the_place_when_the_form_could_not(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": None, "woonplaats": "Drachten"})
    events = await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert {e["name"]: e["value"] for e in events}["gemeente_code"] == "GM0090"
    assert responses(dispatcher)[1] == "utter_toegang"


async def test_sociale_kaart_down_gives_the_general_route(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "vervoer"})
    await wegwijzer(client_with(unreachable)).run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_route_vervoer", "utter_contact_algemeen",
                                     "utter_clientondersteuning_kort"]


async def test_unknown_place_gives_the_general_route(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": None, "woonplaats": "Amsterdam"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_route_algemeen", "utter_contact_algemeen",
                                     "utter_clientondersteuning_kort"]


async def test_clientondersteuning_question_does_not_repeat_the_tip(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "clientondersteuning"})
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert "utter_clientondersteuning_kort" not in responses(dispatcher)


async def test_the_example_data_notice_is_shown_once_per_conversation(client_with, dispatcher):
    earlier = [{"event": "bot", "text": "...",
                "metadata": {"utter_action": "utter_voorbeeldgegevens"}}]
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "wonen"}, events=earlier)
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert "utter_voorbeeldgegevens" not in responses(dispatcher)
    assert "utter_toegang" in responses(dispatcher)


async def test_the_clientondersteuning_tip_is_given_once_per_conversation(client_with, dispatcher):
    earlier = [{"event": "bot", "text": "...",
                "metadata": {"utter_action": "utter_clientondersteuning_kort"}}]
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "klussen"}, events=earlier)
    await wegwijzer(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert "utter_clientondersteuning_kort" not in responses(dispatcher)
    assert "utter_toegang" in responses(dispatcher)


async def test_a_melding_is_offered_once_and_not_for_another_desk(client_with, dispatcher):
    earlier = [{"event": "bot", "text": "...",
                "metadata": {"utter_action": "utter_melding_aanbod"}}]
    client = client_with(fake_sociale_kaart)
    await wegwijzer(client).run(dispatcher, make_tracker(
        {"gemeente_code": "GM0090", "onderwerp": "schulden"}), {})
    await wegwijzer(client).run(dispatcher, make_tracker(
        {"gemeente_code": "GM0090", "onderwerp": "wonen"}, events=earlier), {})
    assert "utter_melding_aanbod" not in responses(dispatcher)


async def test_a_person_is_offered_for_money_worries_not_for_transport(client_with, dispatcher):
    client = client_with(fake_sociale_kaart)
    await wegwijzer(client).run(dispatcher, make_tracker(
        {"gemeente_code": "GM0090", "onderwerp": "schulden"}), {})
    assert responses(dispatcher)[-1] == "utter_mens_aanbod"
    dispatcher.messages.clear()
    await wegwijzer(client).run(dispatcher, make_tracker(
        {"gemeente_code": "GM0090", "onderwerp": "vervoer"}), {})
    assert "utter_mens_aanbod" not in responses(dispatcher)
