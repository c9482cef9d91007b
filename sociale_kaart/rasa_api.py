"""The few calls the KCC console makes to Rasa's HTTP API (rasa run --enable-api).

Rasa keeps the conversation: sociale kaart reads the transcript from its tracker, adds the
medewerker's messages and the resume as events, and asks it to send a response. Every call
carries the API token as `?token=`. Whatever goes wrong on the way (no connection, a timeout,
an error answer) becomes one exception, RasaFout, so a route has one thing to catch.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from urllib.parse import quote

import httpx

__all__ = ["RasaApi", "RasaFout", "transcript"]

logger = logging.getLogger(__name__)

# Rasa runs the response through the action server; a slow one still answers within this.
TIMEOUT_SECONDEN = 10.0
# The resident's widget listens on the socket.io channel; that is where replies must go.
WIDGET_KANAAL = "socketio"


class RasaFout(Exception):
    """Rasa did not answer, or answered with an error."""


class RasaApi:
    def __init__(self, url: str, token: str,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(base_url=url.rstrip("/"), timeout=TIMEOUT_SECONDEN,
                                    transport=transport)
        self._token = token

    def _vraag(self, methode: str, gesprek_id: str, pad: str, *,
               json: Any = None, **params: str) -> Any:
        # The sender id is a path segment: a "/" or "?" in it must not change the address.
        adres = f"/conversations/{quote(gesprek_id, safe='')}{pad}"
        try:
            antwoord = self._client.request(methode, adres, json=json,
                                            params={"token": self._token, **params})
        except httpx.HTTPError as exc:
            logger.warning("Rasa unreachable (%s %s): %s", methode, pad, type(exc).__name__)
            raise RasaFout(f"Rasa unreachable: {type(exc).__name__}") from exc
        if antwoord.is_error:
            # The body may hold the conversation; log only the status and the kind of error.
            soort = _fout_soort(antwoord)
            logger.warning("Rasa answered %s %s with %s %s", methode, pad,
                           antwoord.status_code, soort)
            raise RasaFout(f"Rasa answered {antwoord.status_code} {soort}")
        try:
            return antwoord.json()
        except ValueError as exc:
            raise RasaFout("Rasa answered with something that is not JSON") from exc

    def tracker(self, gesprek_id: str) -> dict[str, Any]:
        """The conversation as Rasa keeps it (the current session and the ones before)."""
        tracker = self._vraag("GET", gesprek_id, "/tracker")
        if not isinstance(tracker, dict):
            raise RasaFout("Rasa's tracker is not a JSON object")
        return tracker

    def voeg_toe(self, gesprek_id: str, events: list[dict[str, Any]], *,
                 naar_widget: bool = False) -> None:
        """Append events. With `naar_widget`, a bot event is also sent to the resident."""
        params = ({"output_channel": WIDGET_KANAAL, "execute_side_effects": "true"}
                  if naar_widget else {})
        self._vraag("POST", gesprek_id, "/tracker/events", json=events, **params)

    def voer_uit(self, gesprek_id: str, actie: str) -> None:
        """Run a response or action in the conversation; its messages go to the widget."""
        self._vraag("POST", gesprek_id, "/execute", json={"name": actie},
                    output_channel=WIDGET_KANAAL)


def _fout_soort(antwoord: httpx.Response) -> str:
    try:
        body = antwoord.json()
    except ValueError:
        return ""
    return str(body.get("reason", ""))[:50] if isinstance(body, dict) else ""


# Lines in the transcript for the events that pause and resume the bot.
GEPAUZEERD = "De wegwijzer is gestopt. Een medewerker neemt het gesprek over."
HERVAT = "De wegwijzer praat weer mee."


def _tijd(event: dict[str, Any]) -> dt.datetime | None:
    stempel = event.get("timestamp")
    if not isinstance(stempel, (int, float)):
        return None
    return dt.datetime.fromtimestamp(stempel, dt.timezone.utc)


def _knoppen(event: dict[str, Any]) -> list[dict[str, Any]]:
    knoppen = (event.get("data") or {}).get("buttons") or []
    return [k for k in knoppen if isinstance(k, dict)]


def huidige_sessie(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events after the last `session_started`: the conversation the resident is in."""
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "session_started":
            return events[index + 1:]
    return events


def transcript(tracker: dict[str, Any]) -> list[dict[str, Any]]:
    """The current session as lines for the medewerker: who said what, and when.

    A button the resident pressed arrives as its payload ("/melding_doen"); it is shown as the
    button's title when the bot offered that button, and left out otherwise.
    """
    regels: list[dict[str, Any]] = []
    knop_titels: dict[str, str] = {}
    for event in huidige_sessie([e for e in tracker.get("events") or [] if isinstance(e, dict)]):
        soort, tekst, tijd = event.get("event"), event.get("text"), _tijd(event)
        if soort == "bot":
            knoppen = _knoppen(event)
            knop_titels.update({str(k.get("payload")): str(k.get("title")) for k in knoppen})
            if not tekst and not knoppen:
                continue
            medewerker = (event.get("metadata") or {}).get("medewerker")
            regel: dict[str, Any] = {"wie": "medewerker" if medewerker else "bot",
                                     "tekst": tekst or "", "tijd": tijd,
                                     "knoppen": [str(k.get("title")) for k in knoppen]}
            if medewerker:
                regel["naam"] = str(medewerker)
            regels.append(regel)
        elif soort == "user" and isinstance(tekst, str) and tekst:
            if tekst.startswith("/"):
                if tekst not in knop_titels:
                    continue
                tekst = knop_titels[tekst]
            regels.append({"wie": "inwoner", "tekst": tekst, "tijd": tijd})
        elif soort in ("pause", "resume"):
            regels.append({"wie": "systeem", "tekst": GEPAUZEERD if soort == "pause" else HERVAT,
                           "tijd": tijd})
    return regels
