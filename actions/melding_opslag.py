"""The action server's own small database (SQLite) for meldingen.

Two tables:
- `concept`: the phone number and e-mail address of a melding that is being filled in, and
  its idempotency key. They are kept here and not in a slot, because Rasa stores every slot
  with the conversation, and the conversation must not hold contact details.
- `outbox`: a melding the resident agreed to send, until the sociale kaart has it. It is
  written before the first attempt, so a melding survives an outage and a restart.

A delivered melding keeps only its answer (number, dates, team), not the personal details.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["MeldingOpslag", "Wachtend"]

DEFAULT_PAD = "var/melding-outbox.db"
CONCEPT_BEWAAR = dt.timedelta(hours=24)
AFGEHANDELD_BEWAAR = dt.timedelta(days=7)
MAX_WACHTTIJD_SECONDEN = 60

_SCHEMA = """
CREATE TABLE IF NOT EXISTS concept (
    gesprek TEXT PRIMARY KEY,
    sleutel TEXT NOT NULL,
    telefoon TEXT,
    email TEXT,
    bijgewerkt TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    sleutel TEXT PRIMARY KEY,
    body TEXT,
    aangemaakt TEXT NOT NULL,
    pogingen INTEGER NOT NULL DEFAULT 0,
    volgende_poging TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'wacht',
    antwoord TEXT,
    fout TEXT
);
"""


def nu() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def wachttijd(pogingen: int) -> dt.timedelta:
    """2, 4, 8 ... seconds after each failed attempt, never more than a minute."""
    return dt.timedelta(seconds=min(MAX_WACHTTIJD_SECONDEN, 2 ** max(1, pogingen)))


@dataclass(frozen=True)
class Wachtend:
    sleutel: str
    body: dict[str, Any]
    pogingen: int


# Files whose tables exist already: every answer in the melding form opens the store, and the
# schema and journal mode only need setting once per file and process.
_KLAAR: set[Path] = set()


class MeldingOpslag:
    def __init__(self, pad: Path):
        self.pad = pad
        if pad in _KLAAR and pad.exists():
            return
        pad.parent.mkdir(parents=True, exist_ok=True)
        with self._verbinding() as db:
            db.execute("PRAGMA journal_mode=WAL")  # stays set in the file
            db.executescript(_SCHEMA)
        _KLAAR.add(pad)

    @classmethod
    def from_env(cls) -> MeldingOpslag:
        return cls(Path(os.environ.get("MELDING_OUTBOX") or DEFAULT_PAD))

    @contextlib.contextmanager
    def _verbinding(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.pad, timeout=10)
        try:
            with db:  # one transaction: committed on success, rolled back on an error
                yield db
        finally:
            db.close()

    # --- concept: the melding being filled in ---

    def concept_sleutel(self, gesprek: str) -> str:
        """The idempotency key of this conversation's melding; made on first use."""
        with self._verbinding() as db:
            db.execute("INSERT OR IGNORE INTO concept (gesprek, sleutel, bijgewerkt) "
                       "VALUES (?, ?, ?)", (gesprek, str(uuid.uuid4()), nu().isoformat()))
            return str(db.execute("SELECT sleutel FROM concept WHERE gesprek = ?",
                                  (gesprek,)).fetchone()[0])

    def zet_contact(self, gesprek: str, telefoon: str | None, email: str | None) -> None:
        self.concept_sleutel(gesprek)
        with self._verbinding() as db:
            db.execute("UPDATE concept SET telefoon = ?, email = ?, bijgewerkt = ? "
                       "WHERE gesprek = ?", (telefoon, email, nu().isoformat(), gesprek))

    def contact(self, gesprek: str) -> tuple[str | None, str | None]:
        with self._verbinding() as db:
            rij = db.execute("SELECT telefoon, email FROM concept WHERE gesprek = ?",
                             (gesprek,)).fetchone()
        return (rij[0], rij[1]) if rij else (None, None)

    def vergeet_concept(self, gesprek: str) -> None:
        with self._verbinding() as db:
            db.execute("DELETE FROM concept WHERE gesprek = ?", (gesprek,))

    # --- outbox: meldingen on their way to the sociale kaart ---

    def zet_klaar(self, sleutel: str, body: dict[str, Any]) -> None:
        """Keep the melding until it is delivered. The same key twice is one melding."""
        with self._verbinding() as db:
            db.execute("INSERT OR IGNORE INTO outbox (sleutel, body, aangemaakt, volgende_poging) "
                       "VALUES (?, ?, ?, ?)",
                       (sleutel, json.dumps(body), nu().isoformat(), nu().isoformat()))

    def te_bezorgen(self, moment: dt.datetime | None = None) -> list[Wachtend]:
        with self._verbinding() as db:
            rijen = db.execute(
                "SELECT sleutel, body, pogingen FROM outbox WHERE status = 'wacht' "
                "AND volgende_poging <= ? ORDER BY aangemaakt",
                ((moment or nu()).isoformat(),)).fetchall()
        return [Wachtend(sleutel, json.loads(body), pogingen) for sleutel, body, pogingen in rijen]

    def wachtend(self, sleutel: str) -> Wachtend | None:
        with self._verbinding() as db:
            rij = db.execute("SELECT body, pogingen FROM outbox WHERE sleutel = ? "
                             "AND status = 'wacht'", (sleutel,)).fetchone()
        return Wachtend(sleutel, json.loads(rij[0]), rij[1]) if rij else None

    def afgeleverd(self, sleutel: str, antwoord: dict[str, Any]) -> None:
        """Delivered: the personal details go; the answer stays a week for a late retry."""
        with self._verbinding() as db:
            db.execute("UPDATE outbox SET status = 'afgeleverd', body = NULL, antwoord = ?, "
                       "fout = NULL WHERE sleutel = ?", (json.dumps(antwoord), sleutel))

    def mislukt(self, sleutel: str, fout: str) -> None:
        with self._verbinding() as db:
            pogingen = db.execute("SELECT pogingen FROM outbox WHERE sleutel = ?",
                                  (sleutel,)).fetchone()[0] + 1
            db.execute("UPDATE outbox SET pogingen = ?, volgende_poging = ?, fout = ? "
                       "WHERE sleutel = ?",
                       (pogingen, (nu() + wachttijd(pogingen)).isoformat(), fout[:500], sleutel))

    def geweigerd(self, sleutel: str, fout: str) -> None:
        """The sociale kaart refused it (a 4xx): trying again would not help."""
        with self._verbinding() as db:
            db.execute("UPDATE outbox SET status = 'geweigerd', body = NULL, fout = ? "
                       "WHERE sleutel = ?", (fout[:500], sleutel))

    def antwoord(self, sleutel: str) -> dict[str, Any] | None:
        with self._verbinding() as db:
            rij = db.execute("SELECT antwoord FROM outbox WHERE sleutel = ? "
                             "AND status = 'afgeleverd'", (sleutel,)).fetchone()
        return json.loads(rij[0]) if rij else None

    def opruimen(self, moment: dt.datetime | None = None) -> None:
        """Forget concepts nobody finished within a day, and handled meldingen after a week.
        A melding still waiting is never removed."""
        moment = moment or nu()
        with self._verbinding() as db:
            db.execute("DELETE FROM concept WHERE bijgewerkt < ?",
                       ((moment - CONCEPT_BEWAAR).isoformat(),))
            db.execute("DELETE FROM outbox WHERE status != 'wacht' AND aangemaakt < ?",
                       ((moment - AFGEHANDELD_BEWAAR).isoformat(),))
