"""The socket.io channel the resident widget (widget/widget.js) talks to.

Rasa 3.6.21's SocketIOInput calls `sio.enter_room(...)` without `await`. Since python-socketio
5.x on asyncio that is a coroutine, so the socket never joins the room of its session and every
reply sent to `room=session_id` reaches nobody. WidgetInput is the stock channel with that
fixed, limited to the sites in WIDGET_ORIGINS, with a rate limit per session and per address
(kanalen/snelheidslimiet.py, a symlink to the sociale kaart's own), and with clean messages of
a limited length (kanalen/invoer.py).

WidgetOutput sends what the widget shows:
- `{"text": ..., "quick_replies": [{"title", "payload"}]}` for a bot text, one event per
  response (the stock channel splits a text at blank lines; the widget shows paragraphs
  itself, so one response stays one message with one "read aloud" button);
- `"medewerker": "Anna"` added when a KCC employee wrote the message: a BotUttered event with
  `metadata: {"medewerker": "Anna"}`, posted to Rasa's HTTP API with
  `output_channel=socketio&execute_side_effects=true`;
- `"taal": "fy"` or `"nl"` when the text is clearly written in that language, so the widget
  can mark Frisian with `lang="fy"` and read it aloud with a Frisian voice;
- `{"custom": {...}}` for an action's `json_message` (the stock channel spreads that dict
  into the arguments of `emit`, which sends nothing useful).

`name()` stays "socketio", so `?output_channel=socketio` on the HTTP API finds this channel.

With several Rasa instances (REDIS_HOST set, as endpoints.production.yml's lock store needs),
the instances pass socket.io messages to each other through Redis: a KCC reply that reaches
one instance gets to the resident's socket on another (docs/scaling.md).
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

import rasa.shared.utils.io
from components.taal_herkenning import schrijftaal
from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncRedisManager, AsyncServer

from kanalen.invoer import MAX_BERICHT_LENGTE, TEKSTEN, schoon_bericht, taal_van
from kanalen.productie import OnveiligeInstelling, controleer_geheimen, in_productie
from kanalen.snelheidslimiet import Snelheidslimiet

logger = logging.getLogger(__name__)

# A session id the widget chose itself (kept in the browser's sessionStorage). Anything else
# gets a new one, so a sender id in the tracker store is always a plain token.
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


def redis_manager() -> AsyncRedisManager | None:
    """Redis shared by the instances, from the lock store's settings; None on one machine."""
    host = os.environ.get("REDIS_HOST")
    if not host:
        return None
    password = os.environ.get("REDIS_PASSWORD") or ""
    auth = f":{quote(password, safe='')}@" if password else ""
    port = os.environ.get("REDIS_PORT") or "6379"
    # Database 2: the lock store uses 1 (endpoints.production.yml).
    return AsyncRedisManager(f"redis://{auth}{host}:{port}/2", channel="wegwijzer-socketio")


def _afzender(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The staff member's first name, if a person (not the bot) wrote the message."""
    medewerker = kwargs.get("medewerker")
    if isinstance(medewerker, str) and medewerker.strip():
        return {"medewerker": medewerker.strip()}
    return {}


def _tekst(text: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """A bot or staff text as the widget shows it, with its language when that is clear."""
    text = text.strip()
    taal = schrijftaal(text)
    return {"text": text, **({"taal": taal} if taal else {}), **_afzender(kwargs)}


class WidgetOutput(SocketIOOutput):
    """Replies to the widget, in the room of the resident's session."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send_message(recipient_id, _tekst(text, kwargs))

    async def send_text_with_buttons(self, recipient_id: str, text: str,
                                     buttons: list[dict[str, Any]], **kwargs: Any) -> None:
        quick_replies = [{"title": button["title"], "payload": button["payload"]}
                         for button in buttons]
        await self._send_message(recipient_id,
                                 {**_tekst(text, kwargs), "quick_replies": quick_replies})

    async def send_quick_replies(self, recipient_id: str, text: str,
                                 quick_replies: list[dict[str, Any]], **kwargs: Any) -> None:
        # The stock method drops kwargs, and with them the staff member's name.
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any],
                               **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


def _limiet(naam: str, standaard_per_minuut: int) -> Snelheidslimiet:
    """A limit of `naam` messages a minute, of which half a minute's worth may come at once."""
    waarde = os.environ.get(naam, "").strip() or str(standaard_per_minuut)
    if not waarde.isdigit() or int(waarde) < 1:
        raise ValueError(f"{naam}={waarde!r}: use a whole number of 1 or more "
                         f"(default {standaard_per_minuut})")
    per_minuut = int(waarde)
    return Snelheidslimiet(voorraad=max(per_minuut // 2, 1), per_seconde=per_minuut / 60)


def toegestane_herkomsten() -> frozenset[str]:
    """The sites whose pages may open a chat: WIDGET_ORIGINS, separated by spaces or commas.

    Empty means any site, which is only for a machine of your own: production mode refuses it.
    """
    return frozenset(herkomst.rstrip("/") for herkomst in
                     re.split(r"[\s,]+", os.environ.get("WIDGET_ORIGINS", "")) if herkomst)


def adres_van(environ: dict[str, Any]) -> str:
    """The resident's address. Behind nginx, Sanic reads it from X-Forwarded-For when
    SANIC_PROXIES_COUNT is set (docker-compose does); the peer address otherwise."""
    request = environ.get("sanic.request")
    if request is None:
        return environ.get("REMOTE_ADDR", "")
    return request.remote_addr or request.ip


class WidgetInput(SocketIOInput):
    """The stock socket.io channel, with the room fix, allowed sites, rate limits per session
    and per address, and clean messages of a limited length (kanalen/invoer.py)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WidgetInput:
        # Rasa builds its channels first thing at start-up: the place to refuse a bad setup.
        controleer_geheimen(["RASA_AUTH_TOKEN", "POSTGRES_PASSWORD", "REDIS_PASSWORD"])
        herkomsten = toegestane_herkomsten()
        if in_productie() and (not herkomsten or "*" in herkomsten):
            raise OnveiligeInstelling(
                "WMO_OMGEVING=productie, but WIDGET_ORIGINS is empty or `*`: name the sites "
                "whose pages show the widget, e.g. https://wegwijzer.gemeente.nl")
        return super().from_credentials(credentials)  # type: ignore[return-value]

    def get_output_channel(self) -> WidgetOutput | None:
        if self.sio is None:
            rasa.shared.utils.io.raise_warning(
                "The socket.io output channel does not exist yet: Rasa has not built the "
                "channel's blueprint. With several Sanic workers or Rasa instances, use "
                "another channel for messages from outside a conversation.")
            return None
        return WidgetOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # cors_allowed_origins=[] leaves CORS headers to Sanic (rasa run --cors), as the stock
        # channel; `connect` below refuses pages of other sites.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[],
                          client_manager=redis_manager())
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook",
                                           __name__)
        self.sio = sio  # get_output_channel needs it for messages from the HTTP API
        herkomsten = toegestane_herkomsten()
        per_sessie = _limiet("CHAT_BERICHTEN_PER_MINUUT", 30)
        per_adres = _limiet("CHAT_BERICHTEN_PER_MINUUT_PER_ADRES", 300)
        adressen: dict[str, str] = {}

        async def antwoord(sid: str, soort: str, metadata: object) -> None:
            await sio.emit(self.bot_message_evt, {"text": TEKSTEN[soort][taal_van(metadata)]},
                           room=sid, namespace=self.namespace)

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            # Browsers always name the page's site on a request from another site; a request
            # without one comes from the same site or from outside a browser.
            herkomst = environ.get("HTTP_ORIGIN", "").rstrip("/")
            if herkomsten and herkomst and herkomst not in herkomsten:
                logger.warning("A socket.io connection from a page of %s was refused; add "
                               "the site to WIDGET_ORIGINS if it may show the widget.", herkomst)
                return False
            if self.jwt_key:
                token = (auth or {}).get("token")
                if not (token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm)):
                    return False
            adressen[sid] = adres_van(environ)
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            adressen.pop(sid, None)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not isinstance(session_id, str) or not SESSION_ID.fullmatch(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                # The fix: without await the socket never joins its session's room.
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                sender_id = data.get("session_id")
                if not isinstance(sender_id, str) or not SESSION_ID.fullmatch(sender_id):
                    logger.warning("A socket.io message without a valid session_id was "
                                   "ignored; the client must send `session_request` first.")
                    return
            else:
                sender_id = sid

            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}

            text = data.get("message", "")
            if not isinstance(text, str):
                return
            # Both buckets are always asked, so a flood from one address also empties the
            # sessions it uses.
            sessie_wacht = per_sessie.wachttijd(sender_id)
            if per_adres.wachttijd(adressen.get(sid, "")) or sessie_wacht:
                await antwoord(sid, "te_snel", metadata)
                return
            if len(text) > MAX_BERICHT_LENGTE:
                await antwoord(sid, "te_lang", metadata)
                return

            await on_new_message(UserMessage(
                schoon_bericht(text), WidgetOutput(sio, self.bot_message_evt), sender_id,
                input_channel=self.name(), metadata=metadata))

        return socketio_webhook
