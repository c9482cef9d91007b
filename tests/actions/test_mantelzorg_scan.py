"""The mantelzorgscan: reading the answers, the form's steps, and the personal overview from a
fake sociale kaart (httpx.MockTransport)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from actions.mantelzorg_aanbod import (
    ActionMantelzorgscanConsulent,
    ActionMantelzorgscanOverzicht,
    situatie,
)
from actions.mantelzorg_scan import (
    WAARDEN,
    ActionMantelzorgscanStart,
    ValidateMantelzorgscanForm,
    duur_uit,
    uren_uit,
    voor_wie_uit,
    zwaarte_uit,
)
from actions.wegwijzer import ActionWegwijzer

from .conftest import (
    TOEGANG_SMALLINGERLAND,
    dienst,
    fake_sociale_kaart,
    make_tracker,
    unreachable,
)

DOMAIN_FILE = Path(__file__).resolve().parents[2] / "bot" / "domain" / "mantelzorgscan.yml"

# Smallingerland's offer for carers, one service per kind (the taxonomy terms of the scan).
AANBOD_SMALLINGERLAND = {
    "steunpunt_mantelzorg": [dienst("Steunpunt mantelzorg Smallingerland", "algemeen",
                                    telefoon="0512 000 130")],
    "respijtzorg": [dienst("Even vrij Smallingerland", "algemeen")],
    "lotgenotencontact": [dienst("Mantelzorgcafé Drachten", "algemeen")],
    "mantelzorgcursus": [dienst("Cursus omgaan met dementie Drachten", "algemeen")],
    "mantelzorgwaardering": [dienst("Mantelzorgwaardering gemeente Smallingerland",
                                    "informatie")],
    "clientondersteuning": [
        dienst("Cliëntondersteuning van de gemeente Smallingerland", "informatie",
               organization="Gemeente Smallingerland (voorbeeld)"),
        dienst("Onafhankelijke cliëntondersteuning in heel Fryslân", "informatie",
               organization="Onafhankelijke Cliëntondersteuning Fryslân (voorbeeld)")],
}


def kaart_met_aanbod(aanbod: dict[str, list[dict]]):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/search" and request.url.params.get("gemeente") == "GM0090":
            found = aanbod.get(request.url.params["categorie"], [])
            return httpx.Response(200, json={"gemeente": "GM0090", "totaal": len(found),
                                             "resultaten": found})
        return fake_sociale_kaart(request)
    return handler


def met_client(action, client):
    action.client = lambda: client  # type: ignore[method-assign]
    return action


def responses(dispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages]


# --- reading typed answers ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("mijn moeder", "ouder"), ("Myn mem", "ouder"), ("voor mijn schoonvader", "ouder"),
    ("heit", "ouder"), ("mijn man", "partner"), ("myn frou", "partner"),
    ("mijn dochter met autisme", "kind"), ("ús soan", "kind"), ("de buurvrouw", "ander"),
    ("myn buorman", "ander"), ("iemand anders", "ander"), ("immen oars", "ander"),
    ("mijn oma", "ander"), ("iemand met dementie, mijn vader", "ouder"),
    ("mijn vriend", "partner"), ("mijn vriend en zijn moeder", "ouder"),
    ("weet ik niet", None), ("", None),
])
def test_who_is_cared_for(text, expected):
    assert voor_wie_uit(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("5", "minder_dan_8"), ("zo'n 15 uur", "8_tot_20"), ("8", "8_tot_20"),
    ("20 uur", "8_tot_20"), ("meer dan 20 uur", "meer_dan_20"),
    ("minder dan 8 uur", "minder_dan_8"),
    ("8 tot 20 uur", "8_tot_20"), ("2 uur per dag", "8_tot_20"), ("4 oeren deis", "meer_dan_20"),
    ("dag en nacht", "meer_dan_20"), ("tien", "8_tot_20"), ("fiif oeren", "minder_dan_8"),
    ("een uur of tien", "8_tot_20"), ("mear as 20 oeren", "meer_dan_20"),
    ("200", None), ("veel", None),
])
def test_hours_a_week(text, expected):
    assert uren_uit(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2 maanden", "korter_dan_3_maanden"), ("drie weken", "korter_dan_3_maanden"),
    ("3 maanden", "3_maanden_tot_2_jaar"), ("een half jaar", "3_maanden_tot_2_jaar"),
    ("een jaar", "3_maanden_tot_2_jaar"), ("2 jaar", "3_maanden_tot_2_jaar"),
    ("anderhalf jaar", "3_maanden_tot_2_jaar"), ("al 5 jaar", "langer_dan_2_jaar"),
    ("langer dan 2 jaar", "langer_dan_2_jaar"), ("al jaren", "langer_dan_2_jaar"),
    ("twa jier", "3_maanden_tot_2_jaar"), ("fiif jier", "langer_dan_2_jaar"),
    ("in moanne", "korter_dan_3_maanden"), ("net begonnen", "korter_dan_3_maanden"),
    ("3", None), ("lang", None),
])
def test_how_long(text, expected):
    assert duur_uit(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("7", "7"), ("een 8", "8"), ("8 van de 10", "8"), ("zeven", "7"), ("sân", "7"),
    ("0", "0"), ("10", "10"), ("veel te zwaar", "10"), ("hielendal net swier", "0"),
    ("een beetje zwaar", None), ("11", None), ("best zwaar", None),
])
def test_how_heavy_on_the_self_rated_burden_scale(text, expected):
    assert zwaarte_uit(text) == expected


def test_every_button_sends_a_value_the_scan_accepts():
    payloads = re.findall(r'\\"(mz_\w+)\\": \\"([^\\]+)\\"', DOMAIN_FILE.read_text("utf-8"))
    assert len(payloads) == 2 * (4 + 3 + 3) + 11  # nl and fy; the 0-10 buttons are shared
    for slot, value in payloads:
        assert value in WAARDEN[slot], (slot, value)


# --- the form -----------------------------------------------------------------------------


async def valideer(slot: str, value, dispatcher, slots=None, client=None):
    form = ValidateMantelzorgscanForm()
    if client is not None:
        met_client(form, client)
    method = getattr(form, f"validate_{slot}")
    return await method(value, dispatcher, make_tracker(slots or {}, text=str(value)), {})


async def test_a_button_value_is_taken_as_it_is(dispatcher):
    assert await valideer("mz_uren", "meer_dan_20", dispatcher) == {"mz_uren": "meer_dan_20"}
    assert await valideer("mz_zwaarte", "0", dispatcher) == {"mz_zwaarte": "0"}
    assert dispatcher.messages == []


async def test_a_typed_answer_is_read(dispatcher):
    assert await valideer("mz_voor_wie", "voor myn mem", dispatcher) == {"mz_voor_wie": "ouder"}
    assert await valideer("mz_duur", "al 4 jaar", dispatcher) == {"mz_duur": "langer_dan_2_jaar"}


@pytest.mark.parametrize(("slot", "hint"), [
    ("mz_voor_wie", "utter_mz_kies_voor_wie"), ("mz_uren", "utter_mz_kies_uren"),
    ("mz_duur", "utter_mz_kies_duur"), ("mz_zwaarte", "utter_mz_kies_zwaarte"),
])
async def test_an_unclear_answer_gets_a_hint_and_the_question_again(dispatcher, slot, hint):
    assert await valideer(slot, "wat bedoelt u?", dispatcher) == {slot: None}
    assert responses(dispatcher) == [hint]


@pytest.mark.parametrize("text", ["stop", "Stop!", "ik wil stoppen", "ophâlde"])
async def test_stop_ends_the_scan_at_any_step(dispatcher, text):
    assert await valideer("mz_duur", text, dispatcher) == {"mz_duur": None,
                                                          "mz_gestopt": "gestopt"}
    form = ValidateMantelzorgscanForm()
    assert await form.required_slots([], dispatcher, make_tracker({"mz_gestopt": "gestopt"}),
                                     {}) == []


async def test_the_place_is_asked_only_when_the_gemeente_is_unknown(dispatcher):
    form = ValidateMantelzorgscanForm()
    unknown = await form.required_slots([], dispatcher, make_tracker({}), {})
    known = await form.required_slots([], dispatcher, make_tracker({"gemeente_code": "GM0090"}),
                                      {})
    assert unknown == ["mz_woonplaats", "mz_voor_wie", "mz_uren", "mz_duur", "mz_zwaarte"]
    assert known == ["mz_voor_wie", "mz_uren", "mz_duur", "mz_zwaarte"]


async def test_the_place_sets_the_gemeente(client_with, dispatcher):
    slots = await valideer("mz_woonplaats", "drachten", dispatcher,
                           client=client_with(fake_sociale_kaart))
    assert slots["gemeente_code"] == "GM0090"
    assert slots["woonplaats"] == slots["mz_woonplaats"] == "Drachten"


async def test_an_unknown_place_is_asked_once_more_then_the_scan_goes_on(client_with,
                                                                          dispatcher):
    client = client_with(fake_sociale_kaart)
    first = await valideer("mz_woonplaats", "Atlantis", dispatcher, client=client)
    assert first == {"mz_woonplaats": None, "mz_plaats_pogingen": 1.0}
    assert responses(dispatcher) == ["utter_mz_plaats_onbekend"]
    second = await valideer("mz_woonplaats", "Atlantis", dispatcher,
                            slots={"mz_plaats_pogingen": 1.0}, client=client)
    assert second["mz_woonplaats"] == "Atlantis" and second["gemeente_code"] is None


async def test_the_place_is_kept_when_the_kaart_is_down(client_with, dispatcher):
    slots = await valideer("mz_woonplaats", "Drachten", dispatcher,
                           client=client_with(unreachable))
    assert slots["mz_woonplaats"] == "Drachten" and slots["gemeente_code"] is None


async def test_start_forgets_an_earlier_scan_and_resolves_a_place_from_the_widget(client_with,
                                                                                 dispatcher):
    tracker = make_tracker({"woonplaats": "Drachten", "mz_uren": "8_tot_20"})
    events = await met_client(ActionMantelzorgscanStart(),
                              client_with(fake_sociale_kaart)).run(dispatcher, tracker, {})
    gezet = {e["name"]: e["value"] for e in events}
    assert responses(dispatcher) == ["utter_mantelzorgscan_start"]
    assert gezet["mz_uren"] is None and gezet["mz_gestopt"] is None
    assert gezet["gemeente_code"] == "GM0090"


# --- the overview -------------------------------------------------------------------------

ZWAAR = {"gemeente_code": "GM0090", "mz_voor_wie": "partner", "mz_uren": "meer_dan_20",
         "mz_duur": "langer_dan_2_jaar", "mz_zwaarte": "8"}
LICHT = {"gemeente_code": "GM0090", "mz_voor_wie": "ouder", "mz_uren": "minder_dan_8",
         "mz_duur": "korter_dan_3_maanden", "mz_zwaarte": "3"}


@pytest.mark.parametrize(("slots", "expected"), [
    (ZWAAR, "zwaar"), (LICHT, "licht"), ({**LICHT, "mz_uren": "8_tot_20"}, "veel"),
    ({**LICHT, "mz_duur": "3_maanden_tot_2_jaar"}, "veel"), ({**LICHT, "mz_zwaarte": "7"}, "zwaar"),
])
def test_the_answers_choose_the_opening(slots, expected):
    assert situatie(make_tracker(slots)) == expected


async def overzicht(client, dispatcher, slots):
    action = met_client(ActionMantelzorgscanOverzicht(), client)
    return await action.run(dispatcher, make_tracker(slots), {})


async def test_heavy_care_puts_the_consulent_and_a_break_first(client_with, dispatcher):
    await overzicht(client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)), dispatcher, ZWAAR)
    assert responses(dispatcher) == [
        "utter_mz_overzicht_zwaar", "utter_mz_aanbod_intro", "utter_mz_aanbod_consulent",
        "utter_mz_aanbod_respijtzorg", "utter_mz_aanbod_lotgenoten", "utter_mz_aanbod_cursus",
        "utter_mz_aanbod_waardering", "utter_mz_aanbod_clientondersteuning",
        "utter_voorbeeldgegevens", "utter_mz_vervolg"]
    consulent = dispatcher.messages[2]
    assert consulent["naam"] == "Steunpunt mantelzorg Smallingerland"
    assert consulent["telefoon"] == "0512 000 130"
    assert dispatcher.messages[1]["gemeente_naam"] == "Smallingerland"


async def test_light_care_starts_with_others_and_learning(client_with, dispatcher):
    await overzicht(client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)), dispatcher, LICHT)
    shown = [r for r in responses(dispatcher) if r.startswith("utter_mz_aanbod_")][1:]
    assert responses(dispatcher)[0] == "utter_mz_overzicht_licht"
    assert shown == ["utter_mz_aanbod_lotgenoten", "utter_mz_aanbod_cursus",
                     "utter_mz_aanbod_consulent", "utter_mz_aanbod_waardering",
                     "utter_mz_aanbod_respijtzorg", "utter_mz_aanbod_clientondersteuning"]


async def test_independent_clientondersteuning_is_named(client_with, dispatcher):
    await overzicht(client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)), dispatcher, ZWAAR)
    co = next(m for m in dispatcher.messages
              if m["response"] == "utter_mz_aanbod_clientondersteuning")
    assert co["naam"].startswith("Onafhankelijke")


async def test_kinds_the_gemeente_lacks_are_left_out(client_with, dispatcher):
    alleen = {"steunpunt_mantelzorg": AANBOD_SMALLINGERLAND["steunpunt_mantelzorg"]}
    await overzicht(client_with(kaart_met_aanbod(alleen)), dispatcher, ZWAAR)
    assert [r for r in responses(dispatcher) if r.startswith("utter_mz_aanbod_")] == [
        "utter_mz_aanbod_intro", "utter_mz_aanbod_consulent"]


async def test_no_offer_at_all_gives_the_gemeentes_phone(client_with, dispatcher):
    await overzicht(client_with(kaart_met_aanbod({})), dispatcher, LICHT)
    assert responses(dispatcher) == ["utter_mz_overzicht_licht", "utter_mz_aanbod_leeg",
                                     "utter_mz_vervolg"]
    assert dispatcher.messages[1]["telefoon"] == TOEGANG_SMALLINGERLAND["telefoon"]


async def test_the_kaart_down_gives_the_phone_route_and_the_next_steps(client_with, dispatcher):
    await overzicht(client_with(unreachable), dispatcher, ZWAAR)
    assert responses(dispatcher) == ["utter_mz_overzicht_zwaar", "utter_mz_kaart_onbereikbaar",
                                     "utter_mz_vervolg"]


async def test_an_unknown_gemeente_gives_the_phone_route(client_with, dispatcher):
    await overzicht(client_with(fake_sociale_kaart), dispatcher,
                    {**LICHT, "gemeente_code": None, "woonplaats": "Atlantis"})
    assert responses(dispatcher)[1:] == ["utter_mz_kaart_onbereikbaar", "utter_mz_vervolg"]


async def test_frisian_overview_names_the_gemeente_in_frisian(client_with, dispatcher):
    await overzicht(client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)), dispatcher,
                    {**LICHT, "taal": "fy"})
    assert dispatcher.messages[1]["gemeente_naam"] == "Smellingerlân"
    notice = next(m for m in dispatcher.messages if m["response"] == "utter_voorbeeldgegevens")
    assert notice["datum"] == "22 Novimber 2026"


async def test_after_stop_only_a_short_goodbye(client_with, dispatcher):
    events = await overzicht(client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)), dispatcher,
                             {"mz_gestopt": "gestopt"})
    assert responses(dispatcher) == ["utter_mantelzorgscan_gestopt"]
    assert events == [{"event": "slot", "timestamp": None, "name": "mz_gestopt",
                       "value": None}]


async def test_the_example_notice_is_given_once(client_with, dispatcher):
    gezegd = [{"event": "bot", "metadata": {"utter_action": "utter_voorbeeldgegevens"}}]
    action = met_client(ActionMantelzorgscanOverzicht(),
                        client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)))
    await action.run(dispatcher, make_tracker(ZWAAR, events=gezegd), {})
    assert "utter_voorbeeldgegevens" not in responses(dispatcher)


async def test_the_consulent_button_gives_the_phone(client_with, dispatcher):
    action = met_client(ActionMantelzorgscanConsulent(),
                        client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND)))
    await action.run(dispatcher, make_tracker({"gemeente_code": "GM0090"}), {})
    assert responses(dispatcher) == ["utter_mz_consulent_contact"]
    assert dispatcher.messages[0]["telefoon"] == "0512 000 130"
    assert dispatcher.messages[0]["openingstijden"] == "Op werkdagen."


@pytest.mark.parametrize("handler", [unreachable, kaart_met_aanbod({})])
async def test_without_a_consulent_the_general_route(client_with, dispatcher, handler):
    action = met_client(ActionMantelzorgscanConsulent(), client_with(handler))
    await action.run(dispatcher, make_tracker({"gemeente_code": "GM0090"}), {})
    assert responses(dispatcher) == ["utter_mz_consulent_onbekend"]


# --- the way in from the wegwijzer's answer to a carer -----------------------------------


async def test_the_carer_answer_offers_the_scan_once(client_with, dispatcher):
    client = client_with(kaart_met_aanbod(AANBOD_SMALLINGERLAND))
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "mantelzorg"})
    await met_client(ActionWegwijzer(), client).run(dispatcher, tracker, {})
    assert responses(dispatcher)[-2:] == ["utter_mantelzorgscan_aanbod", "utter_melding_aanbod"]
    again = make_tracker({"gemeente_code": "GM0090", "onderwerp": "mantelzorg"}, events=[
        {"event": "bot", "metadata": {"utter_action": "utter_mantelzorgscan_aanbod"}}])
    dispatcher.messages.clear()
    await met_client(ActionWegwijzer(), client).run(dispatcher, again, {})
    assert "utter_mantelzorgscan_aanbod" not in responses(dispatcher)


async def test_other_topics_do_not_offer_the_scan(client_with, dispatcher):
    tracker = make_tracker({"gemeente_code": "GM0090", "onderwerp": "huishouden"})
    await met_client(ActionWegwijzer(), client_with(fake_sociale_kaart)).run(dispatcher,
                                                                             tracker, {})
    assert "utter_mantelzorgscan_aanbod" not in responses(dispatcher)
