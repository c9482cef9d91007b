"""Starts the real stack (sociale kaart, action server, Rasa with the trained model) once per
test session, on free ports and with its own databases."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from stack import Stack, free_port  # noqa: E402

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, fetch_axe  # noqa: E402
from tests.postgres_server import PostgresNotAvailable, PostgresServer  # noqa: E402


def _required(name: str) -> Path:
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run these tests with 'make test-e2e'", returncode=2)
    return Path(value)


def nieuwe_stack(var_dir: Path, **topology) -> Stack:
    """The real stack with the environments and model `make test-e2e` names, on free ports."""
    return Stack(
        bot_python=_required("WMO_BOT_PYTHON"),
        actions_python=_required("WMO_ACTIONS_PYTHON"),
        sk_python=_required("WMO_SK_PYTHON"),
        model=_required("WMO_MODEL"),
        var_dir=var_dir,
        sk_port=free_port(),
        actions_port=free_port(),
        rasa_port=free_port(),
        auth_token=uuid.uuid4().hex,
        **topology,
    )


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    with nieuwe_stack(tmp_path_factory.mktemp("var")) as stack:
        yield stack


@contextlib.contextmanager
def postgres_met(*databases: str) -> Iterator[PostgresServer]:
    """A throw-away PostgreSQL server with these databases; a test fails when there is none."""
    try:
        postgres = PostgresServer()
        postgres.start()
    except PostgresNotAvailable as exc:
        pytest.fail(str(exc))
    try:
        for database in databases:
            postgres.create_database(database)
        yield postgres
    finally:
        postgres.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    try:
        return fetch_axe()
    except RuntimeError as exc:
        pytest.fail(str(exc))


class Conversation:
    """One resident talking to the bot through the REST channel."""

    def __init__(self, rasa_url: str):
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:12]}"

    def messages(self, text: str) -> list[dict]:
        """The bot's answers as Rasa sends them: text, and buttons where there are any."""
        response = httpx.post(self.url, json={"sender": self.sender, "message": text}, timeout=60)
        response.raise_for_status()
        return list(response.json())

    def say(self, text: str) -> str:
        return "\n".join(m.get("text", "") for m in self.messages(text))


@pytest.fixture
def conversation(stack) -> Conversation:
    return Conversation(stack.rasa_url)


def melding_voor_mijzelf(conversation: Conversation, wie: str) -> tuple[str, str]:
    """The melding from its first question to "Ja, versturen", for oneself, by phone,
    with every answer checked on the way; returns the overview and the confirmation."""
    assert "Wat is uw naam?" in conversation.say("Voor mijzelf")
    assert "Hoe kan de gemeente u bereiken?" in conversation.say(wie)
    return vanaf_contact(conversation, wie)


def vanaf_contact(conversation: Conversation, wie: str) -> tuple[str, str]:
    """The melding for oneself from the contact question to "Ja, versturen", with the place
    and the question known from the conversation; returns the overview and the confirmation."""
    # The place is known from the conversation: the next question is the summary.
    voorstel = conversation.say("06-12345678")
    assert "heupoperatie" in voorstel and "Klopt dat?" in voorstel
    assert "Wanneer kan de gemeente u het beste bellen?" in conversation.say("Ja, dat klopt")
    assert "cliëntondersteuner" in conversation.say("In de ochtend")
    assert "mantelzorger" in conversation.say("Ja")
    overzicht = conversation.say("Nee")
    assert "06 12345678" in overzicht and "Drachten" in overzicht and wie in overzicht
    assert "Smallingerland" in conversation.say("Ja, alles klopt")
    return overzicht, conversation.say("Ja, versturen")


def start_melding(conversation: Conversation) -> str:
    """A question, the place, and the "Melding doen" button: the melding's first question."""
    conversation.say("Ik kan mijn huis niet meer zelf schoonhouden sinds mijn heupoperatie")
    antwoord = conversation.say("Drachten")
    assert "melding doen" in antwoord.lower()
    return conversation.say("/melding_doen")


class PollingSocket:
    """A socket.io client over HTTP long-polling (Engine.IO 4), enough to send and receive
    messages. `headers` are sent with every request, e.g. the Origin of a page."""

    def __init__(self, base_url: str, headers: dict[str, str] | None = None):
        self.url = f"{base_url}/socket.io/"
        self.http = httpx.Client(timeout=40, headers=headers)
        open_packet = self._get({"EIO": "4", "transport": "polling"})[0]
        assert open_packet.startswith("0"), open_packet
        self.sid = json.loads(open_packet[1:])["sid"]
        self._post("40")
        # "40" when the server accepts the connection, "44" with an error when it refuses.
        self.verbonden = any(p.startswith("40") for p in self._poll())

    def _get(self, params: dict[str, str]) -> list[str]:
        response = self.http.get(self.url, params=params)
        response.raise_for_status()
        return response.text.split("\x1e")

    def post(self, packet: str | bytes) -> httpx.Response:
        """A raw Engine.IO packet; the response as it is, also when it is an error."""
        return self.http.post(self.url, params={"EIO": "4", "transport": "polling",
                                                "sid": self.sid}, content=packet)

    def _post(self, packet: str) -> None:
        self.post(packet).raise_for_status()

    def _poll(self) -> list[str]:
        return self._get({"EIO": "4", "transport": "polling", "sid": self.sid})

    def emit(self, event: str, data: object) -> None:
        self._post("42" + json.dumps([event, data]))

    def events(self, name: str, rondes: int = 2) -> list:
        """Wait for the next packets, `rondes` polls at most; the data of each `name` event."""
        found = []
        for _ in range(rondes):
            for packet in self._poll():
                if packet == "2":  # ping
                    self._post("3")
                elif packet.startswith("42"):
                    event, *data = json.loads(packet[2:])
                    if event == name:
                        found += data
            if found:
                return found
        return found
