"""Keeps what residents type out of the access log.

The action server looks up places and services with the resident's own words in the query
string (`/gemeenten/resolve?q=...`). Those words can hold a name, a phone number or a BSN, so
the access log keeps the path and drops the query.
"""

from __future__ import annotations

import logging

__all__ = ["ZonderZoekvraag", "installeer"]

# uvicorn's access log record: args = (client, method, path with query, http version, status)
_PAD = 2


class ZonderZoekvraag(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) > _PAD and isinstance(args[_PAD], str):
            pad, _, vraag = str(args[_PAD]).partition("?")
            if vraag:
                record.args = (*args[:_PAD], f"{pad}?…", *args[_PAD + 1:])
        return True


def installeer() -> None:
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, ZonderZoekvraag) for f in logger.filters):
        logger.addFilter(ZonderZoekvraag())
