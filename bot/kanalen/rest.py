"""Rasa's REST channel with the same clean messages as the widget, and a 400 for a request
that is not a message.

The stock channel answers a body that is not a JSON object, or a sender or message that is not
text, with a 500 or an empty list. REST is for scripts, tests and the load test, inside the
network (deploy/nginx/default.conf does not pass it on), so it has no rate limit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from kanalen.invoer import MAX_BERICHT_LENGTE, TEKSTEN, schoon_bericht, taal_van

MAX_AFZENDER_LENGTE = 128


def _json_object(request: Request) -> dict[str, Any]:
    body = request.json  # Sanic answers 400 itself when the body is not JSON
    if not isinstance(body, dict):
        raise InvalidUsage("The body must be a JSON object with `sender` and `message`.")
    return body


class SchoneRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str:
        sender = _json_object(req).get("sender")
        if not isinstance(sender, str) or not sender.strip() \
                or len(sender) > MAX_AFZENDER_LENGTE:
            raise InvalidUsage(f"`sender` must be text of 1 to {MAX_AFZENDER_LENGTE} characters.")
        return sender

    def _extract_message(self, req: Request) -> str:
        message = _json_object(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage("`message` must be text.")
        return message

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = _json_object(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def schoon(message: UserMessage) -> None:
            if len(message.text or "") > MAX_BERICHT_LENGTE:
                await message.output_channel.send_text_message(
                    message.sender_id, TEKSTEN["te_lang"][taal_van(message.metadata)])
                return
            message.text = schoon_bericht(message.text or "")
            await on_new_message(message)

        return super().blueprint(schoon)
