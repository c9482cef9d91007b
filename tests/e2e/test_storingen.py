"""Faults, tried on the real stack: the action server down or answering with errors, Rasa
restarted in the middle of a melding, and the sociale kaart's PostgreSQL killed while it
writes a melding.

The sociale kaart down (test_conversation.py) and the melding outbox delivered after an outage
(test_melding.py) are tried elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session
from stack import Stack

from sociale_kaart.models import Melding
from sociale_kaart.models.tijd import lokale_datum, utc_now
from tests.e2e.conftest import (
    nieuwe_stack,
    postgres_met,
    start_melding,
    vanaf_contact,
)
from tests.e2e.test_melding import Team, naam, tot_de_toestemming
from tests.postgres_server import PostgresServer

STORING = {"nl": "Er gaat bij ons iets mis", "fy": "Der giet by ús wat mis"}
TELEFOON = {"nl": "14 met daarachter het netnummer", "fy": "14 mei dêrefter it netnûmer"}
WACHT_OP_BEZORGING_SECONDEN = 150


@pytest.fixture(scope="module")
def team(stack) -> Team:
    return Team(stack)


@contextlib.contextmanager
def zonder_actieserver(stack) -> Iterator[None]:
    stack.services["actions"].stop()
    try:
        yield
    finally:
        stack.restart("actions")


# --- the action server down ---------------------------------------------------------------

@pytest.mark.parametrize("taal, vraag, plaats, welke_plaats, gemeente", [
    ("nl", "Ik kan mijn huis niet meer schoonhouden", "Drachten", "In welke plaats woont u?",
     "Smallingerland"),
    ("fy", "Ik kin myn hûs net mear skjin hâlde", "Snits", "Yn hokker plak wenje jo?",
     "Súdwest-Fryslân"),
])
def test_without_the_action_server_the_bot_says_so_and_gives_the_phone_route(
        stack, conversation, taal, vraag, plaats, welke_plaats, gemeente):
    with zonder_actieserver(stack):
        eerst = conversation.say(vraag)
        assert STORING[taal] in eerst and TELEFOON[taal] in eerst
        daarna = conversation.say(plaats)
        assert STORING[taal] in daarna and TELEFOON[taal] in daarna
        assert daarna.count(STORING[taal]) == 1
        # The place could not be checked, so the form asks for it again.
        assert welke_plaats in daarna
    antwoord = conversation.say(plaats)
    assert gemeente in antwoord
    assert STORING[taal] not in antwoord


def test_a_melding_halfway_waits_for_the_action_server_and_then_goes_on(stack, conversation,
                                                                        team):
    wie = naam()
    start_melding(conversation)
    assert "Wat is uw naam?" in conversation.say("Voor mijzelf")
    with zonder_actieserver(stack):
        antwoord = conversation.say(wie)
        assert STORING["nl"] in antwoord and TELEFOON["nl"] in antwoord
        # The same question again, not the next one of the domain's list (which would be the
        # consent of someone else: only the action server knows to skip it).
        assert "Wat is uw naam?" in antwoord
        assert "Weet die persoon" not in antwoord
    assert "Hoe kan de gemeente u bereiken?" in conversation.say(wie)
    assert "Uw melding is verstuurd" in vanaf_contact(conversation, wie)[1]

    [melding] = team.met_naam(wie)
    assert (melding["voor_wie"], melding["naam_ander"]) == ("zelf", None)
    assert melding["telefoon"] == "0612345678"
    assert melding["woonplaats"] == "Drachten"


class StandInActieserver(BaseHTTPRequestHandler):
    """Answers every action call with the status and body the test sets on the server."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, body = self.server.antwoord  # type: ignore[attr-defined]
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args) -> None:
        pass


@pytest.mark.parametrize("status, body, storing", [
    # A crash in an action, or a proxy whose action server is gone: our fault.
    (500, {"error": "internal"}, True),
    (502, {}, True),
    # A validation that rejects the action: Rasa lets another policy choose, as before.
    (400, {"action_name": "validate_woonplaats_form", "error": "afgewezen"}, False),
])
def test_only_an_action_server_that_cannot_answer_counts_as_a_fault(stack, conversation,
                                                                    status, body, storing):
    with zonder_actieserver(stack):
        server = ThreadingHTTPServer((stack.host, stack.actions_port), StandInActieserver)
        server.antwoord = (status, body)  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            antwoord = conversation.say("Ik kan mijn huis niet meer schoonhouden")
        finally:
            server.shutdown()
            server.server_close()
    assert (STORING["nl"] in antwoord) is storing
    assert "Traceback" not in antwoord


def test_a_hanging_action_server_is_given_up_on_after_half_a_minute(stack, conversation):
    """Frozen, not gone (SIGSTOP): connections open, nothing answers. Rasa itself would wait
    five minutes; the resident hears after half a minute (gesprekken/storing.py)."""
    actieserver = stack.services["actions"].process
    assert actieserver is not None
    actieserver.send_signal(signal.SIGSTOP)
    try:
        antwoord = conversation.say("Ik kan mijn huis niet meer schoonhouden")
    finally:
        actieserver.send_signal(signal.SIGCONT)
    assert STORING["nl"] in antwoord and TELEFOON["nl"] in antwoord


# --- Rasa restarted ---------------------------------------------------------------------

def test_a_melding_goes_on_after_rasa_restarts(stack, conversation, team):
    wie = naam()
    start_melding(conversation)
    assert "Wat is uw naam?" in conversation.say("Voor mijzelf")
    assert "Hoe kan de gemeente u bereiken?" in conversation.say(wie)

    stack.restart("rasa")

    # The new process reads the conversation from the tracker store: the form asks on, and
    # the place and the question from before the melding are still known.
    assert "Uw melding is verstuurd" in vanaf_contact(conversation, wie)[1]
    [melding] = team.met_naam(wie)
    assert melding["woonplaats"] == "Drachten" and "heupoperatie" in melding["vraag"]


# --- PostgreSQL killed while the sociale kaart writes a melding -----------------------------

@pytest.fixture(scope="module")
def kaart_op_postgres(tmp_path_factory) -> Iterator[tuple[Stack, PostgresServer]]:
    """A stack of its own whose sociale kaart keeps its data in a throw-away PostgreSQL."""
    with postgres_met("sociale_kaart") as postgres:
        with pytest.MonkeyPatch.context() as omgeving:
            # Read once, when the stack is built; the services keep it in their own settings.
            omgeving.setenv("SOCIALE_KAART_DATABASE_URL", postgres.url("sociale_kaart"))
            stack = nieuwe_stack(tmp_path_factory.mktemp("var-postgres"))
            stack.start(progress=lambda _line: None)
        try:
            yield stack, postgres
        finally:
            stack.stop()


def _processen(postmaster: int) -> list[int]:
    """The postmaster and every process it started."""
    kinderen = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                kinderen.append(int(stat.parent.name))
    return [postmaster, *kinderen]


def _leeft(pid: int) -> bool:
    try:
        toestand = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return toestand != "Z"  # a zombie has stopped; it only waits to be reaped


def kill_postgres(postgres: PostgresServer) -> None:
    """SIGKILL for the whole server at once, as when the machine's memory runs out."""
    postmaster = int((postgres.data_dir / "postmaster.pid").read_text().split()[0])
    processen = _processen(postmaster)
    for pid in processen:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while any(_leeft(pid) for pid in processen):
        assert time.monotonic() < deadline, "PostgreSQL did not stop on SIGKILL"
        time.sleep(0.1)


@contextlib.contextmanager
def nummer_bezet(engine: Engine) -> Iterator[None]:
    """Holds, in an open transaction, the melding number the next melding will get.

    The sociale kaart inserts a melding and then gives it its number; with that number held,
    the second write waits, so the test knows the melding is half written."""
    with engine.connect() as verbinding:
        volgende = verbinding.execute(text(
            "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END "
            "FROM melding_id_seq")).scalar_one()
    nu = utc_now()
    with Session(engine) as session:
        session.add(Melding(
            id=10**8, nummer=f"WMO-{lokale_datum(nu).year}-{volgende:06d}",
            idempotency_key="test-nummer-bezet", gemeente_code="GM0090", voor_wie="zelf",
            naam="Test", telefoon="0600000000", woonplaats="Drachten", vraag="Test",
            clientondersteuning="nee", mantelzorger="nee", toestemming_versturen=True,
            team_naam="Test", team_telefoon="14 0512", aangemaakt_op=nu, gewijzigd_op=nu))
        session.flush()
        yield
        # Never committed: the kill ended this transaction, and its connection with it.
        session.connection().invalidate()


def wacht_tot_half_geschreven(engine: Engine) -> None:
    deadline = time.monotonic() + 60
    while True:
        with engine.connect() as verbinding:
            wachtend = verbinding.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query ILIKE 'UPDATE melding%'")).scalar_one()
        if wachtend:
            return
        assert time.monotonic() < deadline, "the melding never reached the database"
        time.sleep(0.05)


def meldingen(engine: Engine, wie: str) -> tuple[list[dict], int]:
    """The rows for `wie`, and how many rows of any melding lack their number."""
    with engine.connect() as verbinding:
        rijen = [dict(rij._mapping) for rij in verbinding.execute(
            text("SELECT * FROM melding WHERE naam = :naam"), {"naam": wie})]
        half = verbinding.execute(text(
            "SELECT count(*) FROM melding WHERE nummer IS NULL")).scalar_one()
    return rijen, half


def test_postgres_killed_during_a_melding_write_loses_nothing_and_stores_it_once(
        kaart_op_postgres):
    stack, postgres = kaart_op_postgres
    wie = naam()
    conversation = tot_de_toestemming(stack, wie, "06 55667788")
    engine = create_engine(postgres.url("sociale_kaart"), poolclass=NullPool)

    antwoord: dict[str, str] = {}
    versturen = threading.Thread(
        target=lambda: antwoord.update(tekst=conversation.say("Ja, versturen")))
    with nummer_bezet(engine):
        versturen.start()
        wacht_tot_half_geschreven(engine)
        kill_postgres(postgres)
    versturen.join(60)
    assert "Uw melding is niet kwijt" in antwoord["tekst"]
    assert "Uw melding is verstuurd" not in antwoord["tekst"]

    postgres._pg_ctl_start()  # the same data and port, after crash recovery

    deadline = time.monotonic() + WACHT_OP_BEZORGING_SECONDEN
    rijen, half = meldingen(engine, wie)
    while not rijen and time.monotonic() < deadline:
        assert half == 0, "a melding without its number: the two writes were not one"
        time.sleep(2)
        rijen, half = meldingen(engine, wie)
    time.sleep(12)  # one more round of the background delivery must not add a second one
    rijen, half = meldingen(engine, wie)
    assert half == 0
    [melding] = rijen
    assert melding["nummer"].startswith("WMO-")
    assert melding["telefoon"] == "0655667788"
    assert melding["woonplaats"] == "Drachten" and melding["gemeente_code"] == "GM0090"
    assert "heupoperatie" in melding["vraag"]
    assert melding["belmoment"] and melding["toestemming_versturen"] is True
    assert (melding["clientondersteuning"], melding["mantelzorger"]) == ("nee", "nee")
    assert melding["team_naam"] and melding["team_telefoon"]
