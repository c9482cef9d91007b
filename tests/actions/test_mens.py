from __future__ import annotations

from actions.mens import (
    ActionMens,
    ActionNietBegrepen,
    ActionSamenvattingKlaar,
    misverstanden_op_rij,
)

from .conftest import fake_sociale_kaart, make_tracker, unreachable


def user(intent: str) -> dict:
    return {"event": "user", "parse_data": {"intent": {"name": intent}}}


def bot() -> dict:
    return {"event": "bot", "text": "..."}


def test_counts_only_misunderstandings_in_a_row():
    events = [user("nlu_fallback"), bot(), user("groet"), bot(), user("nlu_fallback")]
    assert misverstanden_op_rij(make_tracker(events=events)) == 1
    events += [bot(), user("nlu_fallback")]
    assert misverstanden_op_rij(make_tracker(events=events)) == 2


async def test_first_misunderstanding_asks_to_say_it_differently(dispatcher):
    tracker = make_tracker(events=[user("nlu_fallback")])
    events = await ActionNietBegrepen().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_niet_begrepen"]
    assert events == []


async def test_second_misunderstanding_offers_a_person(dispatcher):
    tracker = make_tracker(events=[user("nlu_fallback"), bot(), user("nlu_fallback")])
    events = await ActionNietBegrepen().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_niet_begrepen_twee_keer"]
    assert events[0]["name"] == "action_mens"


def mens(client):
    action = ActionMens()
    action.client = lambda: client  # type: ignore[method-assign]
    return action


async def test_a_person_with_the_gemeentes_phone_then_a_one_line_summary(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"})
    events = await mens(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_route_mens", "utter_mens_telefoon_gemeente"]
    assert dispatcher.messages[1]["telefoon"] == "14 0512"
    assert events[-1]["name"] == "samenvatting_form"


async def test_a_place_named_with_the_request_gives_that_gemeentes_phone(client_with, dispatcher):
    tracker = make_tracker({"woonplaats": "Drachten"})
    events = await mens(client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    assert dispatcher.messages[1]["gemeente_naam"] == "Smallingerland"
    assert [e.get("name") for e in events] == ["gemeente_code", "gemeente_naam", "mens_route",
                                               "samenvatting_form"]
    assert events[2]["value"] == "bellen"


async def test_without_the_sociale_kaart_the_general_phone_route(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"})
    await mens(client_with(unreachable)).run(dispatcher, tracker, {})
    assert dispatcher.messages[1]["response"] == "utter_mens_telefoon_algemeen"


async def test_summary_is_stored_without_a_bsn(dispatcher):
    tracker = make_tracker({"samenvatting": "hulp voor mijn moeder,  bsn 123456782"})
    events = await ActionSamenvattingKlaar().run(dispatcher, tracker, {})
    assert events[0]["value"] == "hulp voor mijn moeder, bsn [BSN weggehaald]"
    assert dispatcher.messages[0]["samenvatting"] == events[0]["value"]
