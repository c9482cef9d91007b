from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.sociale_kaart_client import SocialeKaartClient

TOEGANG_SMALLINGERLAND = {
    "gemeente_code": "GM0090",
    "gemeente_naam": "Smallingerland",
    "gemeente_naam_fy": "Smellingerlân",
    "team_naam": "Wmo-loket Smallingerland",
    "telefoon": "14 0512",
    "inloop": "Op werkdagen kunt u langskomen in het gemeentehuis in Drachten.",
    "inloop_fy": "Op wurkdagen kinne jo del komme yn it gemeentehûs yn Drachten.",
    "website": "https://www.smallingerland.nl",
    "voorbeeld": True,
    "laatst_gecontroleerd": "2026-11-22",
    "bron": "test",
}
RESOLVE_DRACHTEN = {
    "gemeente": {"code": "GM0090", "naam": "Smallingerland", "naam_fy": "Smellingerlân"},
    "match": "drachten", "match_type": "woonplaats", "woonplaats": "Drachten", "zekerheid": 1.0,
}


def dienst(naam: str, toegang_type: str, **extra: Any) -> dict[str, Any]:
    return {"id": naam.lower().replace(" ", "-"), "name": naam, "toegang_type": toegang_type,
            "description": f"Over {naam}.", "telefoon": "0512 000 000",
            "openingstijden": ["Op werkdagen."], "laatst_gecontroleerd": "2026-11-22",
            "voorbeeld": True, **extra}


# Smallingerland's klussen: one service needs a melding, three can be reached directly.
KLUSSEN_SMALLINGERLAND = [dienst("Klussen via de gemeente", "maatwerk"),
                          *(dienst(f"Klussendienst {n}", "algemeen") for n in range(1, 5))]


def fake_sociale_kaart(request: httpx.Request) -> httpx.Response:
    """A tiny stand-in for the service that knows Drachten and Smallingerland only."""
    if request.url.path == "/gemeenten/resolve":
        if "drachten" in request.url.params["q"].lower():
            return httpx.Response(200, json=RESOLVE_DRACHTEN)
        return httpx.Response(404, json={"detail": "Deze plaats kennen we niet"})
    if request.url.path == "/gemeenten/GM0090/toegang":
        return httpx.Response(200, json=TOEGANG_SMALLINGERLAND)
    if request.url.path == "/search" and request.url.params.get("gemeente") == "GM0090":
        found = KLUSSEN_SMALLINGERLAND if request.url.params["categorie"] == "klussen" else []
        return httpx.Response(200, json={"gemeente": "GM0090", "totaal": len(found),
                                         "resultaten": found})
    return httpx.Response(404, json={"detail": "Gemeente niet gevonden"})


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


@pytest.fixture
def client_with() -> Callable[[Callable[[httpx.Request], httpx.Response]], SocialeKaartClient]:
    def make(handler):
        return SocialeKaartClient("http://kaart.test", transport=httpx.MockTransport(handler))

    return make


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(slots: dict[str, Any] | None = None, text: str = "",
                 events: list[dict[str, Any]] | None = None,
                 entities: list[dict[str, Any]] | None = None,
                 intent: str = "hulp_huishouden") -> Tracker:
    return Tracker(
        sender_id="test",
        slots={"taal": "nl", **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent},
                        "entities": entities or []},
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
