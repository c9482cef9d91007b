"""The socket.io channel the resident widget (widget/widget.js) talks to.

Rasa 3.6.21's SocketIOInput calls `sio.enter_room(...)` without `await`. Since python-socketio
5.x on asyncio that is a coroutine, so the socket never joins the room of its session and every
reply sent to `room=session_id` reaches nobody. WidgetInput is the stock channel with that
fixed, and with a limit on the length of a message.

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

logger = logging.getLogger(__name__)

# Longer messages are not passed on: nobody types this much in a chat, and a very long text
# only costs the NLU pipeline time. The widget stops at this length too.
MAX_BERICHT_LENGTE = 2000
TE_LANG = {
    "nl": "Uw bericht is te lang. Schrijf het korter, in een paar zinnen.",
    "fy": "Jo berjocht is te lang. Skriuw it koarter, yn in pear sinnen.",
}
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


def _taal(metadata: dict[str, Any]) -> str:
    return "fy" if metadata.get("taal") == "fy" else "nl"


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


class WidgetInput(SocketIOInput):
    """The stock socket.io channel, with the room fix and the length limit."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> WidgetOutput | None:
        if self.sio is None:
            rasa.shared.utils.io.raise_warning(
                "The socket.io output channel does not exist yet: Rasa has not built the "
                "channel's blueprint. With several Sanic workers or Rasa instances, use "
                "another channel for messages from outside a conversation.")
            return None
        return WidgetOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # cors_allowed_origins=[] leaves CORS to Sanic (rasa run --cors), as the stock channel.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[],
                          client_manager=redis_manager())
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook",
                                           __name__)
        self.sio = sio  # get_output_channel needs it for messages from the HTTP API

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            if not self.jwt_key:
                return True
            token = (auth or {}).get("token")
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            session_id = (data or {}).get("session_id")
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
            if len(text) > MAX_BERICHT_LENGTE:
                await sio.emit(self.bot_message_evt, {"text": TE_LANG[_taal(metadata)]},
                               room=sid, namespace=self.namespace)
                return

            await on_new_message(UserMessage(
                text, WidgetOutput(sio, self.bot_message_evt), sender_id,
                input_channel=self.name(), metadata=metadata))

        return socketio_webhook
