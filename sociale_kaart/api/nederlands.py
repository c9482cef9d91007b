"""Validation errors in B1 Dutch.

FastAPI answers a request it cannot validate with 422 and pydantic's English messages. Routes
made with `NederlandseRoute` keep that format (`detail` is a list of `loc`, `msg`, `type`) but
say `msg` in Dutch, so a client can show it to the person. Messages of this project's own
checks (sociale_kaart/models/invoer.py) are already Dutch and stay as they are.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic_core.core_schema import ErrorType

__all__ = ["NederlandseRoute", "nederlandse_fouten"]

_PYDANTIC_TYPES = frozenset(typing.get_args(ErrorType))
_ALGEMEEN = "Deze waarde klopt niet. Kijk het na en probeer het opnieuw."
_BERICHTEN = {
    "missing": "Dit ontbreekt. Vul het in.",
    "string_type": "Vul hier tekst in.",
    "string_too_short": "Dit is te kort. Vul het in.",
    "string_too_long": "Dit is te lang. Gebruik hoogstens {max_length} tekens.",
    "string_pattern_mismatch": "Hier staat een teken dat niet kan.",
    "literal_error": "Kies een van deze antwoorden: {expected}.",
    "bool_type": "Kies ja (true) of nee (false).",
    "bool_parsing": "Kies ja (true) of nee (false).",
    "int_type": "Vul een heel getal in.",
    "int_parsing": "Vul een heel getal in.",
    "greater_than_equal": "Dit getal moet {ge} of meer zijn.",
    "less_than_equal": "Dit getal mag hoogstens {le} zijn.",
    "json_invalid": "Dit is geen geldige JSON.",
    "json_type": "Dit is geen geldige JSON.",
    "model_type": "Stuur hier een JSON-object.",
    "model_attributes_type": "Stuur hier een JSON-object.",
    "dict_type": "Stuur hier een JSON-object.",
}


def _bericht(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    if kind not in _PYDANTIC_TYPES:
        return str(error.get("msg", _ALGEMEEN))
    ctx = {key: str(value).replace(" or ", " of ") for key, value in
           (error.get("ctx") or {}).items()}
    try:
        return _BERICHTEN.get(kind, _ALGEMEEN).format(**ctx)
    except (KeyError, IndexError):
        return _ALGEMEEN


def nederlandse_fouten(errors: typing.Sequence[Any]) -> list[dict[str, Any]]:
    return [{**error, "msg": _bericht(error)} for error in errors]


class NederlandseRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def vertaald(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                raise RequestValidationError(nederlandse_fouten(exc.errors()),
                                             body=exc.body) from None

        return vertaald
