"""Privacy against the real stack: the conversations Rasa stores and the logs of the services
hold no BSN, phone number or e-mail address, and old conversations are removed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx
import pytest

from .conftest import ROOT, Conversation

BSN = "123456782"
MOBIEL = "06 87654321"
VAST = "0512-246813"
EMAIL = "wmo.privacytest@voorbeeld.nl"
MARKERS = ("[BSN weggehaald]", "[telefoonnummer weggehaald]", "[e-mailadres weggehaald]")


def _sporen() -> set[str]:
    """Every form in which the identifiers could be written down: as typed, URL-encoded (a
    logged request) and, for numbers, as bare digits."""
    sporen = set()
    for waarde in (BSN, MOBIEL, VAST, EMAIL):
        sporen |= {waarde, quote(waarde), quote_plus(waarde)}
        if any(c.isdigit() for c in waarde):
            sporen.add("".join(c for c in waarde if c.isdigit()))
    return sporen


SPOREN = _sporen()


def _gevonden(text: str) -> list[str]:
    return sorted(spoor for spoor in SPOREN if spoor in text)


def _events(database: Path, sender: str | None = None) -> list[str]:
    where, params = ("WHERE sender_id = ?", (sender,)) if sender else ("", ())
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(f"SELECT data FROM events {where}", params).fetchall()
    finally:
        connection.close()
    return [data for (data,) in rows]


@pytest.fixture(scope="module")
def gesprek(stack):
    """One conversation in which the resident gives a BSN, phone numbers and an e-mail address:
    in the one-line summary for a person (a slot), in a question, and in the answer to "where
    do you live" (the action server looks that whole text up in the sociale kaart)."""
    conversation = Conversation(stack.rasa_url)
    conversation.say("/nlu_fallback")
    assert "in één zin" in conversation.say("/nlu_fallback")
    noted = conversation.say(f"Hulp voor mijn moeder, bel {MOBIEL} of mail {EMAIL}")
    assert "Hulp voor mijn moeder" in noted
    assert not _gevonden(noted)
    conversation.say(f"Mijn bsn is {BSN}, bel me op {MOBIEL} of mail {EMAIL}")
    assert "In welke plaats" in conversation.say("Ik kan mijn huis niet meer schoonhouden")
    assert "Smallingerland" in conversation.say(f"9201 AB, bel me gerust op {VAST}")
    return conversation


def test_stored_conversation_holds_markers_instead_of_identifiers(stack, gesprek):
    events = _events(stack.var_dir / "tracker.db", gesprek.sender)
    assert events, "the conversation was not stored in the SQL tracker store"
    stored = "\n".join(events)
    assert not _gevonden(stored)
    for marker in MARKERS:
        assert marker in stored
    samenvatting = [json.loads(e) for e in events if '"name": "samenvatting"' in e]
    assert any("Hulp voor mijn moeder" in str(e.get("value")) for e in samenvatting)


def test_tracker_database_file_holds_no_identifiers(stack, gesprek):
    # The file itself, so no copy in a free page or another table goes unseen.
    raw = (stack.var_dir / "tracker.db").read_bytes().decode("latin-1")
    assert not _gevonden(raw)


def test_transcript_for_staff_holds_no_identifiers(stack, gesprek):
    # What the KCC console reads: Rasa's HTTP API, which reads the tracker store.
    response = httpx.get(f"{stack.rasa_url}/conversations/{gesprek.sender}/tracker",
                         params={"token": stack.auth_token}, timeout=30)
    response.raise_for_status()
    assert "Hulp voor mijn moeder" in response.text
    assert not _gevonden(response.text)


def test_logs_of_every_service_hold_no_identifiers(stack, gesprek):
    logs = {path.name: path.read_text(errors="replace")
            for path in sorted((stack.var_dir / "log").glob("*.log"))}
    assert {"rasa.log", "actions.log", "sociale_kaart.log"} <= logs.keys()
    for name, text in logs.items():
        assert not _gevonden(text), name


# In the Rasa process: logging set up as `rasa run` does, then the tracker store module loaded
# as Rasa loads it. A record of Rasa and one of structlog must come out redacted, and saving a
# conversation must leave the tracker in memory (the one the action server gets) as it was.
IN_RASA = """
import asyncio, json, logging, sys
import structlog
import rasa.utils.io
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog

configure_logging_and_warnings(None, None, warn_only_once=True, filter_repeated_logs=True)
rasa.utils.io.configure_colored_logging(None)
configure_structlog(None)

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.utils.endpoints import read_endpoint_config

domain = Domain.from_dict({"slots": {"samenvatting": {
    "type": "text", "mappings": [{"type": "custom"}]}}})
store = TrackerStore.create(read_endpoint_config("endpoints.yml", "tracker_store"), domain)

text = sys.argv[1]
logging.getLogger("rasa.core.processor").info("Received user message '%s'", text)
structlog.get_logger().info("processor.message", user_text=text)

async def main():
    tracker = await store.get_or_create_tracker("in-rasa")
    tracker.update(UserUttered(text, {"name": "vraag", "confidence": 1.0}))
    tracker.update(SlotSet("samenvatting", text))
    tracker.update(BotUttered(f"U schreef: {text}"))
    await store.save(tracker)
    print(json.dumps({"store": type(store).__name__, "latest": tracker.latest_message.text,
                      "slot": tracker.get_slot("samenvatting")}))

asyncio.run(main())
"""


def _bot_env(stack, database: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key != "GESPREKKEN_BEWAAR_DAGEN"}
    return {**env, "TRACKER_DB": str(database), "ACTION_ENDPOINT_URL": "http://127.0.0.1:1",
            "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            **extra}


def test_rasa_process_logs_redacted_and_keeps_the_running_turn_intact(stack, tmp_path):
    database = tmp_path / "tracker.db"
    text = f"bsn {BSN}, bel {MOBIEL} of {VAST}, mail {EMAIL}"
    run = subprocess.run([str(stack.bot_python), "-c", IN_RASA, text], cwd=ROOT / "bot",
                         env=_bot_env(stack, database), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result == {"store": "RedigerendeSQLTrackerStore", "latest": text, "slot": text}

    output = "\n".join(run.stdout.splitlines()[:-1]) + run.stderr
    assert "Received user message" in output and "processor.message" in output
    assert not _gevonden(output)
    stored = "\n".join(_events(database))
    assert not _gevonden(stored)
    assert all(marker in stored for marker in MARKERS)


DAG = 24 * 3600


def _voeg_gesprek_toe(database: Path, sender: str, *leeftijden_in_dagen: float) -> None:
    """A stored conversation with one user message per age (in days)."""
    connection = sqlite3.connect(database)
    try:
        with connection:
            for dagen in leeftijden_in_dagen:
                timestamp = time.time() - dagen * DAG
                data = {"event": "user", "timestamp": timestamp,
                        "text": f"geheim-{sender} van {dagen} dagen geleden"}
                connection.execute(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) "
                    "VALUES (?, 'user', ?, ?)", (sender, timestamp, json.dumps(data)))
    finally:
        connection.close()


def _senders(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        return {s for (s,) in connection.execute("SELECT DISTINCT sender_id FROM events")}
    finally:
        connection.close()


def _opruimen(stack, database: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(stack.bot_python), "-m", "gesprekken.opruimen"],
                          cwd=ROOT / "bot", env=_bot_env(stack, database, **extra),
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def kopie(stack, gesprek, tmp_path) -> Path:
    """A copy of the stack's tracker database, with two old conversations added."""
    database = tmp_path / "tracker.db"
    source = sqlite3.connect(stack.var_dir / "tracker.db")
    target = sqlite3.connect(database)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    _voeg_gesprek_toe(database, "oud", 45, 40)  # last message 40 days ago
    _voeg_gesprek_toe(database, "teruggekomen", 45, 10)  # started long ago, last 10 days ago
    return database


def test_retention_default_removes_conversations_older_than_30_days(stack, gesprek, kopie):
    before = _senders(kopie)
    run = _opruimen(stack, kopie)
    assert run.returncode == 0, run.stderr
    assert "1 gesprekken verwijderd" in run.stdout
    assert _senders(kopie) == before - {"oud"}
    assert gesprek.sender in _senders(kopie)
    # Removed for good: SQLite overwrites what it deletes.
    assert b"geheim-oud" not in kopie.read_bytes()


def test_retention_of_one_day_keeps_only_recent_conversations(stack, gesprek, kopie):
    run = _opruimen(stack, kopie, GESPREKKEN_BEWAAR_DAGEN="1")
    assert run.returncode == 0, run.stderr
    assert "2 gesprekken verwijderd" in run.stdout
    remaining = _senders(kopie)
    assert not {"oud", "teruggekomen"} & remaining
    assert gesprek.sender in remaining


@pytest.mark.parametrize("value", ["0", "-3", "1.5", "dertig"])
def test_retention_refuses_a_setting_that_is_not_a_whole_number_of_days(stack, kopie, value):
    before = _senders(kopie)
    run = _opruimen(stack, kopie, GESPREKKEN_BEWAAR_DAGEN=value)
    assert run.returncode == 2
    assert f"GESPREKKEN_BEWAAR_DAGEN={value!r}" in run.stderr
    assert "whole number" in run.stderr
    assert _senders(kopie) == before
