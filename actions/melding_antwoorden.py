"""Reads the resident's answers in the melding form: yes or no, who it is for, a name, a phone
number or e-mail address, and the commands 'terug', 'stop' and '... veranderen'.

Plain text rules, not the NLU model: the answers are names, numbers and short words the model
was never trained on, and a command must work the same way at every step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Commando", "Contact", "commando", "contact_uit", "ja_nee", "naam_uit", "normaal",
    "voor_wie",
]

# The fields a resident can name to change an answer, by the words people use for them.
VELD_WOORDEN: dict[str, tuple[str, ...]] = {
    "melding_voor_wie": ("voor wie", "voor mij", "voor iemand anders", "foar wa"),
    "melding_naam_ander": ("naam van", "zijn naam", "haar naam", "namme fan"),
    "melding_naam": ("naam", "namme"),
    "melding_contact": ("telefoon", "telefoan", "tillefoan", "nummer", "mail", "adres",
                        "bereik"),
    "melding_woonplaats": ("woonplaats", "wenplak", "plaats", "plak", "postcode", "dorp",
                           "stad"),
    "melding_vraag": ("vraag", "fraach", "verhaal", "omschrijving"),
    "melding_belmoment": ("belmoment", "bellen", "belle", "tijd", "tiid", "moment"),
    "melding_clientondersteuning": ("clientondersteun", "ondersteun", "kliintstipe", "stipe"),
    "melding_mantelzorger": ("mantel",),
}

_STOP = re.compile(r"^(ik wil )?(stop|stoppen|ik stop|ophouden|annuleer|annuleren|afbreken|"
                   r"laat maar|nee laat maar|ik wil niet verder|hou maar op|"
                   r"ophalde|hald op|hou op)$")
_TERUG = re.compile(r"^(ga |een stap |graag )?(terug|vorige|vorige vraag|ga terug|werom)$")
_VERANDER = re.compile(r"\b(verander\w*|wijzig\w*|aanpass\w*|aan te passen|klopt niet|"
                       r"is fout|is verkeerd|verbeter\w*|oanpasse|feroarje)\b")
MAX_WOORDEN_COMMANDO = 8

_JA = re.compile(r"^(ja|jazeker|jawel|jep|ja hoor|ja graag|graag|zeker|klopt|dat klopt|"
                 r"ja dat klopt|ja klopt|alles klopt|ja alles klopt|goed|is goed|prima|"
                 r"oke|ok|okay|akkoord|doe maar|ja versturen|versturen|stuur maar|"
                 r"ja hoor dat is goed|dat is goed|sure|jes|dat is goed hoor)\b")
_NEE = re.compile(r"^(nee|neen|nope|nee dank u|nee bedankt|liever niet|niet|geen|hoeft niet|"
                  r"nee niet versturen|niet versturen|nee hoor|nein|net|gjin)\b")
_WEET_NIET = re.compile(r"(weet (ik )?niet|geen idee|misschien|twijfel|weet het niet|"
                        r"wit (ik )?net|ik weet het nog niet)")


@dataclass(frozen=True)
class Commando:
    soort: str  # "stop", "terug" or "veranderen"
    veld: str | None = None  # for "veranderen": the field, when the resident named one


@dataclass(frozen=True)
class Contact:
    telefoon: str | None = None
    email: str | None = None
    fout: str | None = None  # "telefoon" or "email": something that looks like one but is wrong


def normaal(text: str) -> str:
    """Lower case, no accents, no punctuation at the ends, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[!?.,;:'\"()]+", " ", text)
    return " ".join(text.split())


def commando(text: str) -> Commando | None:
    """'stop', 'terug' or 'telefoon veranderen'; None for an ordinary answer."""
    tekst = normaal(text)
    if _STOP.match(tekst):
        return Commando("stop")
    if _TERUG.match(tekst):
        return Commando("terug")
    if len(tekst.split()) <= MAX_WOORDEN_COMMANDO and _VERANDER.search(tekst):
        return Commando("veranderen", veld_in(tekst))
    return None


def veld_in(tekst: str) -> str | None:
    """The field named in a short text, or None."""
    for veld, woorden in VELD_WOORDEN.items():
        if any(woord in tekst for woord in woorden):
            return veld
    return None


def ja_nee(text: str, weet_niet: bool = False) -> str | None:
    """'ja', 'nee', 'weet_niet' (only when allowed) or None when it is not clear."""
    tekst = normaal(text)
    if weet_niet and _WEET_NIET.search(tekst):
        return "weet_niet"
    if _NEE.match(tekst):
        return "nee"
    if _JA.match(tekst):
        return "ja"
    return None


_ANDER = re.compile(r"\b(ander|anders|iemand|moeder|vader|ma|pa|mam|pap|man|vrouw|partner|"
                    r"zoon|dochter|kind|broer|zus|oma|opa|buurman|buurvrouw|buren|vriend|"
                    r"vriendin|schoonmoeder|schoonvader|tante|oom|familie|naaste|client|"
                    r"mem|heit|omke|muoike|bern|oar|oars|immen|buorman|buorfrou)\b")
_ZELF = re.compile(r"\b(mij|mezelf|mijzelf|zelf|ik|ikzelf|mysels|my|mijsels|uzelf)\b")


def voor_wie(text: str) -> str | None:
    """'zelf' or 'ander'; None when the answer says neither ("weet ik niet" has an "ik" in
    it, but says neither)."""
    tekst = normaal(text)
    if _WEET_NIET.search(tekst):
        return None
    if _ANDER.search(tekst):
        return "ander"
    if _ZELF.search(tekst):
        return "zelf"
    return None


_NAAM_INLEIDING = re.compile(r"^(mijn naam is|mijn naam|ik ben|ik heet|dit is|naam|hij heet|"
                             r"zij heet|ze heet|het is|haar naam is|zijn naam is|myn namme is|"
                             r"ik hjit)\s+", re.IGNORECASE)
_NAAM = re.compile(r"^[^\W\d_][\w'’. -]*$")
MAX_WOORDEN_NAAM = 6
# Short answers that are words, not names.
GEEN_NAAM = {"ik", "mij", "mijzelf", "mezelf", "u", "jij", "hij", "zij", "ze", "wij", "naam",
             "voor mij", "mijn naam", "stop", "terug", "hallo", "hoi", "help"}
MAX_NAAM = 200


def naam_uit(text: str) -> str | None:
    """The name without 'mijn naam is'; None when it cannot be a name (digits, a long text).
    In 'ik ben zijn dochter, Marije de Jong' the name is the part after the comma."""
    naam = _naam_alleen(text)
    if naam is None and "," in text:
        naam = _naam_alleen(text.rsplit(",", 1)[1])
    return naam


def _naam_alleen(text: str) -> str | None:
    naam = " ".join(text.strip().strip(".!").split())
    naam = _NAAM_INLEIDING.sub("", naam).strip()
    if not naam or len(naam) > MAX_NAAM or len(naam.split()) > MAX_WOORDEN_NAAM:
        return None
    if not _NAAM.match(naam) or any(c.isdigit() for c in naam):
        return None
    if normaal(naam) in GEEN_NAAM or ja_nee(naam, weet_niet=True):
        return None
    return naam


_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+")
_EMAIL_LIJKEND = re.compile(r"\S+@\S*")
_TELEFOON_LIJKEND = re.compile(r"(\+|\()?\d[\d\s().-]{5,}\d")
_GOED_NUMMER = re.compile(r"0[1-9]\d{8}")


def telefoon_normaal(text: str) -> str | None:
    """A Dutch phone number as ten digits (0612345678), or None."""
    compact = re.sub(r"[\s().-]", "", text.replace("(0)", ""))
    for landcode in ("+31", "0031"):
        if compact.startswith(landcode):
            compact = "0" + compact[len(landcode):]
            break
    return compact if _GOED_NUMMER.fullmatch(compact) else None


def contact_uit(text: str) -> Contact:
    """The phone number and/or e-mail address in an answer."""
    email_match = _EMAIL.search(text)
    email = email_match.group(0).rstrip(".") if email_match else None
    if email is None and _EMAIL_LIJKEND.search(text):
        return Contact(fout="email")
    rest = _EMAIL.sub(" ", text)
    nummer = _TELEFOON_LIJKEND.search(rest)
    telefoon = telefoon_normaal(nummer.group(0)) if nummer else None
    if nummer and telefoon is None:
        return Contact(email=email, fout="telefoon")
    return Contact(telefoon=telefoon, email=email)


def telefoon_leesbaar(nummer: str) -> str:
    """0612345678 as '06 12345678'; other numbers as '0512 123456' (a four-digit area code is
    the most common outside the big cities)."""
    if nummer.startswith("06"):
        return f"{nummer[:2]} {nummer[2:]}"
    return f"{nummer[:4]} {nummer[4:]}"
