"""Rate limits per client address, before any route runs.

- Every request: a burst of SOCIALE_KAART_LIMIET_VOORRAAD, then SOCIALE_KAART_LIMIET_PER_SECONDE.
  Generous, because the residents of a gemeente's office or library share one address.
- Staff pages and routes (MEDEWERKERSPADEN in api/beveiligingsheaders.py): five times that,
  in a bucket of their own. The KCC console asks for the queue every 3 s and for an open
  conversation every 2 s, and a KCC office shares one address: six staff at work are already
  5 requests a second. Without a valid session these routes answer 401 after one indexed
  lookup.
- POST /staff/login: a burst of SOCIALE_KAART_LOGIN_VOORRAAD, then SOCIALE_KAART_LOGIN_PER_MINUUT,
  on top of the lockout per account: guessing passwords of many accounts costs time too.

The client address is the peer of the connection; behind nginx, uvicorn --proxy-headers has
put the resident's address there (sociale_kaart/Dockerfile). A caller with a service token
(the meldingen or the admin token, as Bearer) is not limited: the action server asks for every
resident from one address.
"""

from __future__ import annotations

import hmac
import ipaddress
import math
import time
from collections.abc import Callable

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from sociale_kaart.api.beveiligingsheaders import medewerkerspad
from sociale_kaart.core.config import Settings
from sociale_kaart.snelheidslimiet import Snelheidslimiet

__all__ = ["TE_VAAK_INGELOGD", "TE_VEEL_VERZOEKEN", "Snelheidslimieten", "adres_sleutel"]

TE_VEEL_VERZOEKEN = ("Er komen nu te veel vragen van uw adres. "
                     "Wacht even en probeer het dan opnieuw.")
TE_VAAK_INGELOGD = ("U hebt te vaak geprobeerd in te loggen. "
                    "Wacht een minuut en probeer het dan opnieuw.")


MEDEWERKERS_FACTOR = 5


def adres_sleutel(scope: Scope) -> str:
    """The bucket of a client: its IPv4 address, or the /64 network of an IPv6 address, since
    one home or phone gets a whole /64 and could otherwise take a new address per request."""
    client = scope.get("client")
    host = client[0] if client else ""
    try:
        adres = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(adres, ipaddress.IPv4Address):
        return str(adres)
    if adres.ipv4_mapped:
        return str(adres.ipv4_mapped)
    return str(ipaddress.IPv6Network((adres, 64), strict=False))


class Snelheidslimieten:
    """ASGI middleware: 429 with a Dutch `detail` and Retry-After when a bucket is empty."""

    def __init__(self, app: ASGIApp, config: Settings,
                 klok: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.algemeen = Snelheidslimiet(config.limiet_voorraad, config.limiet_per_seconde, klok)
        self.medewerkers = Snelheidslimiet(config.limiet_voorraad * MEDEWERKERS_FACTOR,
                                           config.limiet_per_seconde * MEDEWERKERS_FACTOR, klok)
        self.login = Snelheidslimiet(config.login_voorraad, config.login_per_minuut / 60, klok)
        self.dienst_tokens = [token.encode() for token in
                              (config.melding_token, config.admin_token) if token]

    def _met_dienst_token(self, scope: Scope) -> bool:
        for naam, waarde in scope["headers"]:
            if naam == b"authorization":
                schema, _, token = waarde.partition(b" ")
                return schema.lower() == b"bearer" and any(
                    hmac.compare_digest(token.strip(), bekend) for bekend in self.dienst_tokens)
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self._met_dienst_token(scope):
            await self.app(scope, receive, send)
            return
        sleutel = adres_sleutel(scope)
        emmer = self.medewerkers if medewerkerspad(scope["path"]) else self.algemeen
        wachten, detail = emmer.wachttijd(sleutel), TE_VEEL_VERZOEKEN
        if not wachten and scope["method"] == "POST" and scope["path"] == "/staff/login":
            wachten, detail = self.login.wachttijd(sleutel), TE_VAAK_INGELOGD
        if not wachten:
            await self.app(scope, receive, send)
            return
        weigering = JSONResponse({"detail": detail}, status_code=429,
                                 headers={"Retry-After": str(max(1, math.ceil(wachten)))})
        await weigering(scope, receive, send)
