from __future__ import annotations

from actions.woonplaats_wijzigen import ActionVergeetWoonplaats

from .conftest import make_tracker


def values(events):
    return {e["name"]: e["value"] for e in events}


async def test_a_newly_named_place_is_kept_and_the_gemeente_forgotten(dispatcher):
    tracker = make_tracker({"woonplaats": "Sneek", "gemeente_code": "GM1900"},
                           entities=[{"entity": "woonplaats", "value": "Joure"}])
    events = values(await ActionVergeetWoonplaats().run(dispatcher, tracker, {}))
    assert events["woonplaats"] == "Joure"
    assert events["gemeente_code"] is None


async def test_without_a_new_place_the_bot_asks_again(dispatcher):
    tracker = make_tracker({"woonplaats": "Sneek", "gemeente_code": "GM1900"})
    events = values(await ActionVergeetWoonplaats().run(dispatcher, tracker, {}))
    assert events["woonplaats"] is None

