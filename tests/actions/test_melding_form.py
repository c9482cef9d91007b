"""The melding form's answers and commands, step by step (the conversation itself is tested
end to end in tests/e2e/test_melding.py)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from actions.melding_form import (
    STAPPEN,
    ActionAskMeldingControle,
    ActionAskMeldingVraag,
    ActionBevestigd,
    ActionMeldingStart,
    ValidateMeldingForm,
    stappen,
    voorstel_uit_gesprek,
)
from actions.melding_opslag import MeldingOpslag

from .conftest import RESOLVE_DRACHTEN, fake_sociale_kaart, make_tracker, unreachable

ALLES_ZELF = {
    "melding_voor_wie": "zelf", "melding_naam": "Anna de Vries", "melding_contact": "telefoon",
    "melding_woonplaats": "Drachten", "melding_vraag": "Hulp bij schoonmaken",
    "melding_belmoment": "In de ochtend", "melding_clientondersteuning": "ja",
    "melding_mantelzorger": "nee",
}


@pytest.fixture(autouse=True)
def outbox(tmp_path, monkeypatch) -> MeldingOpslag:
    monkeypatch.setenv("MELDING_OUTBOX", str(tmp_path / "outbox.db"))
    return MeldingOpslag.from_env()


def validator(client=None) -> ValidateMeldingForm:
    action = ValidateMeldingForm()
    if client is not None:
        action.client = lambda: client  # type: ignore[method-assign]
    return action


def responses(dispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


async def valideer(slot: str, text: str, dispatcher, slots: dict[str, Any] | None = None,
                   client=None) -> dict[str, Any]:
    method = getattr(validator(client), f"validate_{slot}")
    return await method(text, dispatcher, make_tracker(slots, text=text), {})


def test_someone_else_adds_consent_and_their_name():
    assert "melding_toestemming_ander" not in stappen(make_tracker(ALLES_ZELF))
    ander = stappen(make_tracker({"melding_voor_wie": "ander"}))
    assert ander == STAPPEN
    assert stappen(make_tracker({"melding_gestopt": "gestopt"})) == []


async def test_stop_at_any_step_ends_the_form(dispatcher):
    for slot in STAPPEN:
        result = await valideer(slot, "stop", dispatcher, ALLES_ZELF)
        assert result == {slot: None, "melding_gestopt": "gestopt"}


async def test_back_forgets_the_previous_answer_only(dispatcher):
    result = await valideer("melding_belmoment", "terug", dispatcher, ALLES_ZELF)
    assert result == {"melding_belmoment": None, "melding_vraag": None,
                      "melding_kies_veld": False}


async def test_back_at_the_first_question_says_so(dispatcher):
    result = await valideer("melding_voor_wie", "terug", dispatcher, {})
    assert result == {"melding_voor_wie": None}
    assert responses(dispatcher) == ["utter_melding_eerste_vraag"]


async def test_changing_a_named_answer_asks_it_again_and_shows_the_overview_again(dispatcher):
    slots = {**ALLES_ZELF, "melding_controle": "ja"}
    result = await valideer("melding_toestemming", "telefoonnummer veranderen", dispatcher, slots)
    assert result == {"melding_toestemming": None, "melding_contact": None,
                      "melding_controle": None, "melding_kies_veld": False}


async def test_changing_without_naming_what_waits_for_the_overview(dispatcher):
    result = await valideer("melding_belmoment", "ik wil iets veranderen", dispatcher, ALLES_ZELF)
    assert result == {"melding_belmoment": None}
    assert responses(dispatcher) == ["utter_melding_straks_veranderen"]


async def test_for_someone_else(dispatcher):
    assert await valideer("melding_voor_wie", "voor mijn moeder", dispatcher) == {
        "melding_voor_wie": "ander"}
    assert await valideer("melding_toestemming_ander", "ja", dispatcher) == {
        "melding_toestemming_ander": "ja"}
    assert await valideer("melding_naam_ander", "Grietje Bosma", dispatcher) == {
        "melding_naam_ander": "Grietje Bosma"}


async def test_without_the_other_persons_consent_the_form_stops(dispatcher):
    result = await valideer("melding_toestemming_ander", "nee", dispatcher)
    assert result == {"melding_toestemming_ander": "nee",
                      "melding_gestopt": "geen_toestemming_ander"}


async def test_an_unclear_answer_is_asked_again_with_a_hint(dispatcher):
    assert await valideer("melding_voor_wie", "blauw", dispatcher) == {"melding_voor_wie": None}
    assert await valideer("melding_mantelzorger", "soms wel", dispatcher) == {
        "melding_mantelzorger": None}
    assert responses(dispatcher) == ["utter_melding_kies_voor_wie", "utter_melding_kies_ja_nee"]


async def test_a_name_is_a_name(dispatcher):
    assert await valideer("melding_naam", "mijn naam is Anna de Vries", dispatcher) == {
        "melding_naam": "Anna de Vries"}
    assert await valideer("melding_naam", "06 12345678", dispatcher) == {"melding_naam": None}
    assert responses(dispatcher) == ["utter_melding_naam_fout"]


async def test_contact_details_go_to_the_store_not_into_the_slot(dispatcher, outbox):
    result = await valideer("melding_contact", "06-12345678 en anna@example.nl", dispatcher)
    assert result == {"melding_contact": "telefoon en e-mail"}
    assert outbox.contact("test") == ("0612345678", "anna@example.nl")


@pytest.mark.parametrize("text, response", [
    ("06 1234", "utter_melding_telefoon_fout"), ("anna@", "utter_melding_email_fout"),
    ("dat weet ik niet", "utter_melding_geen_contact")])
async def test_wrong_contact_details_are_explained(dispatcher, outbox, text, response):
    assert await valideer("melding_contact", text, dispatcher) == {"melding_contact": None}
    assert responses(dispatcher) == [response]
    assert outbox.contact("test") == (None, None)


async def test_the_place_sets_the_gemeente(client_with, dispatcher):
    result = await valideer("melding_woonplaats", "Drachten", dispatcher,
                            client=client_with(fake_sociale_kaart))
    assert result == {"melding_woonplaats": "Drachten", "gemeente_code": "GM0090",
                      "gemeente_naam": "Smallingerland"}
    result = await valideer("melding_woonplaats", "Utrecht", dispatcher,
                            client=client_with(fake_sociale_kaart))
    assert result == {"melding_woonplaats": None}


async def test_the_place_is_kept_when_the_kaart_is_down(client_with, dispatcher):
    result = await valideer("melding_woonplaats", "Drachten", dispatcher,
                            client=client_with(unreachable))
    assert result == {"melding_woonplaats": "Drachten", "gemeente_code": None}


async def test_the_proposed_question_can_be_accepted_or_rewritten(dispatcher):
    voorstel = {"melding_vraag_voorstel": "Ik kan niet meer zelf schoonmaken."}
    assert await valideer("melding_vraag", "Ja, dat klopt", dispatcher, voorstel) == {
        "melding_vraag": "Ik kan niet meer zelf schoonmaken."}
    assert await valideer("melding_vraag", "nee dat klopt niet", dispatcher, voorstel) == {
        "melding_vraag": None, "melding_vraag_voorstel": None}
    assert await valideer("melding_vraag", "Ik wil hulp bij de was", dispatcher, voorstel) == {
        "melding_vraag": "Ik wil hulp bij de was"}


async def test_a_bsn_in_the_question_is_taken_out(dispatcher):
    result = await valideer("melding_vraag", "Hulp bij de was, mijn bsn is 123456782",
                            dispatcher)
    assert "123456782" not in result["melding_vraag"]
    assert responses(dispatcher) == ["utter_melding_nummer_weg"]


async def test_a_question_too_short_or_too_long_is_asked_again(dispatcher):
    assert (await valideer("melding_vraag", "hulp", dispatcher))["melding_vraag"] is None
    assert (await valideer("melding_vraag", "woord " * 120, dispatcher))["melding_vraag"] is None
    assert responses(dispatcher) == ["utter_melding_vraag_kort", "utter_melding_vraag_lang"]


async def test_dont_know_is_an_answer_about_clientondersteuning(dispatcher):
    assert await valideer("melding_clientondersteuning", "Weet ik niet", dispatcher) == {
        "melding_clientondersteuning": "weet_niet"}


async def test_the_overview_leads_to_the_answer_to_change(dispatcher):
    slots = {**ALLES_ZELF}
    assert await valideer("melding_controle", "Ja, alles klopt", dispatcher, slots) == {
        "melding_controle": "ja"}
    assert await valideer("melding_controle", "Iets veranderen", dispatcher, slots) == {
        "melding_controle": None, "melding_kies_veld": True}
    gekozen = {**slots, "melding_kies_veld": True}
    assert await valideer("melding_controle", "Vraag veranderen", dispatcher, gekozen) == {
        "melding_controle": None, "melding_vraag": None, "melding_kies_veld": False,
        "melding_vraag_voorstel": None}


async def test_no_consent_to_send_stops(dispatcher):
    assert await valideer("melding_toestemming", "Nee, niet versturen", dispatcher) == {
        "melding_toestemming": "nee", "melding_gestopt": "geen_toestemming"}


def test_the_proposal_comes_from_the_residents_own_words():
    events = [{"event": "user", "text": "hallo"},
              {"event": "user", "text": "Ik kan sinds mijn val niet meer zelf stofzuigen"},
              {"event": "user", "text": "Drachten"},
              {"event": "user", "text": "/melding_doen"}]
    assert voorstel_uit_gesprek(make_tracker(events=events)) == \
        "Ik kan sinds mijn val niet meer zelf stofzuigen"
    assert voorstel_uit_gesprek(make_tracker(events=events[:1] + events[-1:])) is None


async def test_start_fills_in_a_known_place_and_resumes_after_an_interruption(dispatcher):
    slots = {"woonplaats": "Drachten", "gemeente_code": "GM0090"}
    events = await ActionMeldingStart().run(dispatcher, make_tracker(slots), {})
    assert {"event": "slot", "name": "melding_woonplaats", "value": "Drachten",
            "timestamp": None} in events
    assert responses(dispatcher) == ["utter_melding_start"]
    await ActionMeldingStart().run(dispatcher, make_tracker({"melding_naam": "Anna"}), {})
    assert responses(dispatcher)[-1] == "utter_melding_verder"


async def test_the_ask_actions_show_the_proposal_and_the_overview(dispatcher, outbox):
    await ActionAskMeldingVraag().run(dispatcher, make_tracker(
        {"melding_vraag_voorstel": "Hulp bij de was"}), {})
    await ActionAskMeldingVraag().run(dispatcher, make_tracker(), {})
    outbox.zet_contact("test", "0612345678", None)
    await ActionAskMeldingControle().run(dispatcher, make_tracker(ALLES_ZELF), {})
    assert responses(dispatcher) == ["utter_melding_vraag_voorstel", "utter_melding_vraag_eigen",
                                     "utter_melding_overzicht", "utter_melding_controle"]
    overzicht = dispatcher.messages[2]
    assert overzicht["contact"] == "06 12345678"
    assert overzicht["clientondersteuning"] == "ja"


async def test_yes_after_the_offer_starts_the_melding(dispatcher):
    aanbod = [{"event": "bot", "text": "...",
               "metadata": {"utter_action": "utter_melding_aanbod"}}]
    events = await ActionBevestigd().run(dispatcher, make_tracker(events=aanbod), {})
    assert events[-1] == {"event": "followup", "name": "melding_form", "timestamp": None}
    assert responses(dispatcher) == ["utter_melding_start"]


async def test_yes_after_the_offer_and_a_tip_still_starts_the_melding(dispatcher):
    events = [{"event": "user", "text": "ik wil een melding doen"},
              {"event": "bot", "metadata": {"utter_action": "utter_route_melding"}},
              {"event": "bot", "metadata": {"utter_action": "utter_clientondersteuning_kort"}},
              {"event": "user", "text": "ja graag"}]
    events_uit = await ActionBevestigd().run(dispatcher, make_tracker(events=events), {})
    assert events_uit[-1]["name"] == "melding_form"


async def test_yes_after_anything_else_asks_for_the_next_question(dispatcher):
    ander = [{"event": "bot", "text": "...", "metadata": {"utter_action": "utter_route_pgb"}}]
    assert await ActionBevestigd().run(dispatcher, make_tracker(events=ander), {}) == []
    assert responses(dispatcher) == ["utter_nog_een_vraag"]


async def test_a_second_unknown_place_offers_the_postcode_or_stop(client_with, dispatcher):
    hint = [{"event": "bot", "metadata": {"utter_action": "utter_melding_plaats_onbekend"}},
            {"event": "bot", "metadata": {"utter_action": "utter_ask_melding_woonplaats"}}]
    action = validator(client_with(fake_sociale_kaart))
    await action.validate_melding_woonplaats("Utrecht", dispatcher, make_tracker(), {})
    await action.validate_melding_woonplaats("Utrecht", dispatcher,
                                             make_tracker(events=hint), {})
    assert responses(dispatcher) == ["utter_melding_plaats_onbekend", "utter_melding_plaats_hulp"]


async def test_yes_is_not_taken_for_a_place_that_looks_like_it(client_with, dispatcher):
    def raadt(request):
        return httpx.Response(200, json={**RESOLVE_DRACHTEN, "match_type": "ongeveer"})

    result = await valideer("melding_woonplaats", "ja hoor", dispatcher,
                            client=client_with(raadt))
    assert result == {"melding_woonplaats": None}


def test_the_proposal_skips_places_and_short_yeses():
    events = [{"event": "user", "text": "hulp in huis",
               "parse_data": {"intent": {"name": "hulp_huishouden"}}},
              {"event": "user", "text": "ik woon in Drachten",
               "parse_data": {"intent": {"name": "woonplaats_noemen"}}},
              {"event": "user", "text": "ja", "parse_data": {"intent": {"name": "bevestigen"}}}]
    assert voorstel_uit_gesprek(make_tracker(events=events)) == "hulp in huis"


def crisis_tracker(text: str, intent: str, signaal: bool, slots=None):
    tracker = make_tracker(slots, text=text, intent=intent)
    tracker.latest_message["crisis_signaal"] = signaal
    return tracker


async def test_a_clear_sign_of_crisis_stops_the_form_even_in_a_valid_answer(dispatcher):
    tracker = crisis_tracker("voor mijn vader, hij wil niet meer leven", "crisis_suicide", True)
    result = await validator().validate_melding_voor_wie(tracker.latest_message["text"],
                                                         dispatcher, tracker, {})
    assert result == {"melding_voor_wie": None, "melding_gestopt": "crisis"}
    assert responses(dispatcher) == ["utter_route_crisis_suicide", "utter_crisis_huisarts",
                                     "utter_crisis_mens", "utter_melding_na_crisis"]


async def test_the_models_guess_does_not_overrule_a_valid_answer(dispatcher, outbox):
    tracker = crisis_tracker("mijn nummer is 06 12345678", "crisis_acuut", False)
    result = await validator().validate_melding_contact(tracker.latest_message["text"],
                                                        dispatcher, tracker, {})
    assert result == {"melding_contact": "telefoon"}
    assert responses(dispatcher) == []


async def test_the_models_guess_counts_in_an_answer_that_is_no_answer(dispatcher):
    tracker = crisis_tracker("mijn nummer is 06 - 1234 567", "crisis_acuut", False)
    result = await validator().validate_melding_contact(tracker.latest_message["text"],
                                                        dispatcher, tracker, {})
    assert result == {"melding_contact": None, "melding_gestopt": "crisis"}
    assert responses(dispatcher)[0] == "utter_route_crisis_acuut"


async def test_answers_kept_from_before_are_not_checked_again(dispatcher):
    events = [{"event": "user", "text": "/melding_doen"},
              {"event": "slot", "name": "melding_contact", "value": "telefoon"},
              {"event": "slot", "name": "melding_clientondersteuning", "value": "weet_niet"}]
    tracker = make_tracker({"melding_contact": "telefoon",
                            "melding_clientondersteuning": "weet_niet"},
                           text="/melding_doen", events=events)
    assert await validator().get_validation_events(dispatcher, tracker, {}) == []
    assert responses(dispatcher) == []


async def test_a_short_answer_is_an_answer_whatever_the_model_guesses(dispatcher):
    tracker = crisis_tracker("In de ochtend", "crisis_suicide", False)
    result = await validator().validate_melding_belmoment("In de ochtend", dispatcher, tracker, {})
    assert result == {"melding_belmoment": "In de ochtend"}
    tracker = crisis_tracker("voor de zekerheid", "crisis_acuut", False)
    result = await validator().validate_melding_mantelzorger("voor de zekerheid", dispatcher,
                                                             tracker, {})
    assert result == {"melding_mantelzorger": None}
    assert responses(dispatcher) == ["utter_melding_kies_ja_nee"]


async def test_a_short_reply_to_the_proposal_shows_the_proposal_again(dispatcher):
    voorstel = {"melding_vraag_voorstel": "Hulp bij de was"}
    assert await valideer("melding_vraag", "Joure", dispatcher, voorstel) == {
        "melding_vraag": None}
    assert await valideer("melding_vraag", "ja dat klopt", dispatcher) == {"melding_vraag": None}
    assert responses(dispatcher) == ["utter_melding_kies_ja_nee", "utter_melding_vraag_kort"]


def test_an_explanation_question_is_no_story():
    events = [{"event": "user", "text": "mijn vader kan niet meer douchen",
               "parse_data": {"intent": {"name": "zorg_persoonlijk"}}},
              {"event": "user", "text": "ik wil een melding doen",
               "parse_data": {"intent": {"name": "uitleg_melding"}}},
              {"event": "user", "text": "ja", "parse_data": {"intent": {"name": "bevestigen"}}}]
    assert voorstel_uit_gesprek(make_tracker(events=events)) == "mijn vader kan niet meer douchen"


async def test_the_overview_in_frisian_fills_in_frisian_words(dispatcher, outbox):
    outbox.zet_contact("test", "0612345678", "anna@example.nl")
    slots = {**ALLES_ZELF, "taal": "fy", "melding_clientondersteuning": "weet_niet"}
    await ActionAskMeldingControle().run(dispatcher, make_tracker(slots), {})
    overzicht = dispatcher.messages[0]
    assert overzicht["clientondersteuning"] == "wit ik net"
    assert overzicht["contact"] == "06 12345678 en anna@example.nl"


async def test_asking_for_the_other_language_asks_the_same_question_again(dispatcher):
    for slot in STAPPEN:
        text = "kinne wy Frysk prate?"
        tracker = make_tracker(ALLES_ZELF, text=text, intent="taal_kiezen")
        result = await getattr(validator(), f"validate_{slot}")(text, dispatcher, tracker, {})
        assert result == {slot: None}, slot
    assert set(responses(dispatcher)) == {"utter_taal_gekozen"}


async def test_the_frisian_overview_shows_a_clicked_button_in_frisian(dispatcher, outbox):
    await ActionAskMeldingControle().run(dispatcher, make_tracker({**ALLES_ZELF, "taal": "fy"}),
                                         {})
    assert dispatcher.messages[0]["belmoment"] == "Moarns"
    assert dispatcher.messages[0]["clientondersteuning"] == "ja"
