"""Starts the real stack (sociale kaart, action server, Rasa with the trained model) once per
test session, on free ports and with its own databases."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from stack import Stack, free_port  # noqa: E402

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, fetch_axe  # noqa: E402


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
        response = httpx.post(self.url, json={"sender": self.sender, "message": text}, timeout=30)
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
