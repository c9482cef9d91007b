"""Delivery of meldingen: retries with the same key, an outage, a lost answer."""

from __future__ import annotations

import json

import httpx
import pytest

from actions.melding_bezorging import bezorg, bezorg_wachtende
from actions.melding_opslag import MeldingOpslag, Wachtend, nu, wachttijd
from actions.sociale_kaart_client import (
    MeldingGeweigerd,
    SocialeKaartClient,
    SocialeKaartOnbereikbaar,
)

from .conftest import RESOLVE_DRACHTEN

BODY = {"gemeente_code": "GM0090", "naam": "Anna de Vries", "telefoon": "0612345678"}


class FakeMeldingen:
    """The sociale kaart's POST /meldingen as far as delivery cares: idempotent per key, and
    it can be down, or store a melding and then lose the connection before it answers."""

    def __init__(self):
        self.opgeslagen: dict[str, dict] = {}
        self.sleutels: list[str] = []
        self.plan: list[str] = []  # per request: "down", "verloren" or "" (answer normally)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/gemeenten/resolve":
            return httpx.Response(200, json=RESOLVE_DRACHTEN)
        stap = self.plan.pop(0) if self.plan else ""
        if stap == "down":
            raise httpx.ConnectError("connection refused", request=request)
        assert request.headers["Authorization"] == "Bearer geheim"
        sleutel = request.headers["Idempotency-Key"]
        self.sleutels.append(sleutel)
        nieuw = sleutel not in self.opgeslagen
        if nieuw:
            nummer = f"WMO-2026-{len(self.opgeslagen) + 1:06d}"
            self.opgeslagen[sleutel] = {**json.loads(request.content), "nummer": nummer}
        if stap == "verloren":
            raise httpx.ReadError("connection reset after the melding was stored",
                                  request=request)
        return httpx.Response(201 if nieuw else 200, json=self.opgeslagen[sleutel])


@pytest.fixture
def kaart() -> FakeMeldingen:
    return FakeMeldingen()


@pytest.fixture
def client(kaart) -> SocialeKaartClient:
    return SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(kaart),
                              melding_token="geheim")


@pytest.fixture
def opslag(tmp_path) -> MeldingOpslag:
    return MeldingOpslag(tmp_path / "outbox.db")


def wachtend(opslag: MeldingOpslag, body=BODY) -> Wachtend:
    opslag.zet_klaar("sleutel-1", body)
    found = opslag.wachtend("sleutel-1")
    assert found is not None
    return found


async def test_a_hiccup_is_retried_with_the_same_key(kaart, client, opslag):
    kaart.plan = ["down", "down", ""]
    antwoord = await bezorg(opslag, client, wachtend(opslag), (0, 0))
    assert antwoord["nummer"] == "WMO-2026-000001"
    assert kaart.sleutels == ["sleutel-1"]
    assert opslag.antwoord("sleutel-1") == antwoord


async def test_an_answer_lost_after_storing_still_gives_one_melding(kaart, client, opslag):
    kaart.plan = ["verloren", ""]
    antwoord = await bezorg(opslag, client, wachtend(opslag), (0,))
    assert kaart.sleutels == ["sleutel-1", "sleutel-1"]
    assert len(kaart.opgeslagen) == 1
    assert antwoord["nummer"] == "WMO-2026-000001"


async def test_an_outage_keeps_the_melding_and_it_arrives_once_afterwards(kaart, client, opslag):
    kaart.plan = ["down"] * 3
    with pytest.raises(SocialeKaartOnbereikbaar):
        await bezorg(opslag, client, wachtend(opslag), (0, 0))
    assert kaart.opgeslagen == {}

    # Back again: the background round finds it once its wait is over.
    MeldingOpslag(opslag.pad)  # as after a restart of the action server
    assert opslag.te_bezorgen() == []
    assert [w.sleutel for w in opslag.te_bezorgen(nu() + wachttijd(3))] == ["sleutel-1"]
    with opslag._verbinding() as db:
        db.execute("UPDATE outbox SET volgende_poging = ?", (nu().isoformat(),))
    assert await bezorg_wachtende(opslag, client) == 1
    assert await bezorg_wachtende(opslag, client) == 0
    assert len(kaart.opgeslagen) == 1
    assert kaart.opgeslagen["sleutel-1"]["naam"] == "Anna de Vries"


async def test_a_refusal_is_not_retried(opslag):
    def weigert(request: httpx.Request) -> httpx.Response:
        return httpx.Response(422, json={"detail": [{"loc": ["body", "telefoon"], "type": "x",
                                                      "msg": "Dit telefoonnummer klopt niet."}]})

    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(weigert))
    with pytest.raises(MeldingGeweigerd) as refused:
        await bezorg(opslag, client, wachtend(opslag), (0, 0))
    assert refused.value.reden == "Dit telefoonnummer klopt niet."
    assert opslag.wachtend("sleutel-1") is None


@pytest.mark.parametrize("status", [401, 500, 503])
async def test_a_wrong_token_or_server_error_keeps_the_melding(opslag, status):
    client = SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(
        lambda request: httpx.Response(status, json={"detail": "nee"})))
    with pytest.raises(SocialeKaartOnbereikbaar):
        await bezorg(opslag, client, wachtend(opslag))
    assert opslag.wachtend("sleutel-1") is not None


async def test_a_place_named_while_the_kaart_was_down_is_looked_up_on_delivery(
        kaart, client, opslag):
    body = {**BODY, "gemeente_code": None, "woonplaats": "Drachten"}
    await bezorg(opslag, client, wachtend(opslag, body))
    assert kaart.opgeslagen["sleutel-1"]["gemeente_code"] == "GM0090"
