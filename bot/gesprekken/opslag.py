"""Rasa's SQL tracker store, without identifiers and without old conversations.

endpoints.yml and endpoints.production.yml name `gesprekken.opslag.RedigerendeSQLTrackerStore`
as the tracker store `type`; every other setting there (dialect, url, db, username, ...) is
that of Rasa's SQLTrackerStore.

- Before an event is written, `redigeer` replaces BSN-like numbers, IBANs, phone numbers and
  e-mail addresses in its texts: user and bot messages, entities, string slot values. It works
  on a copy, so the tracker of the running turn (the one the action server gets) keeps what
  the resident typed.
- Conversations whose last event is older than GESPREKKEN_BEWAAR_DAGEN days (default 30) are
  removed when the store starts, and then at most once an hour when a conversation is saved.
  `python -m gesprekken.opruimen` does the same, for cron.
"""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from gesprekken import storing, versnelling

try:
    from gesprekken.redactie import installeer_logfilter, redigeer
except ImportError as exc:  # Rasa would quietly fall back to a tracker store in memory
    raise RuntimeError(
        "bot/gesprekken/redactie.py must lead to actions/redactie.py: it is a symlink, and the "
        "Docker image needs `COPY actions/redactie.py /app/actions/redactie.py`") from exc

__all__ = ["RedigerendeSQLTrackerStore", "bewaar_dagen", "redigeer_gebeurtenis"]

logger = logging.getLogger(__name__)

BEWAAR_DAGEN_STANDAARD = 30
OPRUIMEN_ELKE_SECONDEN = 3600

# Keys whose values Rasa or the channel made (names of events, actions, slots, intents and
# entities; ids), not the resident: left as they are.
_NAMEN = frozenset({"event", "name", "message_id", "input_channel", "policy", "entity",
                    "extractor"})

# Rasa sets up its log handlers (coloredlogs on the root logger, Sanic's own) before it creates
# the tracker store, which is when it imports this module. The tracker store is the only code
# of ours that Rasa loads in the server process without being part of the trained model, so the
# log filter, the speed-ups (gesprekken/versnelling.py) and the answer when the action server
# is down (gesprekken/storing.py) are installed here.
installeer_logfilter()
versnelling.installeer()
storing.installeer()


def bewaar_dagen() -> int:
    """GESPREKKEN_BEWAAR_DAGEN: whole days of 1 or more, 30 when unset; ValueError otherwise."""
    ruw = os.environ.get("GESPREKKEN_BEWAAR_DAGEN", "").strip()
    if not ruw:
        return BEWAAR_DAGEN_STANDAARD
    if not ruw.isdecimal() or int(ruw) < 1:
        raise ValueError(f"GESPREKKEN_BEWAAR_DAGEN={ruw!r}: use a whole number of days, 1 or "
                         f"more (default {BEWAAR_DAGEN_STANDAARD})")
    return int(ruw)


def redigeer_gebeurtenis(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a serialised event with identifiers redacted; `data` itself is not changed.

    A slot value is redacted too, so a later turn (Rasa reads the tracker back from here at
    every message) sees the marker: contact details a form needs later must be kept elsewhere,
    as the melding form does (actions/melding_opslag.py)."""
    return _redigeer(data, None)


def _redigeer(waarde: Any, sleutel: str | None) -> Any:
    if isinstance(waarde, str):
        return waarde if sleutel in _NAMEN else redigeer(waarde)
    if isinstance(waarde, dict):
        return {k: _redigeer(v, k) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_redigeer(v, sleutel) for v in waarde]
    return waarde


def _secure_delete(dbapi_connection: Any, _connection_record: Any) -> None:
    """SQLite overwrites what it deletes, so a removed conversation does not stay in the file."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


class RedigerendeSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that stores events redacted and removes old conversations."""

    def __init__(self, *args: Any, ruim_op_bij_start: bool = True, **kwargs: Any) -> None:
        self.bewaar_dagen = bewaar_dagen()  # a wrong setting stops Rasa before it connects
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _secure_delete)
            self.engine.dispose()  # connections opened so far lack the pragma
        self._volgende_opruiming = 0.0
        if ruim_op_bij_start:
            self.ruim_op()

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's SQLTrackerStore.save (3.6.21), with each event redacted before it is written."""
        await self.stream_events(tracker)

        with self.session_scope() as session:
            rijen = []
            for event in self._additional_events(session, tracker):
                data = redigeer_gebeurtenis(event.as_dict())
                rijen.append({
                    "sender_id": tracker.sender_id,
                    "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": data.get("parse_data", {}).get("intent", {}).get(
                        INTENT_NAME_KEY),
                    "action_name": data.get("name"),
                    "data": json.dumps(data),
                })
            # One INSERT for all events of the turn, in their order (ids ascend with it),
            # instead of one ORM object and statement per event.
            if rijen:
                session.execute(self.SQLEvent.__table__.insert(), rijen)
            session.commit()

        if time.monotonic() >= self._volgende_opruiming:
            try:
                self.ruim_op()
            except sa.exc.SQLAlchemyError:
                logger.exception("Could not remove old conversations; trying again in an hour")

    def ruim_op(self) -> int:
        """Remove every conversation whose last event is older than `bewaar_dagen` days;
        returns how many conversations were removed."""
        self._volgende_opruiming = time.monotonic() + OPRUIMEN_ELKE_SECONDEN
        grens = time.time() - self.bewaar_dagen * 24 * 3600
        with self.session_scope() as session:
            oud = [sender_id for (sender_id,) in session.query(self.SQLEvent.sender_id)
                   .group_by(self.SQLEvent.sender_id)
                   .having(sa.func.max(self.SQLEvent.timestamp) < grens)]
            for begin in range(0, len(oud), 500):  # SQLite takes a limited number of parameters
                session.query(self.SQLEvent).filter(
                    self.SQLEvent.sender_id.in_(oud[begin:begin + 500])
                ).delete(synchronize_session=False)
            session.commit()
        if oud:
            logger.info("Removed %d conversations whose last event is older than %d days "
                        "(GESPREKKEN_BEWAAR_DAGEN)", len(oud), self.bewaar_dagen)
        return len(oud)
