"""Signs of crisis in a message, and when a crisis intent must win.

Pure Python, so tests/bot can check it without Rasa; components/crisis.py puts it in the
NLU pipeline. Three nets: patterns catch the clearest signs; a crisis intent that the model
thinks reasonably likely (CRISIS_MIN_CONFIDENCE) wins even when another intent scored higher;
and a crisis that is the model's best guess wins however unsure the model is, instead of "I
did not understand". All err on the side of safety: a false alarm costs the resident one
message with a phone number.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_GEEN_DAK = (r"\b(geen (slaap)?plek|geen bed|op straat|geen dak|"
             r"nergens (heen|naartoe|slapen|te slapen))")
# Most urgent first: when a message shows several signs, the first one wins.
SIGNALEN: list[tuple[str, list[str]]] = [
    ("crisis_acuut", [
        r"\b(ligt|gevallen|valt|viel)\b.{0,40}\breageert (niet|nergens)",
        r"\breageert (niet|nergens) (meer )?op (aanspreken|roepen|mij|ons)\b",
        r"\bniet (meer )?aanspreekbaar\b",
        r"\bniet wakker (te krijgen|worden)\b|\bbuiten bewustzijn\b",
        r"\b(stikt|stikken|verslikt en)\b",
        r"\b(ruik|ruiken|rook) gas\b|\bgaslucht\b|\bgasgeur\b",
        r"\b(beroerte|herseninfarct)\b.{0,30}\b(nu|net|zojuist|gekregen)\b",
        r"\b(ademt|adem) niet\b",
        r"^\W*112\W*$|\bbel(t|len)? 112\b",
        r"\bbewusteloos\b",
        r"\bhartaanval\b",
        r"\bhuis (staat )?in brand\b|\ber is brand\b|\bbrand in (huis|de)\b",
        r"\bbloedt (heel |erg |zo )?(erg|veel|hevig)\b",
        r"\b(overdosis|teveel pillen|te veel pillen) (genomen|ingenomen|geslikt)\b",
    ]),
    ("crisis_suicide", [
        r"\bzelfmoord",
        r"\bzelfdoding",
        r"\bsuicid|\bsuicide",
        r"\b(wil|wilt|willen|wou) (graag )?(dood|sterven)\b",
        r"\bniet (meer )?(verder )?(wil|wilt|willen|wou) leven\b",
        r"\b(wil|wilt|willen) niet meer (verder )?leven\b",
        r"\been (eind|einde) (aan|maken aan) (mijn|zijn|haar|m'n|mn|z'n|het) leven\b",
        r"\ber een (eind|einde) aan (maken|te maken|making)\b",
        r"\buit het leven (stappen|te stappen|stapt)\b",
        r"\b(mezelf|mijzelf|zichzelf|hemzelf|haarzelf) (iets )?(aan (te )?doen|van kant)",
        r"\bvan kant (maken|te maken)\b",
        r"\bvoor de trein (springen|te springen|gooien)\b",
        r"\bleven (heeft|is) geen zin\b|\bgeen zin meer in (het|mijn) leven\b",
        r"\b(zie|ziet|zien) het (leven )?(echt |allemaal )?niet meer zitten\b",
        r"\b(mezelf|mijzelf) (op ?hangen|snijden|pijn doen)\b",
        r"\b(pillen|medicijnen) (sparen|verzamelen|opsparen)\b|\bafscheidsbrief\b",
        r"\b(wil|wilt|willen) er niet meer zijn\b|\ber niet meer (willen|wil) zijn\b",
    ]),
    ("crisis_geweld", [
        r"\bhuiselijk geweld\b",
        r"\bmishandel",
        r"\bveilig thuis\b",
        r"\b(slaat|sloeg|schopt|schopte|wurgt|wurgde|duwt|trapt|bedreigt|bedreigde) "
        r"(me|mij|ons|mijn|haar|hem|de kinderen)\b",
        r"\bgeslagen door\b|\bslaan (me|mij|ons)\b",
        r"\bheeft (me|mij) (weer |opnieuw )?pijn gedaan\b",
        r"\bblauwe plekken\b.{0,40}\b(man|vrouw|partner|vriend|vader|moeder|zoon|dochter)\b",
        r"\bdurf (niet|nooit) (meer )?(naar huis|thuis)\b",
        r"\b(sluit|sloot|houdt) (me|mij) op\b|\bopgesloten door\b",
        r"\b(misbruikt|misbruik van (een )?kind|seksueel misbruik|aangerand|verkracht)",
        r"\bbang (voor|van) (mijn|m'n|mn) (man|vrouw|partner|vriend|vriendin|ex|zoon|vader)\b",
    ]),
    ("crisis_dakloos", [
        rf"\b(vannacht|vanavond|vandaag)\b.{{0,40}}{_GEEN_DAK}",
        rf"{_GEEN_DAK}\b.{{0,40}}\b(vannacht|vanavond|vandaag)\b",
        r"\b(vandaag|net|zojuist) (het |mijn )?huis uit (gezet|gegooid)\b",
    ]),
]
# A crisis intent at or above this confidence wins over any other intent.
CRISIS_MIN_CONFIDENCE = 0.25
# The model's guesses only count for messages of at least this many words: on a place name or
# a one-word answer its ranking says nothing (the patterns still catch "zelfmoord").
CRISIS_MIN_WORDS = 3
_COMPILED = [(intent, [re.compile(p) for p in patterns]) for intent, patterns in SIGNALEN]


def normaliseer(text: str) -> str:
    without_accents = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(without_accents.lower().split())


def crisis_intent(text: str) -> str | None:
    """The crisis intent whose signs appear in `text`, most urgent first; None otherwise."""
    clean = normaliseer(text)
    for intent, patterns in _COMPILED:
        if any(p.search(clean) for p in patterns):
            return intent
    return None


def without_guessed_crisis(text: str, ranking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For a message too short for the model's guess to count, the ranking without crisis
    intents (a postcode is not an emergency); otherwise the ranking as it is."""
    if crisis_intent(text) or len(text.split()) >= CRISIS_MIN_WORDS:
        return ranking
    return [r for r in ranking if not r["name"].startswith("crisis_")]


def likely_crisis(text: str, ranking: list[dict[str, Any]]) -> str | None:
    """The model's best crisis guess, if it is the best guess overall or likely enough."""
    if len(text.split()) < CRISIS_MIN_WORDS:
        return None
    if ranking and ranking[0]["name"].startswith("crisis_"):
        return str(ranking[0]["name"])
    crises = [r for r in ranking if r["name"].startswith("crisis_")
              and r["confidence"] >= CRISIS_MIN_CONFIDENCE]
    return max(crises, key=lambda r: r["confidence"])["name"] if crises else None
