"""Whole conversations through Rasa's REST channel against the real stack."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import httpx

from .conftest import ROOT, Conversation


def test_household_question_leads_to_smallingerland_team(conversation):
    question = conversation.say("Ik kan mijn huis niet meer schoonhouden. Waar moet ik zijn?")
    assert "In welke plaats woont u?" in question

    answer = conversation.say("Drachten")
    assert "Smallingerland" in answer
    assert "14 0512" in answer
    assert "langskomen" in answer or "thuis komt" in answer
    assert "cliëntondersteuning" in answer
    assert "De gegevens zijn een voorbeeld" in answer


def test_place_given_in_the_first_message_is_used_at_once(conversation):
    answer = conversation.say("Mijn moeder in Sneek redt het huishouden niet meer")
    assert "Súdwest-Fryslân" in answer
    assert "In welke plaats" not in answer


def test_frisian_place_name_and_typo_are_understood(conversation):
    conversation.say("Ik heb een traplift nodig")
    assert "Heerenveen" in conversation.say("It Hearrenfean")

    other = Conversation(conversation.url.rsplit("/webhooks", 1)[0])
    other.say("waar kan ik hulp aanvragen")
    assert "Smallingerland" in other.say("Drachtn")


def test_the_place_is_remembered_and_can_be_changed(conversation):
    conversation.say("Wie kan de klusjes in de tuin doen?")
    first = conversation.say("Leeuwarden")
    assert "Klussendienst" in first  # an algemene voorziening from the sociale kaart
    assert "bekeken op" in first

    second = conversation.say("Is er ook een maaltijdservice?")
    assert "In welke plaats" not in second
    assert "Leeuwarden" in second
    assert "De gegevens zijn een voorbeeld" not in second  # said once is enough

    moved = conversation.say("Nee, ik woon eigenlijk in Joure")
    assert "De Fryske Marren" in moved


def test_crisis_wins_in_the_middle_of_a_question(conversation):
    assert "In welke plaats" in conversation.say("Ik heb hulp nodig bij het huishouden")
    answer = conversation.say("ik wil eigenlijk niet meer leven")
    assert "0800-0113" in answer and "112" in answer
    assert "medewerker" in answer.lower() or "gemeente" in answer
    # The form stopped: the next message is not taken for a place.
    assert "Die plaats ken ik niet" not in conversation.say("wat moet ik doen")


def test_another_question_while_asked_for_the_place_is_answered_first(conversation):
    assert "In welke plaats" in conversation.say("Ik zoek hulp bij het schoonmaken")
    answer = conversation.say("Wat is een persoonlijk plan?")
    assert "7 dagen" in answer
    assert "Die plaats ken ik niet" not in answer
    assert "Smallingerland" in conversation.say("Drachten")


def test_personal_care_goes_to_the_district_nurse_without_asking_the_place(conversation):
    answer = conversation.say("Wie helpt mijn vader met douchen en aankleden?")
    assert "wijkverpleging" in answer
    assert "In welke plaats" not in answer


def test_two_misunderstandings_bring_a_person_and_a_one_line_summary(conversation):
    # "/nlu_fallback" is what NLU makes of a message it does not understand; sent directly,
    # it tests the dialogue without depending on what the model makes of a nonsense word.
    assert "andere manier" in conversation.say("/nlu_fallback")
    offer = conversation.say("/nlu_fallback")
    assert "medewerker" in offer
    assert "in één zin" in offer
    noted = conversation.say("Hulp voor mijn moeder, mijn bsn is 123456782")
    assert "Hulp voor mijn moeder" in noted
    assert "123456782" not in noted


def test_unknown_place_is_asked_again(conversation):
    conversation.say("Ik zoek vervoer voor ouderen")
    assert "Die plaats ken ik niet" in conversation.say("Amsterdam")


def test_sociale_kaart_down_gives_general_contact_route(stack, conversation):
    stack.services["sociale_kaart"].stop()
    try:
        # A place no earlier test asked for: the action server keeps answers for a minute
        # (actions/sociale_kaart_client.py), and this must ask the sociale kaart itself.
        conversation.say("Ik red het huishouden niet meer")
        answer = conversation.say("Harlingen")
        assert "14 met daarachter het netnummer" in answer
        assert "Traceback" not in answer
    finally:
        stack.restart("sociale_kaart")


def test_http_api_needs_the_token(stack):
    assert httpx.get(f"{stack.rasa_url}/status").status_code == 401
    ok = httpx.get(f"{stack.rasa_url}/status", params={"token": stack.auth_token})
    assert ok.status_code == 200


def test_eigen_bijdrage_names_an_amount_only_when_the_gemeente_published_one(stack,
                                                                               conversation):
    conversation.say("Ik kan mijn huis niet meer schoonhouden")
    conversation.say("Drachten")
    general = conversation.say("Wat is de eigen bijdrage?")
    assert "CAK" in general
    assert "€" not in general, "the example data holds no amounts"

    database = sqlite3.connect(stack.var_dir / "sociale_kaart.db")
    try:
        with database:
            database.execute(
                "INSERT INTO cost_option (service_id, valid_from, option, currency, amount, bron,"
                " laatst_gecontroleerd, voorbeeld) VALUES ('svc-GM0090-maatwerk-huishouden',"
                " '2026-01-01', 'Eigen bijdrage per maand', 'EUR', 21.5, 'test', '2026-10-01', 1)")
        later = Conversation(conversation.url.rsplit("/webhooks", 1)[0])
        later.say("Ik kan mijn huis niet meer schoonhouden")
        later.say("Drachten")
        answer = later.say("Hoeveel moet ik zelf betalen voor de hulp?")
        assert "€\xa021,50" in answer
        assert "1 januari 2026" in answer
        assert "CAK" in answer
    finally:
        with database:
            database.execute("DELETE FROM cost_option")
        database.close()


def test_rasa_refuses_to_start_in_production_with_example_secrets(stack):
    """Rasa builds its channels first at start-up; the widget channel refuses a bad setup."""
    bouw = ("from kanalen.widget import WidgetInput; "
            "WidgetInput.from_credentials({'session_persistence': True})")
    goed = {"WMO_OMGEVING": "productie", "RASA_AUTH_TOKEN": "r" * 40,
            "POSTGRES_PASSWORD": "p" * 40, "REDIS_PASSWORD": "q" * 40,
            "WIDGET_ORIGINS": "https://wegwijzer.gemeente.example"}

    def start(**anders: str) -> subprocess.CompletedProcess:
        env = {"PATH": os.environ["PATH"], "RASA_TELEMETRY_ENABLED": "false", **goed, **anders}
        return subprocess.run([str(stack.bot_python), "-c", bouw], cwd=ROOT / "bot", env=env,
                              capture_output=True, text=True, timeout=300)

    assert start().returncode == 0
    voorbeeld = start(RASA_AUTH_TOKEN="change-me-to-a-long-random-string")
    assert "RASA_AUTH_TOKEN still has the example value" in voorbeeld.stderr
    assert "change-me-to-a-long-random-string" not in voorbeeld.stderr
    assert "WIDGET_ORIGINS is empty" in start(WIDGET_ORIGINS="").stderr
    assert "WIDGET_ORIGINS is empty or `*`" in start(WIDGET_ORIGINS="*").stderr
