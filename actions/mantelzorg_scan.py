"""The mantelzorgscan: a carer's four short answers about their own situation.

Who they care for, how many hours a week, how long, and how heavy it feels (the Self-Rated
Burden scale, 0 to 10). The buttons send the answer as an entity; a typed answer ("mijn
moeder", "zo'n 15 uur", "al drie jaar", "een 8") is read here with plain text rules, because
the model was never trained on such answers and the scan must read them the same way each time.
An answer that cannot be read gets a short hint and the question again. 'stop' ends the scan at
every step. docs/mantelzorg.md describes the questions and where they come from.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.melding_antwoorden import commando, normaal
from actions.sociale_kaart_client import SocialeKaartClient, SocialeKaartOnbereikbaar
from actions.taal import taal_na_plaats
from actions.wegwijzer import bekende_gemeente
from actions.woonplaats_form import vind_plaats

__all__ = ["ActionMantelzorgscanStart", "ValidateMantelzorgscanForm", "duur_uit",
           "uren_uit", "voor_wie_uit", "zwaarte_uit"]

logger = logging.getLogger(__name__)

VRAGEN = ["mz_voor_wie", "mz_uren", "mz_duur", "mz_zwaarte"]
STAPPEN = ["mz_woonplaats", *VRAGEN]
# The values the buttons send; a typed answer is turned into one of these.
WAARDEN: dict[str, frozenset[str]] = {
    "mz_voor_wie": frozenset({"partner", "ouder", "kind", "ander"}),
    "mz_uren": frozenset({"minder_dan_8", "8_tot_20", "meer_dan_20"}),
    "mz_duur": frozenset({"korter_dan_3_maanden", "3_maanden_tot_2_jaar", "langer_dan_2_jaar"}),
    "mz_zwaarte": frozenset(str(n) for n in range(11)),
}
HINTS = {slot: f"utter_mz_kies_{slot.removeprefix('mz_')}" for slot in VRAGEN}
# After this many unknown places the scan goes on without the gemeente, so nobody is kept in
# a loop; the overview then gives the general phone route.
MAX_PLAATS_POGINGEN = 2
# The hours and months where the SCP/CBS line for intensive and long care lies.
GRENS_UREN = 8
MAX_UREN = 20
GRENS_MAANDEN = 3
MAX_MAANDEN = 24
UREN_PER_WEEK = 7 * 24

# --- reading typed answers ----------------------------------------------------------------

# Dutch and Frisian words for the person cared for. A compound such as "schoonmoeder" or
# "skoanmem" is matched by its ending.
_VOOR_WIE: dict[str, tuple[str, ...]] = {
    "partner": ("partner", "man", "vrouw", "echtgenoot", "echtgenote", "wederhelft", "frou",
                "vriend", "vriendin", "freon", "freondinne"),
    "ouder": ("ouder", "ouders", "vader", "moeder", "pa", "ma", "pap", "mam", "papa", "mama",
              "heit", "mem", "alden", "alder", "schoonouders", "skoanalden"),
    "kind": ("kind", "kinderen", "kindje", "zoon", "dochter", "soan", "bern", "bernsje",
             "puber", "baby", "poppe"),
    "ander": ("buur", "buren", "buurman", "buurvrouw", "buorman", "buorfrou", "buorlju",
              "broer", "zus", "zuster", "suster", "omke", "oom", "tante", "muoike", "opa", "oma",
              "pake", "beppe", "grootmoeder", "grootvader", "kleinkind", "familie", "famylje",
              "kennis", "vrienden", "vriendinnen", "kunde", "iemand", "immen", "anders",
              "ander", "oars", "oar"),
}
_OUDER_ACHTER = ("moeder", "vader", "mem", "heit")  # schoonmoeder, skoanheit
# "mijn vriend" can be a partner or a friend, and "iemand" says nothing yet: they count only
# when nothing clearer is named ("iemand met dementie, mijn vader" is a parent).
_VAAG = {"vriend", "vriendin", "freon", "freondinne", "iemand", "immen", "anders", "ander",
         "oars", "oar"}

# Number words; "een"/"ien" is also the article, so it counts only when no other number is
# there ("een uur of tien" is ten).
_GETAL_WOORDEN = {
    "nul": 0, "een": 1, "ien": 1, "twee": 2, "twa": 2, "drie": 3, "trije": 3, "vier": 4,
    "fjouwer": 4, "vijf": 5, "fiif": 5, "zes": 6, "seis": 6, "zeven": 7, "san": 7, "acht": 8,
    "negen": 9, "njoggen": 9, "tien": 10, "tsien": 10, "elf": 11, "alve": 11, "twaalf": 12,
    "tolve": 12, "vijftien": 15, "fyftjin": 15, "twintig": 20, "tweintich": 20, "dertig": 30,
    "tritich": 30, "veertig": 40, "fjirtich": 40, "paar": 3,
}
_LIDWOORD = {"een", "ien"}
_GETAL = re.compile(r"\d+(?:[.,]\d+)?")
_HALF = re.compile(r"\b(half|halve|heal|healwei)\b")
_ANDERHALF = re.compile(r"\b(anderhalf|oardel)\b")
_MINDER = re.compile(r"\b(minder dan|minder as|onder|korter dan|koarter as|nog geen|noch gjin)\b")
_MEER = re.compile(r"\b(meer dan|mear as|boven|langer dan|langer as|ruim|over de)\b")
_BEREIK = re.compile(r"(\d+)\s*(?:-|tot|oant|a|of)\s*(\d+)")
_DAG = re.compile(r"\b(per dag|elke dag|iedere dag|alle dagen|dagelijks|deis|per dei|"
                  r"elke dei|alle dagen|op een dag|op in dei)\b")
_ALTIJD = re.compile(r"\b(dag en nacht|dei en nacht|24 uur|24 oere|hele dag|hiele dei|"
                     r"altijd|altyd|fulltime|voltijd)\b")
_EENHEDEN: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"\b(dag|dagen|dei|deien)\b"), 1 / 30),
    (re.compile(r"\b(week|weken|wike|wiken)\b"), 12 / 52),
    (re.compile(r"\b(maand|maanden|mnd|moanne|moannen)\b"), 1.0),
    (re.compile(r"\b(jaar|jaren|jr|jier|jierren)\b"), 12.0),
)
_JAREN_LANG = re.compile(r"\b(jaren|jarenlang|jierren|jierrenlang|al heel lang|al hiel lang|"
                         r"heel lang|hiel lang|altijd al|altyd al)\b")
_NET_BEGONNEN = re.compile(r"\b(net begonnen|pas begonnen|sinds kort|net begjin|pas net|"
                           r"net pas|koart lyn)\b")
# The two ends of the Self-Rated Burden scale, as the question names them.
_NIET_ZWAAR = re.compile(r"\b(helemaal niet|hielendal net|totaal niet)\b")
_VEEL_TE_ZWAAR = re.compile(r"\b(veel te zwaar|folle te swier)\b")


def _woorden(tekst: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", tekst)


def _soort_van(woord: str) -> str | None:
    for soort, namen in _VOOR_WIE.items():
        if woord in namen:
            return soort
    if len(woord) > 6 and woord.endswith(_OUDER_ACHTER):
        return "ouder"
    return None


def voor_wie_uit(text: str) -> str | None:
    """'partner', 'ouder', 'kind' or 'ander' for a typed answer; None when it is unclear."""
    gevonden = [(soort, woord) for woord in _woorden(normaal(text))
                if (soort := _soort_van(woord)) is not None]
    duidelijk = [soort for soort, woord in gevonden if woord not in _VAAG]
    if duidelijk:
        return duidelijk[0]
    return gevonden[0][0] if gevonden else None


def _getallen(tekst: str) -> list[float]:
    """The numbers in a text: digits first; else number words, the article 'een' only when
    it is the only one."""
    cijfers = [float(g.replace(",", ".")) for g in _GETAL.findall(tekst)]
    if cijfers:
        return cijfers
    woorden = [w for w in _woorden(tekst) if w in _GETAL_WOORDEN]
    zonder_lidwoord = [w for w in woorden if w not in _LIDWOORD]
    return [float(_GETAL_WOORDEN[w]) for w in (zonder_lidwoord or woorden)]


def _hoeveelheid(tekst: str) -> float | None:
    """One amount in a text: the middle of a range ("8 tot 20"), a little under "minder dan
    8" and a little over "meer dan 20", so the amount falls in the button's own group."""
    if bereik := _BEREIK.search(tekst):
        return (float(bereik.group(1)) + float(bereik.group(2))) / 2
    getallen = _getallen(tekst)
    if _ANDERHALF.search(tekst):
        waarde = 1.5
    elif _HALF.search(tekst):
        # "een half jaar" is a half; "twee en een half jaar" is two and a half.
        waarde = getallen[0] + 0.5 if getallen and getallen[0] > 1 else 0.5
    elif getallen:
        waarde = getallen[0]
    else:
        return None
    if _MINDER.search(tekst):
        return waarde - 0.5
    if _MEER.search(tekst):
        return waarde + 0.5
    return waarde


def uren_uit(text: str) -> str | None:
    """The group for the hours a week: 'minder_dan_8', '8_tot_20' or 'meer_dan_20'."""
    tekst = normaal(text)
    if _ALTIJD.search(tekst):
        return "meer_dan_20"
    uren = _hoeveelheid(tekst)
    if uren is None or uren < 0:
        return None
    if _DAG.search(tekst):
        uren *= 7
    if uren > UREN_PER_WEEK:
        return None
    if uren < GRENS_UREN:
        return "minder_dan_8"
    return "8_tot_20" if uren <= MAX_UREN else "meer_dan_20"


def duur_uit(text: str) -> str | None:
    """The group for how long: 'korter_dan_3_maanden', '3_maanden_tot_2_jaar' or
    'langer_dan_2_jaar'. A number needs a unit: "3" alone could be months or years."""
    tekst = normaal(text)
    maanden = None
    for patroon, per_stuk in _EENHEDEN:
        if patroon.search(tekst):
            aantal = _hoeveelheid(tekst)
            if aantal is None and re.search(r"\b(in|een|ien)\b", tekst):
                aantal = 1.0  # "een jaar", "in moanne"
            if aantal is not None:
                maanden = aantal * per_stuk
            break
    if maanden is None:
        if _JAREN_LANG.search(tekst):
            return "langer_dan_2_jaar"
        if _NET_BEGONNEN.search(tekst):
            return "korter_dan_3_maanden"
        return None
    if maanden < GRENS_MAANDEN:
        return "korter_dan_3_maanden"
    return "3_maanden_tot_2_jaar" if maanden <= MAX_MAANDEN else "langer_dan_2_jaar"


def zwaarte_uit(text: str) -> str | None:
    """A score of 0 to 10 ("7", "een 8", "8 van de 10", "zeven"), or the scale's two ends in
    words. Other words ("best zwaar") are not turned into a number: the resident chooses it."""
    tekst = normaal(text)
    getallen = _getallen(tekst)
    if getallen and getallen[0] == int(getallen[0]) and 0 <= getallen[0] <= 10 and \
            (_GETAL.search(tekst) or len(_woorden(tekst)) <= 2):
        return str(int(getallen[0]))
    if _VEEL_TE_ZWAAR.search(tekst):
        return "10"
    if _NIET_ZWAAR.search(tekst):
        return "0"
    return None


LEZERS: dict[str, Callable[[str], str | None]] = {
    "mz_voor_wie": voor_wie_uit, "mz_uren": uren_uit, "mz_duur": duur_uit,
    "mz_zwaarte": zwaarte_uit,
}


def leeg_maken() -> list[dict[str, Any]]:
    """Events that forget the scan's answers, so a new scan starts fresh."""
    return [SlotSet(stap, None) for stap in STAPPEN] + \
        [SlotSet("mz_gestopt", None), SlotSet("mz_plaats_pogingen", 0.0)]


# --- the actions --------------------------------------------------------------------------


class ActionMantelzorgscanStart(Action):
    """Opens the scan: says what comes, forgets an earlier scan's answers and looks up the
    gemeente of a place the resident already named (also one sent by the widget)."""

    def name(self) -> str:
        return "action_mantelzorgscan_start"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_mantelzorgscan_start")
        events = leeg_maken()
        try:
            _, gevonden = await bekende_gemeente(self.client(), tracker)
        except SocialeKaartOnbereikbaar:
            logger.exception("sociale kaart unreachable while starting the mantelzorgscan")
            gevonden = []
        return [*events, *gevonden]


class ValidateMantelzorgscanForm(FormValidationAction):
    def name(self) -> str:
        return "validate_mantelzorgscan_form"

    def client(self) -> SocialeKaartClient:
        return SocialeKaartClient.from_env()

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        """No questions after 'stop'; the place only while the gemeente is unknown."""
        if tracker.get_slot("mz_gestopt"):
            return []
        if tracker.get_slot("gemeente_code") and not tracker.get_slot("mz_woonplaats"):
            return list(VRAGEN)
        return list(STAPPEN)

    @staticmethod
    def _gestopt(slot: str, text: str) -> dict[str, Any] | None:
        gevonden = commando(text)
        if gevonden is not None and gevonden.soort == "stop":
            return {slot: None, "mz_gestopt": "gestopt"}
        return None

    def _lees(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
        if value is None:
            return {}
        text = str(value).strip()
        if (stop := self._gestopt(slot, text)) is not None:
            return stop
        if text in WAARDEN[slot]:  # a button
            return {slot: text}
        antwoord = LEZERS[slot](text)
        if antwoord is None:
            dispatcher.utter_message(response=HINTS[slot])
        return {slot: antwoord}

    async def validate_mz_voor_wie(self, value: Any, dispatcher: CollectingDispatcher,
                                   tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._lees("mz_voor_wie", value, dispatcher)

    async def validate_mz_uren(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._lees("mz_uren", value, dispatcher)

    async def validate_mz_duur(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._lees("mz_duur", value, dispatcher)

    async def validate_mz_zwaarte(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        return self._lees("mz_zwaarte", value, dispatcher)

    async def validate_mz_woonplaats(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if value is None:
            return {}
        text = str(value).strip()
        if (stop := self._gestopt("mz_woonplaats", text)) is not None:
            return stop
        try:
            found = await vind_plaats(self.client(), text)
        except SocialeKaartOnbereikbaar:
            # The overview then gives the general phone route.
            logger.exception("sociale kaart unreachable while resolving the scan's place")
            return {"mz_woonplaats": text[:100], "woonplaats": text[:100],
                    "gemeente_code": None, "gemeente_naam": None}
        if found is None:
            pogingen = int(tracker.get_slot("mz_plaats_pogingen") or 0) + 1
            if pogingen >= MAX_PLAATS_POGINGEN:
                return {"mz_woonplaats": text[:100], "gemeente_code": None,
                        "gemeente_naam": None, "mz_plaats_pogingen": 0.0}
            dispatcher.utter_message(response="utter_mz_plaats_onbekend")
            return {"mz_woonplaats": None, "mz_plaats_pogingen": float(pogingen)}
        gemeente = found["gemeente"]
        plaats = found.get("woonplaats") or gemeente["naam"]
        return {"mz_woonplaats": plaats, "woonplaats": plaats, "gemeente_code": gemeente["code"],
                "gemeente_naam": gemeente["naam"], "mz_plaats_pogingen": 0.0,
                **taal_na_plaats(tracker, gemeente["code"])}
