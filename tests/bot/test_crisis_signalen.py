"""The crisis safety net: clear signs always win, ordinary questions are left alone."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))

from components.crisis_signalen import (
    crisis_intent,
    likely_crisis,
    without_guessed_crisis,
)
from components.intent_ranking import zeker_eerst


@pytest.mark.parametrize(("text", "intent"), [
    ("Ik wil niet meer leven", "crisis_suicide"),
    ("soms denk ik aan zelfmoord", "crisis_suicide"),
    ("Mijn zoon wil er een eind aan maken", "crisis_suicide"),
    ("ik zie het echt niet meer zitten", "crisis_suicide"),
    ("mijn man slaat me als hij boos is", "crisis_geweld"),
    ("ik denk dat de buurkinderen mishandeld worden", "crisis_geweld"),
    ("ik durf niet naar huis", "crisis_geweld"),
    ("mijn vader is gevallen en reageert niet meer", "crisis_acuut"),
    ("ik ruik gas in de keuken", "crisis_acuut"),
    ("ik heb vannacht geen slaapplek", "crisis_dakloos"),
    ("ik ben vandaag het huis uit gezet", "crisis_dakloos"),
    ("IK WIL DOOD", "crisis_suicide"),
    ("ik wil zelfmóórd plegen", "crisis_suicide"),
    # Word order: Dutch often puts the subject after the verb.
    ("ik zoek hulp in huis maar eigenlijk wil ik niet meer leven", "crisis_suicide"),
    ("soms wil hij gewoon dood", "crisis_suicide"),
    ("ik hoop elke avond dat ik niet meer wakker word", "crisis_suicide"),
    ("hij zegt dat we beter af zijn zonder hem", "crisis_suicide"),
    ("ik ben bang dat ze zichzelf wat aandoet", "crisis_suicide"),
    ("het hoeft voor mij allemaal niet meer", "crisis_suicide"),
    ("als hij gedronken heeft slaat hij me", "crisis_geweld"),
    ("ik word thuis geslagen", "crisis_geweld"),
    ("mijn vriend heeft me gisteren geslagen", "crisis_geweld"),
    ("mijn vader heeft pijn op de borst", "crisis_acuut"),
    ("mijn man krijgt bijna geen lucht", "crisis_acuut"),
    ("er is rook in de keuken", "crisis_acuut"),
    ("mijn moeder met dementie is vannacht weggelopen", "crisis_acuut"),
    ("waar kan ik vannacht slapen", "crisis_dakloos"),
    ("ik moet vannacht in mijn auto slapen", "crisis_dakloos"),
    ("mijn vriendin gooit me eruit, waar moet ik heen", "crisis_dakloos"),
    ("de huisbaas heeft de sloten vervangen en nu sta ik buiten met mijn spullen",
     "crisis_dakloos"),
    ("ik snij mezelf weer", "crisis_suicide"),
    ("als ik niet doe wat hij zegt krijg ik klappen", "crisis_geweld"),
    ("mijn broer geeft haar soms een klap", "crisis_geweld"),
    ("mijn schoonzoon sluit mijn dochter op in huis", "crisis_geweld"),
    ("hij is net van de trap gevallen en bloed heel erg", "crisis_acuut"),
    ("ze is in de war en we kunnen haar nergens vinden", "crisis_acuut"),
    ("mijn man is aan het stikken", "crisis_acuut"),
    ("ik bid dat de Here me komt halen", "crisis_suicide"),
    ("hij laat haar in haar eigen vuil liggen", "crisis_geweld"),
    ("mijn broer scheldt haar de hele dag uit", "crisis_geweld"),
])
def test_clear_signs_are_crisis(text, intent):
    assert crisis_intent(text) == intent


@pytest.mark.parametrize("text", [
    "ik zoek hulp bij het schoonmaken",
    "de gemeente reageert niet op mijn melding",
    "het doet me pijn dat mijn moeder zo alleen is",
    "ik zie het wel zitten met een traplift",
    "de hulp hoeft niet meer, mijn moeder is verhuisd",
    "waar kan ik vanavond eten met anderen",
    "de hulp hoeft niet meer, mijn moeder is verhuisd",
    "het hoeft niet meer, we hebben al hulp",
    "ik wil graag weten wat de eigen bijdrage is",
    "ik ben doodop van de zorg voor mijn man",
    "mijn moeder is vorig jaar gevallen en heeft nu een rollator nodig",
    "we willen een maaltijd bezorgd krijgen",
    "myn scootmobyl is stikken",  # Frisian: broken
    "kan iemand de sloten van mijn voordeur vervangen",
    "mijn tuin is verwaarloosd, wie kan helpen",
])
def test_ordinary_questions_are_left_alone(text):
    assert crisis_intent(text) is None


def test_a_crisis_that_is_the_best_guess_wins_however_unsure():
    ranking = [{"name": "crisis_acuut", "confidence": 0.15},
               {"name": "hulp_klussen", "confidence": 0.14}]
    assert likely_crisis("mijn vader ligt op de grond", ranking) == "crisis_acuut"


def test_the_models_guess_does_not_count_for_a_place_name_or_one_word():
    ranking = [{"name": "crisis_acuut", "confidence": 0.6},
               {"name": "woonplaats_noemen", "confidence": 0.2}]
    assert likely_crisis("Kootstertille", ranking) is None
    assert likely_crisis("ja graag", ranking) is None


def test_a_likely_crisis_beats_a_more_likely_other_intent():
    ranking = [{"name": "hulp_huishouden", "confidence": 0.5},
               {"name": "crisis_suicide", "confidence": 0.3}]
    assert likely_crisis("ik kan niet meer, help", ranking) == "crisis_suicide"


def test_an_unlikely_crisis_does_not_win():
    ranking = [{"name": "hulp_huishouden", "confidence": 0.8},
               {"name": "crisis_suicide", "confidence": 0.1}]
    assert likely_crisis("ik heb hulp nodig in huis", ranking) is None


def test_a_postcode_is_never_a_guessed_emergency():
    ranking = [{"name": "crisis_acuut", "confidence": 0.4},
               {"name": "woonplaats_noemen", "confidence": 0.3}]
    assert without_guessed_crisis("9101", ranking)[0]["name"] == "woonplaats_noemen"
    assert without_guessed_crisis("bel 112", ranking) == ranking  # a clear sign stays


def test_a_crisis_is_never_ambiguous_next_to_a_clear_other_question():
    # The FallbackClassifier calls a gap under 0.05 between the top two "ambiguous".
    ranking = [{"name": "hulp_vervoer", "confidence": 0.96},
               {"name": "crisis_geweld", "confidence": 0.02}]
    first, second = zeker_eerst("crisis_geweld", ranking)
    assert first == {"name": "crisis_geweld", "confidence": 1.0}
    assert second["name"] == "hulp_vervoer"
    assert first["confidence"] - second["confidence"] >= 0.5


@pytest.mark.parametrize(("text", "intent"), [
    ("myn mem is fallen en reagearret net", "crisis_acuut"),
    ("hy sykhellet net mear", "crisis_acuut"),
    ("ik rûk gas yn 'e keuken", "crisis_acuut"),
    ("myn heit hat pine op de boarst", "crisis_acuut"),
    ("ik wol dea", "crisis_suicide"),
    ("eins wol ik net mear libje", "crisis_suicide"),
    ("ik tink oan selsmoard", "crisis_suicide"),
    ("myn man slacht my", "crisis_geweld"),
    ("as ús heit dronken is slacht er ús mem", "crisis_geweld"),
    ("ik doar net mear nei hûs", "crisis_geweld"),
    ("ik ha fannacht gjin sliepplak", "crisis_dakloos"),
    ("ik bin hjoed myn hûs út set", "crisis_dakloos"),
])
def test_clear_signs_in_frisian_are_crisis(text, intent):
    assert crisis_intent(text) == intent


@pytest.mark.parametrize("text", [
    "myn scootmobyl is stikken",
    "sûnt myn beroerte slagget it plannen net mear",
    "de gemeente reagearret net op myn brief",
    "myn scootmobyl slacht hieltyd ôf",
    "ik bin deawurch fan it soargjen",
    "myn dochter hat al in skoft gjin dak boppe de holle",
])
def test_ordinary_frisian_questions_are_left_alone(text):
    assert crisis_intent(text) is None


def _training_examples() -> list[tuple[str, str]]:
    """(intent, text) of every training example, Dutch and Frisian, without entity marks."""
    examples = []
    nlu = Path(__file__).resolve().parents[2] / "bot" / "data" / "nlu"
    for path in sorted(nlu.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            for line in (item.get("examples") or "").splitlines() if "intent" in item else []:
                text = re.sub(r"\[([^]]*)\]\([a-z_]+\)", r"\1", line.strip()[2:])
                examples.append((item["intent"], text))
    return examples


def test_no_ordinary_training_example_in_either_language_is_taken_for_a_crisis():
    false_alarms = [(intent, text) for intent, text in _training_examples()
                    if not intent.startswith("crisis_") and crisis_intent(text)]
    assert false_alarms == []


def test_the_patterns_catch_a_good_part_of_the_crisis_examples():
    """The model learns the rest; the patterns are the net under it (figures in docs/frysk.md)."""
    crisis = [(i, t) for i, t in _training_examples() if i.startswith("crisis_")]
    caught = sum(crisis_intent(t) == i for i, t in crisis)
    assert caught / len(crisis) >= 0.45
