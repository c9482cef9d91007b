"""The one place where the actions talk to the sociale kaart service.

Transport problems become `SocialeKaartOnbereikbaar`, so an action only has to handle this
module's own small exception tree and can always tell the resident what to do next.
"""

from __future__ import annotations

import os
from typing import Any

import httpx

__all__ = ["SocialeKaartClient", "SocialeKaartError", "SocialeKaartOnbereikbaar"]

DEFAULT_URL = "http://localhost:8000"
TIMEOUT_SECONDS = 3.0


class SocialeKaartError(Exception):
    """Base class for everything that can go wrong when asking the sociale kaart."""


class SocialeKaartOnbereikbaar(SocialeKaartError):
    """The service did not answer, or answered with a server error."""


class SocialeKaartClient:
    def __init__(self, base_url: str, transport: httpx.AsyncBaseTransport | None = None):
        self.base_url = base_url.rstrip("/")
        self.transport = transport

    @classmethod
    def from_env(cls) -> SocialeKaartClient:
        return cls(os.environ.get("SOCIALE_KAART_URL", DEFAULT_URL))

    async def _get(self, path: str, params: dict[str, str] | None = None) -> Any:
        """GET the JSON body; None when the service says it does not exist (404)."""
        try:
            async with httpx.AsyncClient(
                base_url=self.base_url, timeout=TIMEOUT_SECONDS, transport=self.transport
            ) as client:
                response = await client.get(path, params=params)
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
        return await self._get("/gemeenten/resolve", {"q": text[:200]})

    async def toegang(self, gemeente_code: str) -> dict[str, Any] | None:
        """Team, phone and walk-in information of a gemeente; None when unknown."""
        return await self._get(f"/gemeenten/{gemeente_code}/toegang")

    async def eigen_bijdrage(self, gemeente_code: str) -> list[dict[str, Any]]:
        """Dated amounts for maatwerk that apply today; [] when the gemeente published none."""
        found = await self._get(f"/gemeenten/{gemeente_code}/eigen-bijdrage")
        return list(found or [])

    async def search(self, gemeente_code: str, categorie: str, taal: str,
                     limit: int = 5) -> list[dict[str, Any]]:
        """Services of one category in a gemeente, best first; [] when there are none."""
        found = await self._get("/search", {"gemeente": gemeente_code, "categorie": categorie,
                                            "taal": taal, "limit": str(limit)})
        return list(found["resultaten"]) if found else []
