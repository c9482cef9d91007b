from __future__ import annotations

import httpx

from actions.eigen_bijdrage import ActionEigenBijdrage

from .conftest import fake_sociale_kaart, make_tracker, unreachable

BEDRAG = {"dienst": "Huishoudelijke hulp (maatwerk)", "option": "Eigen bijdrage per maand",
          "currency": "EUR", "amount": 21.5, "amount_description": None,
          "valid_from": "2026-01-01", "valid_to": None, "bron": "test",
          "laatst_gecontroleerd": "2026-10-01", "voorbeeld": False}


def with_amount(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/gemeenten/GM0090/eigen-bijdrage":
        return httpx.Response(200, json=[BEDRAG])
    return fake_sociale_kaart(request)


def action(client):
    a = ActionEigenBijdrage()
    a.client = lambda: client  # type: ignore[method-assign]
    return a


async def test_a_published_amount_is_named_with_its_dates(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "gemeente_naam": "Smallingerland"})
    await action(client_with(with_amount)).run(dispatcher, tracker, {})
    bedrag, besluit = dispatcher.messages
    assert bedrag["response"] == "utter_eigen_bijdrage_bedrag"
    assert bedrag["bedrag"] == "€\xa021,50", "a non-breaking space keeps the sign with the amount"
    assert bedrag["vanaf"] == "1 januari 2026"
    assert bedrag["datum"] == "1 oktober 2026"
    assert bedrag["gemeente_naam"] == "Smallingerland"
    assert besluit["response"] == "utter_eigen_bijdrage_besluit"


async def test_no_amount_when_the_gemeente_published_none(client_with, dispatcher):
    def none_published(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/eigen-bijdrage"):
            return httpx.Response(200, json=[])
        return fake_sociale_kaart(request)

    tracker = make_tracker({"gemeente_code": "GM0090"})
    await action(client_with(none_published)).run(dispatcher, tracker, {})
    assert dispatcher.messages == []


async def test_no_amount_without_a_known_gemeente(client_with, dispatcher):
    await action(client_with(with_amount)).run(dispatcher, make_tracker(), {})
    assert dispatcher.messages == []


async def test_an_unreachable_sociale_kaart_adds_nothing_and_does_not_fail(client_with,
                                                                          dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090"})
    assert await action(client_with(unreachable)).run(dispatcher, tracker, {}) == []
    assert dispatcher.messages == []


async def test_a_place_named_with_the_question_is_resolved_and_remembered(client_with,
                                                                          dispatcher):
    tracker = make_tracker({"woonplaats": "Drachten"})
    events = await action(client_with(with_amount)).run(dispatcher, tracker, {})
    assert {e["name"]: e["value"] for e in events} == {"gemeente_code": "GM0090",
                                                       "gemeente_naam": "Smallingerland"}
    assert dispatcher.messages[0]["gemeente_naam"] == "Smallingerland"
