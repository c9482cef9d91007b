"""Delivers meldingen from the outbox to the sociale kaart, now or later.

The action tries a few times with a short wait between, so a hiccup does not bother the
resident. When the sociale kaart stays down, a background thread in the action server keeps
trying with a growing wait (melding_opslag.wachttijd) until it is back. The melding's
idempotency key makes every retry safe: the sociale kaart never stores it twice.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from typing import Any

from actions.melding_opslag import MeldingOpslag, Wachtend
from actions.sociale_kaart_client import (
    MeldingGeweigerd,
    SocialeKaartClient,
    SocialeKaartOnbereikbaar,
)

__all__ = ["bezorg", "bezorg_wachtende", "start_bezorger"]

logger = logging.getLogger(__name__)

# Waits between the attempts while the resident waits for an answer: three tries in ~2 s.
WACHTTIJDEN_DIRECT = (0.5, 1.5)
INTERVAL_SECONDEN = float(os.environ.get("MELDING_OUTBOX_INTERVAL", "5"))


async def bezorg(opslag: MeldingOpslag, client: SocialeKaartClient, wachtend: Wachtend,
                 wachttijden: tuple[float, ...] = ()) -> dict[str, Any]:
    """Send one melding; after a failure wait each of `wachttijden` and try again.

    Returns the confirmation. Raises SocialeKaartOnbereikbaar when every attempt failed (the
    melding stays in the outbox) and MeldingGeweigerd when it was refused (it is removed).
    """
    for wacht in (*wachttijden, None):
        try:
            body = await _met_gemeente(client, wachtend.body)
            antwoord = await client.melding_versturen(body, wachtend.sleutel)
        except SocialeKaartOnbereikbaar as exc:
            opslag.mislukt(wachtend.sleutel, str(exc))
            if wacht is None:
                raise
            await asyncio.sleep(wacht)
            continue
        except MeldingGeweigerd as exc:
            opslag.geweigerd(wachtend.sleutel, str(exc))
            raise
        opslag.afgeleverd(wachtend.sleutel, antwoord)
        return antwoord
    raise AssertionError("unreachable: the last attempt returns or raises")


async def _met_gemeente(client: SocialeKaartClient, body: dict[str, Any]) -> dict[str, Any]:
    """The body with its gemeente. It is missing when the sociale kaart was down while the
    resident named the place; it is looked up now."""
    if body.get("gemeente_code"):
        return body
    found = await client.resolve(str(body.get("woonplaats") or ""))
    if not found:
        raise MeldingGeweigerd(404, "Deze plaats is niet bekend.")
    return {**body, "gemeente_code": found["gemeente"]["code"]}


async def bezorg_wachtende(opslag: MeldingOpslag, client: SocialeKaartClient) -> int:
    """Deliver every melding whose next attempt is due; returns how many arrived."""
    opslag.opruimen()
    bezorgd = 0
    for wachtend in opslag.te_bezorgen():
        try:
            await bezorg(opslag, client, wachtend)
        except SocialeKaartOnbereikbaar:
            logger.warning("sociale kaart still unreachable; %d melding(en) wait in the outbox",
                           len(opslag.te_bezorgen()) + 1)
            break
        except MeldingGeweigerd as exc:
            logger.error("a melding from the outbox was refused: %s", exc)
            continue
        bezorgd += 1
        logger.info("a melding from the outbox was delivered")
    return bezorgd


_bezorger: threading.Thread | None = None
_bezorger_lock = threading.Lock()


def start_bezorger() -> None:
    """Start the background delivery once per process (a daemon: it stops with the server)."""
    global _bezorger
    with _bezorger_lock:
        if _bezorger is not None and _bezorger.is_alive():
            return
        _bezorger = threading.Thread(target=_bezorg_altijd, name="melding-outbox", daemon=True)
        _bezorger.start()


def _bezorg_altijd() -> None:
    opslag = MeldingOpslag.from_env()
    while True:
        try:
            asyncio.run(bezorg_wachtende(opslag, SocialeKaartClient.from_env()))
        except Exception:  # the thread must survive anything, or the outbox is never emptied
            logger.exception("delivering the melding outbox failed")
        time.sleep(INTERVAL_SECONDEN)
