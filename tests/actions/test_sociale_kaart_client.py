from __future__ import annotations

import time

import httpx
import pytest

from actions import sociale_kaart_client
from actions.sociale_kaart_client import SocialeKaartOnbereikbaar

from .conftest import fake_sociale_kaart, unreachable


async def test_resolve_returns_the_gemeente(client_with):
    found = await client_with(fake_sociale_kaart).resolve("Drachten")
    assert found["gemeente"]["code"] == "GM0090"


async def test_unknown_place_is_none_not_an_error(client_with):
    assert await client_with(fake_sociale_kaart).resolve("Amsterdam") is None


async def test_connection_error_becomes_onbereikbaar(client_with):
    with pytest.raises(SocialeKaartOnbereikbaar):
        await client_with(unreachable).toegang("GM0090")


async def test_server_error_becomes_onbereikbaar(client_with):
    with pytest.raises(SocialeKaartOnbereikbaar):
        await client_with(lambda request: httpx.Response(500, text="boom")).toegang("GM0090")


def _counting(handler):
    asked: list[str] = []

    def count(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return handler(request)

    return count, asked


async def test_the_same_question_within_a_minute_is_answered_from_the_cache(client_with):
    count, asked = _counting(fake_sociale_kaart)
    client = client_with(count)
    first = await client.resolve("Drachten")
    first["gemeente"]["code"] = "changed by an action"
    again = await client.resolve("Drachten")
    assert again["gemeente"]["code"] == "GM0090"  # a copy: changing one does not change it
    await client.resolve("Sneek")
    assert len(asked) == 2


async def test_an_answer_older_than_a_minute_is_asked_again(client_with, monkeypatch):
    count, asked = _counting(fake_sociale_kaart)
    client = client_with(count)
    await client.toegang("GM0090")
    nu = time.monotonic()
    monkeypatch.setattr(sociale_kaart_client.time, "monotonic",
                        lambda: nu + sociale_kaart_client.CACHE_SECONDEN + 1)
    await client.toegang("GM0090")
    assert len(asked) == 2


async def test_errors_are_not_kept(client_with):
    answers = [httpx.Response(500, text="boom")]
    count, asked = _counting(lambda request: answers.pop() if answers
                             else fake_sociale_kaart(request))
    client = client_with(count)
    with pytest.raises(SocialeKaartOnbereikbaar):
        await client.toegang("GM0090")
    assert (await client.toegang("GM0090"))["gemeente_code"] == "GM0090"
    assert len(asked) == 2


def _met_token(request: httpx.Request, gezien: list[str | None]) -> httpx.Response:
    gezien.append(request.headers.get("Authorization"))
    if request.url.path == "/kcc/overdrachten":
        return httpx.Response(201, json={"id": 1})
    return fake_sociale_kaart(request)


async def test_every_request_carries_the_token_when_it_is_set():
    gezien: list[str | None] = []
    client = sociale_kaart_client.SocialeKaartClient(
        "http://kaart-met-token.test", melding_token="geheim",
        transport=httpx.MockTransport(lambda request: _met_token(request, gezien)))
    await client.resolve("Drachten")
    await client.toegang("GM0090")
    await client.eigen_bijdrage("GM0090")
    await client.search("GM0090", "klussen", "nl")
    await client.kcc_bereikbaar("GM0090")
    await client.overdracht_aanmelden({"gesprek_id": "abc"})
    assert gezien == ["Bearer geheim"] * 6


async def test_without_a_token_no_authorization_header_is_sent():
    gezien: list[str | None] = []
    client = sociale_kaart_client.SocialeKaartClient(
        "http://kaart-zonder-token.test",
        transport=httpx.MockTransport(lambda request: _met_token(request, gezien)))
    await client.toegang("GM0090")
    await client.overdracht_aanmelden({"gesprek_id": "abc"})
    assert gezien == [None, None]


def test_from_env_takes_the_token(monkeypatch):
    monkeypatch.setenv("SOCIALE_KAART_MELDING_TOKEN", "uit-de-omgeving")
    assert sociale_kaart_client.SocialeKaartClient.from_env().melding_token == "uit-de-omgeving"
