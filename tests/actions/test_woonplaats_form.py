from __future__ import annotations

import httpx
from rasa_sdk import Tracker

from actions.woonplaats_form import MAX_POGINGEN, ValidateWoonplaatsForm

from .conftest import RESOLVE_DRACHTEN, fake_sociale_kaart, make_tracker, unreachable


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


DOMAIN = {"slots": {"onderwerp": {"mappings": [
    {"type": "from_intent", "intent": "hulp_dagbesteding", "value": "dagbesteding"},
    {"type": "from_intent", "intent": "hulp_maaltijden", "value": "maaltijden"},
    {"type": "from_intent", "intent": "hulp_mantelzorg", "value": "mantelzorg"}]}}}


def guessing_sociale_kaart(request: httpx.Request) -> httpx.Response:
    """Knows 'Nij Beets' exactly, and guesses a village for anything else, as fuzzy matching
    does ('gaat' is almost 'Gaast', 'Beets' almost 'Beers')."""
    q = request.url.params.get("q", "").lower()
    if request.url.path != "/gemeenten/resolve":
        return fake_sociale_kaart(request)
    if q == "nij beets":
        return httpx.Response(200, json={**RESOLVE_DRACHTEN, "match_type": "woonplaats",
                                         "woonplaats": "Nij Beets"})
    return httpx.Response(200, json={**RESOLVE_DRACHTEN, "match_type": "ongeveer",
                                     "woonplaats": "Gaast", "zekerheid": 0.8})


def answered(text: str, intent: str, onderwerp_before: str | None = None) -> Tracker:
    events = [{"event": "slot", "name": "onderwerp", "value": onderwerp_before},
              {"event": "user", "text": text}] if onderwerp_before else []
    return make_tracker({"onderwerp": intent}, text=text, intent=intent, events=events)


async def test_a_name_the_model_cut_in_two_is_found_from_the_whole_answer(client_with,
                                                                          dispatcher):
    result = await validator(client_with(guessing_sociale_kaart)).validate_woonplaats(
        "Beets", dispatcher, answered("Nij Beets", "woonplaats_noemen"), DOMAIN)
    assert result["woonplaats"] == "Nij Beets"


async def test_a_story_is_a_new_question_not_a_guessed_village(client_with, dispatcher):
    story = "mijn zus is verstandelijk beperkt en de werkplaats waar ze heen ging gaat dicht"
    result = await validator(client_with(guessing_sociale_kaart)).validate_woonplaats(
        story, dispatcher, answered(story, "hulp_dagbesteding"), DOMAIN)
    assert result == {"woonplaats": None}
    assert dispatcher.messages == [], "no 'Die plaats ken ik niet' after a story"


async def test_a_short_guess_still_counts(client_with, dispatcher):
    result = await validator(client_with(guessing_sociale_kaart)).validate_woonplaats(
        "Gaastt", dispatcher, answered("Gaastt", "woonplaats_noemen"), DOMAIN)
    assert result["woonplaats"] == "Gaast"


async def test_a_place_name_read_as_a_topic_keeps_the_topic_asked_about(client_with, dispatcher):
    tracker = answered("Nij Beets", "hulp_mantelzorg", onderwerp_before="maaltijden")
    result = await validator(client_with(guessing_sociale_kaart)).validate_woonplaats(
        "Nij Beets", dispatcher, tracker, DOMAIN)
    assert result["onderwerp"] == "maaltijden"
