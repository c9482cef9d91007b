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
