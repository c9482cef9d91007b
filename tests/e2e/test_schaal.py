"""Two Rasa instances behind nginx, sharing conversations (PostgreSQL) and locks (Redis): the
production topology of docker-compose.yml, on this machine (docs/scaling.md).

A conversation must carry on when its turns go to different instances, and a KCC reply that
reaches one instance must reach the resident's socket on the other.
"""

from __future__ import annotations

import uuid

import httpx
import pytest
from stack import SharedStores

from tests.e2e.conftest import (
    Conversation,
    PollingSocket,
    melding_voor_mijzelf,
    nieuwe_stack,
    postgres_met,
    start_melding,
)


@pytest.fixture(scope="module")
def schaal(tmp_path_factory):
    with postgres_met("rasa") as postgres, nieuwe_stack(
            tmp_path_factory.mktemp("var-schaal"),
            shared=SharedStores("127.0.0.1", postgres.port or 0, "postgres"),
            rasa_instances=2) as stack:
        yield stack


class Afwisselend(Conversation):
    """One resident whose turns go to the instances in turn: 1, 2, 1, 2, ..."""

    def __init__(self, urls: list[str]):
        super().__init__(urls[0])
        self.urls = [f"{url}/webhooks/rest/webhook" for url in urls]
        self.turns = 0

    def messages(self, text: str) -> list[dict]:
        self.url = self.urls[self.turns % len(self.urls)]
        self.turns += 1
        return super().messages(text)


def test_a_melding_continues_when_its_turns_alternate_between_the_instances(schaal):
    assert len(schaal.instance_urls) == 2
    gesprek = Afwisselend(schaal.instance_urls)
    assert "voor uzelf of voor iemand anders" in start_melding(gesprek)
    # The phone number is typed on instance 2; instance 1's action call shows it in the overview.
    _, bevestiging = melding_voor_mijzelf(gesprek, "Anna Schaalsma")
    assert "Uw melding is verstuurd" in bevestiging
    assert gesprek.turns == 12

    # Both instances read the same conversation from PostgreSQL.
    teksten = []
    for url in schaal.instance_urls:
        tracker = httpx.get(f"{url}/conversations/{gesprek.sender}/tracker",
                            params={"token": schaal.auth_token}, timeout=10).json()
        teksten.append([e.get("text") for e in tracker["events"] if e["event"] == "user"])
    assert teksten[0] == teksten[1] and len(teksten[0]) == 12


def test_nginx_in_front_answers_a_whole_conversation(schaal):
    gesprek = Conversation(schaal.rasa_url)
    gesprek.say("Ik voel me alleen en wil graag andere mensen ontmoeten")
    antwoord = gesprek.say("Leeuwarden")
    assert "Leeuwarden" in antwoord or "Ljouwert" in antwoord


def test_a_staff_reply_reaches_a_socket_on_the_other_instance(schaal):
    sessie = f"schaal{uuid.uuid4().hex[:12]}"
    socket = PollingSocket(schaal.instance_urls[0])
    assert socket.verbonden
    socket.emit("session_request", {"session_id": sessie})
    assert socket.events("session_confirm") == [sessie]

    # As the KCC console does (sociale_kaart/rasa_api.py), but through the other instance.
    tekst = "Goedemiddag, u spreekt met Anna van de gemeente."
    response = httpx.post(
        f"{schaal.instance_urls[1]}/conversations/{sessie}/tracker/events",
        params={"token": schaal.auth_token, "output_channel": "socketio",
                "execute_side_effects": "true"},
        json=[{"event": "bot", "text": tekst, "metadata": {"medewerker": "Anna"}}], timeout=10)
    response.raise_for_status()
    [bericht] = socket.events("bot_uttered")
    assert bericht["text"] == tekst and bericht["medewerker"] == "Anna"
