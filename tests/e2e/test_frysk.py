"""Frisian end to end: a resident who writes Frisian gets Frisian, and can switch languages."""

from __future__ import annotations

from .conftest import start_melding


def test_a_frisian_writer_gets_frisian_without_choosing(conversation):
    antwurd = conversation.say("Goeie, ik bin op syk nei help")
    assert "jo" in antwurd.split() or "Jo" in antwurd
    assert " u " not in f" {antwurd} "


def test_a_place_name_does_not_switch_the_language(conversation):
    conversation.say("Myn mem kin net mear sels de boadskippen dwaan")
    antwurd = conversation.say("Snits")
    assert "Súdwest-Fryslân" in antwurd
    assert " u " not in f" {antwurd} "


def test_asking_for_dutch_switches_and_asking_for_frisian_switches_back(conversation):
    conversation.say("kinne wy Frysk prate?")
    nederlands = conversation.say("graag in het Nederlands")
    assert " u " in f" {nederlands} " or "U " in nederlands
    frysk = conversation.say("kinne wy Frysk prate?")
    assert " u " not in f" {frysk} "


def test_the_widget_can_choose_frisian_with_a_payload(conversation):
    antwurd = conversation.say('/groet{"taal": "fy"}')
    assert antwurd.startswith("Goeie!")


def test_asking_for_frisian_is_confirmed_in_frisian(conversation):
    antwurd = conversation.say("kinne wy Frysk prate?")
    assert "fierder yn it Frysk" in antwurd
    assert "Nederlands" in conversation.say("Nederlands graag")


def test_in_the_stellingwerven_one_frisian_word_does_not_keep_frisian(conversation):
    conversation.say("help thús")  # one Frisian word: a Frisian answer
    antwurd = conversation.say("Wolvega")
    assert "Weststellingwerf" in antwurd
    assert " u " in f" {antwurd} " or "U " in antwurd


def test_in_the_stellingwerven_clear_frisian_stays_frisian(conversation):
    conversation.say("Myn mem kin net mear sels de boadskippen dwaan")
    antwurd = conversation.say("Wolvega")
    assert "Weststellingwerf" in antwurd
    assert " u " not in f" {antwurd} "


def test_switching_language_in_the_melding_asks_the_same_question_again(conversation):
    vraag = start_melding(conversation)
    assert "voor uzelf" in vraag
    frysk = conversation.say("kinne wy Frysk prate?")
    assert "fierder yn it Frysk" in frysk
    assert "foar josels" in frysk
