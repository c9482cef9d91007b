from __future__ import annotations

from actions.woonplaats_form import MAX_POGINGEN, ValidateWoonplaatsForm

from .conftest import fake_sociale_kaart, make_tracker, unreachable


def validator(client):
    action = ValidateWoonplaatsForm()
    action.client = lambda: client  # type: ignore[method-assign]
    return action


async def test_known_place_sets_the_gemeente(client_with, dispatcher):
    result = await validator(client_with(fake_sociale_kaart)).validate_woonplaats(
        "ik woon in Drachten", dispatcher, make_tracker(), {})
    assert result["gemeente_code"] == "GM0090"
    assert result["gemeente_naam"] == "Smallingerland"
    assert result["woonplaats"] == "Drachten"
    assert dispatcher.messages == []


async def test_unknown_place_asks_again(client_with, dispatcher):
    result = await validator(client_with(fake_sociale_kaart)).validate_woonplaats(
        "Amsterdam", dispatcher, make_tracker(), {})
    assert result["woonplaats"] is None
    assert dispatcher.messages[0]["response"] == "utter_woonplaats_onbekend"


async def test_after_repeated_unknown_places_the_form_lets_go(client_with, dispatcher):
    tracker = make_tracker({"woonplaats_pogingen": float(MAX_POGINGEN - 1)})
    result = await validator(client_with(fake_sociale_kaart)).validate_woonplaats(
        "Amsterdam", dispatcher, tracker, {})
    assert result["woonplaats"] == "Amsterdam"
    assert result["gemeente_code"] is None
    assert dispatcher.messages == []


async def test_sociale_kaart_down_keeps_the_answer_and_moves_on(client_with, dispatcher):
    result = await validator(client_with(unreachable)).validate_woonplaats(
        "Drachten", dispatcher, make_tracker(), {})
    assert result == {"woonplaats": "Drachten", "gemeente_code": None, "gemeente_naam": None}


async def test_empty_answer_asks_again(client_with, dispatcher):
    result = await validator(client_with(fake_sociale_kaart)).validate_woonplaats(
        "  ", dispatcher, make_tracker(), {})
    assert result == {"woonplaats": None}
