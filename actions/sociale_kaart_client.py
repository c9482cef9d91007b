"""The one place where the actions talk to the sociale kaart service.

Transport problems become `SocialeKaartOnbereikbaar`, so an action only has to handle this
module's own small exception tree and can always tell the resident what to do next.
"""

from __future__ import annotations

import asyncio
import copy
import os
import time
import weakref
from collections import OrderedDict
from typing import Any

import httpx

__all__ = ["MeldingGeweigerd", "SocialeKaartClient", "SocialeKaartError",
           "SocialeKaartOnbereikbaar"]

DEFAULT_URL = "http://localhost:8000"
TIMEOUT_SECONDS = 3.0

# What the sociale kaart says about places, gemeenten and services changes with an import or
# an edit, not from one question to the next. Under load the same few answers were asked for
# again and again (a fifth of a core for the sociale kaart at 30 turns per second), so they are
# kept this long: a change shows in the bot within a minute. Errors and amounts are never kept.
CACHE_SECONDEN = 60.0
CACHE_GROOTTE = 2048
_cache: OrderedDict[tuple[Any, ...], tuple[float, Any]] = OrderedDict()

# One connection pool per event loop and address. A new client per call built a new TLS context
# and a new connection each time: 15% of the action server's time under load
# (docs/benchmarks.md). Per loop, because a client cannot be shared between event loops.
_Pool = dict[tuple[str, Any], httpx.AsyncClient]
_POOLS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Pool] = weakref.WeakKeyDictionary()


class SocialeKaartError(Exception):
    """Base class for everything that can go wrong when asking the sociale kaart."""


class SocialeKaartOnbereikbaar(SocialeKaartError):
    """The service did not answer, or answered with a server error."""


class MeldingGeweigerd(SocialeKaartError):
    """The sociale kaart refused a melding (4xx); sending it again would not help."""

    def __init__(self, status: int, reden: str):
        super().__init__(f"melding refused with {status}: {reden}")
        self.status = status
        self.reden = reden


class SocialeKaartClient:
    def __init__(self, base_url: str, transport: httpx.AsyncBaseTransport | None = None,
                 melding_token: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.transport = transport
        self.melding_token = melding_token

    @classmethod
    def from_env(cls) -> SocialeKaartClient:
        return cls(os.environ.get("SOCIALE_KAART_URL", DEFAULT_URL),
                   melding_token=os.environ.get("SOCIALE_KAART_MELDING_TOKEN") or None)

    def _client(self) -> httpx.AsyncClient:
        pool = _POOLS.setdefault(asyncio.get_running_loop(), {})
        key = (self.base_url, self.transport)
        client = pool.get(key)
        if client is None or client.is_closed:
            client = pool[key] = httpx.AsyncClient(
                base_url=self.base_url, timeout=TIMEOUT_SECONDS, transport=self.transport)
        return client

    async def _bewaard(self, path: str, params: dict[str, str] | None = None) -> Any:
        """_get, answered from the cache when the same question was asked in the last minute."""
        sleutel = (self.base_url, self.transport, path, tuple(sorted((params or {}).items())))
        nu = time.monotonic()
        bewaard = _cache.get(sleutel)
        if bewaard is not None and nu - bewaard[0] < CACHE_SECONDEN:
            _cache.move_to_end(sleutel)
            return copy.deepcopy(bewaard[1])  # an action may change what it gets
        antwoord = await self._get(path, params)
        _cache[sleutel] = (nu, copy.deepcopy(antwoord))
        _cache.move_to_end(sleutel)
        while len(_cache) > CACHE_GROOTTE:
            _cache.popitem(last=False)
        return antwoord

    def _token_header(self) -> dict[str, str]:
        """The action server's token, also on questions: the sociale kaart limits requests per
        address, and this server asks for every resident from one address."""
        return {"Authorization": f"Bearer {self.melding_token}"} if self.melding_token else {}

    async def _get(self, path: str, params: dict[str, str] | None = None) -> Any:
        """GET the JSON body; None when the service says it does not exist (404)."""
        try:
            response = await self._client().get(path, params=params, headers=self._token_header())
        except httpx.HTTPError as exc:
            raise SocialeKaartOnbereikbaar(f"sociale kaart at {self.base_url}: {exc!r}") from exc
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise SocialeKaartOnbereikbaar(
                f"sociale kaart answered {response.status_code} on {path}: {response.text[:200]}"
            )
        try:
            return response.json()
        except ValueError as exc:
            raise SocialeKaartOnbereikbaar(f"sociale kaart sent no JSON on {path}") from exc

    async def resolve(self, text: str) -> dict[str, Any] | None:
        """The gemeente for a place name, Frisian name or postcode; None when unknown."""
        return await self._bewaard("/gemeenten/resolve", {"q": text[:200]})

    async def toegang(self, gemeente_code: str) -> dict[str, Any] | None:
        """Team, phone and walk-in information of a gemeente; None when unknown."""
        return await self._bewaard(f"/gemeenten/{gemeente_code}/toegang")

    async def eigen_bijdrage(self, gemeente_code: str) -> list[dict[str, Any]]:
        """Dated amounts for maatwerk that apply today; [] when the gemeente published none."""
        # Not kept: an amount must be the one published now, and it is seldom asked.
        found = await self._get(f"/gemeenten/{gemeente_code}/eigen-bijdrage")
        return list(found or [])

    async def search(self, gemeente_code: str, categorie: str, taal: str,
                     limit: int = 5) -> list[dict[str, Any]]:
        """Services of one category in a gemeente, best first; [] when there are none."""
        found = await self._bewaard("/search", {"gemeente": gemeente_code, "categorie": categorie,
                                            "taal": taal, "limit": str(limit)})
        return list(found["resultaten"]) if found else []

    async def kcc_bereikbaar(self, gemeente_code: str | None) -> bool:
        """Whether KCC staff are there now to take a chat (their opening hours)."""
        found = await self._get("/kcc/bereikbaar",
                                {"gemeente": gemeente_code} if gemeente_code else None)
        return bool(found and found.get("open"))

    async def overdracht_aanmelden(self, body: dict[str, Any]) -> dict[str, Any]:
        """Put a chat or a call-back request in the KCC queue. Filing the same conversation
        twice gives the open handover back, so a retry never makes a second one."""
        response = await self._post("/kcc/overdrachten", body, {})
        if response.status_code in (200, 201):
            return dict(response.json())
        raise SocialeKaartOnbereikbaar(
            f"sociale kaart answered {response.status_code} on /kcc/overdrachten: "
            f"{_reden(response)}")

    async def _post(self, path: str, body: dict[str, Any],
                    headers: dict[str, str]) -> httpx.Response:
        """POST with the action server's token; transport errors become SocialeKaartOnbereikbaar."""
        headers = {**headers, **self._token_header()}
        try:
            return await self._client().post(path, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SocialeKaartOnbereikbaar(f"sociale kaart at {self.base_url}: {exc!r}") from exc

    async def melding_versturen(self, body: dict[str, Any], sleutel: str) -> dict[str, Any]:
        """File a melding; the same `sleutel` (idempotency key) never makes a second one.

        Returns the confirmation (number, dates, team). A refusal (4xx other than a missing or
        wrong token) raises MeldingGeweigerd; everything that may pass raises
        SocialeKaartOnbereikbaar, so the caller keeps the melding and tries again.
        """
        response = await self._post("/meldingen", body, {"Idempotency-Key": sleutel})
        if response.status_code in (200, 201):
            return dict(response.json())
        # 401 and 503 are settings of this server (token), not faults of the melding.
        if response.status_code >= 500 or response.status_code in (401, 408, 429):
            raise SocialeKaartOnbereikbaar(
                f"sociale kaart answered {response.status_code} on /meldingen")
        raise MeldingGeweigerd(response.status_code, _reden(response))


def _reden(response: httpx.Response) -> str:
    """The B1 message of a refusal: FastAPI's `detail`, a text or a list of errors."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return ""
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        return str(detail[0].get("msg", ""))
    return str(detail or "")
