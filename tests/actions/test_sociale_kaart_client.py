from __future__ import annotations

import httpx
import pytest

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
