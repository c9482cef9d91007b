"""Whole conversations through Rasa's REST channel against the real stack."""

from __future__ import annotations

import httpx

from .conftest import Conversation


def test_household_question_leads_to_smallingerland_team(conversation):
    question = conversation.say("Ik kan mijn huis niet meer schoonhouden. Waar moet ik zijn?")
    assert "In welke plaats woont u?" in question

    answer = conversation.say("Drachten")
    assert "Smallingerland" in answer
    assert "14 0512" in answer
    assert "langskomen" in answer or "thuis komt" in answer
    assert "cliëntondersteuning" in answer
    assert "voorbeeldgegevens" in answer


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


def test_unknown_place_is_asked_again(conversation):
    conversation.say("Ik zoek vervoer voor ouderen")
    assert "Die plaats ken ik niet" in conversation.say("Amsterdam")


def test_sociale_kaart_down_gives_general_contact_route(stack, conversation):
    stack.services["sociale_kaart"].stop()
    try:
        conversation.say("Ik red het huishouden niet meer")
        answer = conversation.say("Drachten")
        assert "14 met daarachter het netnummer" in answer
        assert "Traceback" not in answer
    finally:
        stack.restart("sociale_kaart")


def test_http_api_needs_the_token(stack):
    assert httpx.get(f"{stack.rasa_url}/status").status_code == 401
    ok = httpx.get(f"{stack.rasa_url}/status", params={"token": stack.auth_token})
    assert ok.status_code == 200
