"""A melding made in the chat, end to end: the real bot, action server and sociale kaart.

Each test checks what arrived in the sociale kaart through the team API, as a medewerker of
Smallingerland sees it.
"""

from __future__ import annotations

import random
import sqlite3
import string
import threading
import time
import uuid

import httpx
import pytest

from .conftest import Conversation, melding_voor_mijzelf, start_melding

DRACHTEN_TEAM = "GM0090"


class Team:
    """A medewerker of Smallingerland, logged in to the team API."""

    def __init__(self, stack):
        gebruikersnaam = f"team-{uuid.uuid4().hex[:8]}"
        wachtwoord = stack.staff_account(gebruikersnaam, "team", [DRACHTEN_TEAM])
        self.http = httpx.Client(base_url=stack.sk_url, timeout=10)
        self.http.post("/staff/login", json={"gebruikersnaam": gebruikersnaam,
                                             "wachtwoord": wachtwoord}).raise_for_status()

    def meldingen(self) -> list[dict]:
        response = self.http.get("/team/meldingen", params={"per_page": 200})
        response.raise_for_status()
        return list(response.json()["contents"])

    def met_naam(self, naam: str) -> list[dict]:
        return [m for m in self.meldingen() if m["naam"] == naam]


@pytest.fixture(scope="module")
def team(stack) -> Team:
    return Team(stack)


def naam() -> str:
    """A name no other test uses: letters only, as a name has."""
    return "Anna " + "".join(random.choice(string.ascii_lowercase) for _ in range(8)).capitalize()


def stored_conversation(stack, sender: str) -> str:
    """Everything Rasa's tracker store holds about one conversation, as text."""
    with sqlite3.connect(stack.var_dir / "tracker.db") as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)).fetchall()
    return "\n".join(row[0] for row in rows)


def test_happy_path_with_a_confirmation_and_the_melding_for_the_team(stack, conversation, team):
    wie = naam()
    start = start_melding(conversation)
    assert "Typ 'terug'" in start
    assert "voor uzelf of voor iemand anders" in start

    _, bevestiging = melding_voor_mijzelf(conversation, wie)
    assert "Uw melding is verstuurd" in bevestiging
    nummer = bevestiging.split("Uw nummer is ")[1].split(".")[0]
    assert nummer.startswith("WMO-")
    assert "uiterlijk" in bevestiging and "persoonlijk plan" in bevestiging
    assert "14 0512" in bevestiging
    assert "cliëntondersteuner" in bevestiging

    [melding] = team.met_naam(wie)
    assert melding["nummer"] == nummer
    assert melding["telefoon"] == "0612345678"
    assert melding["woonplaats"] == "Drachten"
    assert "heupoperatie" in melding["vraag"]
    assert (melding["clientondersteuning"], melding["mantelzorger"]) == ("ja", "nee")
    assert melding["status"] == "nieuw"

    # The melding has the phone number; the stored conversation does not.
    opgeslagen = stored_conversation(stack, conversation.sender)
    assert nummer in opgeslagen and "heupoperatie" in opgeslagen
    assert "12345678" not in opgeslagen


def test_for_someone_else_with_consent_going_back_and_correcting(conversation, team):
    wie = naam()
    start_melding(conversation)
    assert "Weet die persoon" in conversation.say("voor mijn moeder")
    assert "naam van die persoon" in conversation.say("ja hoor")
    assert "uw eigen naam" in conversation.say("Grietje Bosma")
    assert "Hoe kan de gemeente u bereiken?" in conversation.say(wie)
    assert "e-mailadres klopt niet" in conversation.say("anna@example")
    assert "uw eigen naam" in conversation.say("terug")
    assert "Hoe kan de gemeente u bereiken?" in conversation.say(wie)
    assert "Klopt dat?" in conversation.say("anna.test@example.nl")
    assert "Waar zoekt u hulp bij?" in conversation.say("Nee, ik schrijf het zelf")
    assert "Wanneer" in conversation.say("Mijn moeder kan niet meer zelf koken en de was doen")
    conversation.say("maakt niet uit")
    conversation.say("weet ik niet")
    overzicht = conversation.say("ja")
    assert "Grietje Bosma, die het goed vindt" in overzicht
    assert "anna.test@example.nl" in overzicht

    assert "In welke plaats" in conversation.say("woonplaats veranderen")
    overzicht = conversation.say("Opeinde")
    assert "Opeinde" in overzicht and "Klopt alles?" in overzicht
    conversation.say("Ja, alles klopt")
    assert "Uw melding is verstuurd" in conversation.say("ja")

    [melding] = team.met_naam(wie)
    assert (melding["voor_wie"], melding["naam_ander"]) == ("ander", "Grietje Bosma")
    assert melding["toestemming_ander"] is True
    assert melding["woonplaats"] == "Opeinde"
    assert melding["email"] == "anna.test@example.nl" and melding["telefoon"] is None
    assert melding["vraag"].startswith("Mijn moeder kan niet meer zelf koken")
    assert melding["clientondersteuning"] == "weet_niet"


@pytest.mark.parametrize("stappen, verwacht", [
    (["Voor mijzelf", "stop"], "De melding is gestopt"),
    (["voor mijn buurman", "nee"], "Zonder toestemming van die persoon"),
    (["Voor mijzelf", "{naam}", "0512 123456", "Ja, dat klopt", "In de middag", "nee", "nee",
      "Ja, alles klopt", "Nee, niet versturen"], "ik stuur niets naar de gemeente"),
])
def test_stopping_or_refusing_consent_stores_nothing(conversation, team, stappen, verwacht):
    wie = naam()
    start_melding(conversation)
    for stap in stappen:
        antwoord = conversation.say(stap.format(naam=wie))
    assert verwacht in antwoord
    assert team.met_naam(wie) == []
    # The conversation goes on as normal afterwards.
    assert "Tot ziens" in conversation.say("doei")


def test_a_crisis_during_the_melding_comes_first_and_the_melding_waits(conversation, team):
    wie = naam()
    start_melding(conversation)
    conversation.say("Voor mijzelf")
    conversation.say(wie)
    conversation.say("06 13572468")
    antwoord = conversation.say("Nee, ik schrijf het zelf")
    assert "Waar zoekt u hulp bij?" in antwoord
    crisis = conversation.say("mijn man slaat mij en ik durf niet meer naar huis")
    assert "Veilig Thuis" in crisis
    assert "melding doen" in crisis
    # Later: the answers so far are still there.
    verder = conversation.say("/melding_doen")
    assert "We gaan verder met uw melding" in verder and "Waar zoekt u hulp bij?" in verder
    assert team.met_naam(wie) == []


def tot_de_toestemming(stack, wie: str, telefoon: str) -> Conversation:
    """A new conversation that has answered everything up to the consent to send."""
    conversation = Conversation(stack.rasa_url)
    start_melding(conversation)
    for stap in ["Voor mijzelf", wie, telefoon, "Ja, dat klopt", "In de ochtend", "nee", "nee"]:
        conversation.say(stap)
    assert "Mag ik uw melding nu" in conversation.say("Ja, alles klopt")
    return conversation


def test_sending_twice_at_once_gives_one_melding(stack, team):
    wie = naam()
    conversation = tot_de_toestemming(stack, wie, "06 87654321")
    # A double click: the same answer twice at the same moment.
    klikken = [threading.Thread(target=conversation.say, args=("Ja, versturen",))
               for _ in range(2)]
    for klik in klikken:
        klik.start()
    for klik in klikken:
        klik.join()
    assert len(team.met_naam(wie)) == 1


def test_an_outage_during_submission_delivers_the_melding_once_afterwards(stack, team):
    """The sociale kaart stops while the resident sends: the bot says so honestly, keeps the
    melding, and the action server delivers it exactly once when the service is back."""
    wie = naam()
    conversation = tot_de_toestemming(stack, wie, "06 11223344")

    kaart = stack.services["sociale_kaart"]
    kaart.stop()
    try:
        antwoord = conversation.say("Ja, versturen")
        assert "Uw melding is niet kwijt" in antwoord
        assert "Uw melding is verstuurd" not in antwoord
    finally:
        kaart.start(stack.var_dir / "log")
        stack.wait_until_ready(progress=lambda _line: None)

    deadline = time.monotonic() + 150
    while not team.met_naam(wie) and time.monotonic() < deadline:
        time.sleep(2)
    time.sleep(12)  # one more round of the background delivery must not add a second one
    [melding] = team.met_naam(wie)
    assert melding["telefoon"] == "0611223344"
