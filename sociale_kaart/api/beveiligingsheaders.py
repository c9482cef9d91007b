"""Security headers on every answer: the pages, the widget's files and the API.

The Content-Security-Policy lets a page run scripts and styles from this site only, never
inline ones (the pages have none; widget.js builds its DOM without HTML), and talk to this site
and to Rasa (RASA_PUBLIC_URL, also as ws: or wss: for socket.io). No page sends a Referer. Staff
pages and the staff API are never framed and never cached; the resident pages may be framed by
the sites of WIDGET_ORIGINS. A route that needs another policy (the API docs) sets its own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sociale_kaart.core.config import Settings

__all__ = ["Beveiligingsheaders", "docs_beleid", "medewerkerspad", "rasa_bronnen"]

# The staff pages, their API, and the API docs: never framed or cached here, and a rate-limit
# bucket of their own in api/limieten.py.
MEDEWERKERSPADEN = ("/medewerker", "/kcc", "/staff", "/team", "/admin", "/docs")
# Nothing here needs a camera, a microphone or the location; read-aloud is speech synthesis,
# which needs no permission.
PERMISSIES = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# A host name or an IP address: nothing that could end the directive.
_HOST = re.compile(r"^[A-Za-z0-9.:-]+$")
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def medewerkerspad(pad: str) -> bool:
    return any(pad == begin or pad.startswith(begin + "/") for begin in MEDEWERKERSPADEN)


def rasa_bronnen(rasa_public_url: str) -> list[str]:
    """Rasa's origin for connect-src, over HTTP and as a WebSocket. A relative address is
    this site itself, which 'self' already allows."""
    delen = urlsplit(rasa_public_url)
    socket = {"http": "ws", "https": "wss"}.get(delen.scheme)
    try:
        host, poort = delen.hostname, delen.port
    except ValueError:  # a port that is not a number
        return []
    if socket is None or not host or not _HOST.match(host):
        return []
    adres = (f"[{host}]" if ":" in host else host) + (f":{poort}" if poort else "")
    return [f"{delen.scheme}://{adres}", f"{socket}://{adres}"]


def _beleid(rasa_public_url: str, frame_ancestors: str) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src " + " ".join(["'self'", *rasa_bronnen(rasa_public_url)]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    ])


def docs_beleid(pagina: bytes) -> str:
    """The policy of FastAPI's Swagger page: its files from the CDN it names, and its one
    inline script by hash, so no other inline script can run. Inline styles stay allowed for
    this page only: Swagger UI is not ours to change, and a style runs no code."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
                      for script in _INLINE_SCRIPT.findall(pagina))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' https://cdn.jsdelivr.net {hashes}",
        "style-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'",
        "img-src 'self' data: https://fastapi.tiangolo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class Beveiligingsheaders:
    """ASGI middleware that adds the headers to every response it passes on."""

    def __init__(self, app: ASGIApp, config: Settings) -> None:
        self.app = app
        altijd = [("X-Content-Type-Options", "nosniff"),
                  ("Referrer-Policy", "no-referrer"),
                  ("Permissions-Policy", PERMISSIES),
                  ("Cross-Origin-Opener-Policy", "same-origin")]
        if config.cookie_secure:  # served over HTTPS: browsers should never try plain HTTP
            altijd.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        self.medewerkers = [
            *altijd,
            ("Content-Security-Policy", _beleid(config.rasa_public_url, "'none'")),
            ("X-Frame-Options", "DENY"),
            ("Cache-Control", "no-store"),
        ]
        self.inwoners = [
            *altijd,
            ("Content-Security-Policy", _beleid(config.rasa_public_url, " ".join(
                ["'self'", *config.widget_herkomsten]))),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.medewerkers if medewerkerspad(scope["path"]) else self.inwoners

        async def met_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for naam, waarde in extra:
                    if naam != "Content-Security-Policy" or naam not in headers:
                        headers[naam] = waarde
            await send(message)

        await self.app(scope, receive, met_headers)
