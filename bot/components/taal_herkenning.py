"""Which language a resident writes: Frisian (fy) or Dutch (nl), or not clear enough to say.

Pure Python, so tests/bot can check it without Rasa; components/taal.py puts it in the NLU
pipeline, where a clear answer becomes the entity `taal` and so fills the slot `taal`.

Spoken Frisian mixes with Dutch, so a message counts words that only one of the two languages
has. A clear request ("kinne wy Frysk prate?", "graag in het Nederlands") always wins. Otherwise
the language only changes on clear evidence: one Dutch word in a Frisian conversation ("hulp
in huis") or a place name does not switch it, and a reply stays in the language the resident
was already getting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Taalkar", "gevraagde_taal", "herken_taal", "schrijftaal", "taalkar", "telling"]

def _lijst(woorden: str) -> frozenset[str]:
    return frozenset(woorden.split())


# Words Frisian has and Dutch has not (as written by residents, also without diacritics). The
# last lines are how Frisian speakers often write Dutch: an infinitive without its "n" ("wie
# moet ik belle"), "mot", "hew".
FRYSKE_WURDEN = _lijst("""
bin binne myn dyn syn hjir dêr der't wêr wer't hoe't wat't dat't kin kinne koe koene wol wolle
woe moat moatte moast hawwe ha hie hiene hienen gjin yn it hy sy jo jim ús uzes harren mem
heit pake beppe bern soan frou freon freondinne buorman buorfrou buorren hûs hus thús thus
wenje wenjen wenne wennet hjoed juster moarn jûn wike dei jier âld âlde noch ek no mar oer
foar fan mei troch sûnder sunder tsjin nei graach tige allinne allinnich sels stipe soarch
fersoarging jild betelje wurk wurde wurdt waard gean giet gie komme kaam sjen sjoch seach sizze
seit sei dwaan docht dien krije kriget krige krigen sykje fyn fine witte wit wist tinke tink
miskien hoefolle wannear hokker hokke wa wêrom wearom boadskippen skjin skjinmeitsje iten ite
ferfier trep dûs stikken fallen lêste lêst wêze wiene hûshâlding húshâlden húshâlding helpe
net fûn sjoen dizze dy ien twa trije hiel hiele hielendal altyd nea sa'n sokke soks
gemeentehûs dochs efkes hasto bisto kinsto wolsto nedich fraach hinne soargen fannacht mear
eins neat hat hearre hear tank oant
mot hew hewwe wese belle wone wonne spreke bereike aanfrage aanvrage oanfrage kriege regele
betelle soeke beswaar beswier
""")
# Words Dutch has and Frisian has not.
NEDERLANDSE_WOORDEN = _lijst("""
ben mijn zijn hier waar niet geen het hij zij ze uw jij voor van met over nu ook maar nog graag
heel kan kunnen wil willen moet moeten heb hebben had wordt worden gaan gaat komen zien zeggen
doen krijgen zoeken vinden weten weet denken misschien hoeveel wanneer welke waarom
boodschappen schoon schoonmaken eten vervoer alleen zelf beter hulp zorg huis thuis wonen
woon woont vandaag gisteren morgen week dag jaar oud moeder vader opa oma kinderen vrouw
vriend buurman buurvrouw geld betalen werk trap douche gevallen kapot erg echt steeds meer
kunt wilt moet heeft hebt zou zouden niks iets iemand niemand
""")
# Frisian letters that Dutch does not use, and spellings Dutch words do not have: "oa"
# (oan, moarn), "ea" (neat, mear; not in "team"), "tsj", "lj-", "sk-", and a verb or noun ending
# in a consonant + "je(n)" (meitsje, oanfreegje, leverjen; Dutch "-tje" diminutives excluded).
_FRYSKE_LETTERS = re.compile(r"[âêôûú]")
_FRYSKE_FOARM = re.compile(r"oa|(?<!t)ea(?!m)|tsj|^lj|^sk(?!i)|[rlnb]jen?$|[^aeiouy]jen$")
_GEEN_FRYSKE_FOARM = _lijst("""
boa koala idea ideaal zeal real realiteit oase croatie kroatie theater ocean oranje fryslân
""")
_WOORD = re.compile(r"[a-zâêôûúàèéëïöüäç']+", re.IGNORECASE)

_FRYSK = r"(frysk|fries)"
_NEDERLANDS = r"(nederlands|hollands|nederlânsk|hollânsk)"
_FRYSK_GEVRAAGD = re.compile(
    rf"\b(kinne|kin|kinsto|kinst|kun|kan|kunnen|kunt|mei|mag)\b.{{0,25}}\b{_FRYSK}\b|"
    rf"\b(yn it|in het|op|naar het|nei it)\s+{_FRYSK}\b|"
    rf"\b{_FRYSK}\b.{{0,15}}\b(graach|graag|asjebleaft|asjeblieft|alstublieft|prate|prat|"
    rf"makliker|makkelijker)\b|"
    rf"\b(praat|prate|praten|sprek|spreek|leaver|liever|skriuw|schrijf)\b.{{0,15}}\b{_FRYSK}\b")
_NEDERLANDS_GEVRAAGD = re.compile(
    rf"\b(in het|yn it|op|naar het|nei it|gewoon|gewoan|mar)\s+{_NEDERLANDS}\b|"
    rf"\b{_NEDERLANDS}\b.{{0,15}}\b(graag|alstublieft|graach|asjebleaft|praten|prate)\b|"
    rf"\b(praat|praten|prate|spreek|leaver|liever|skriuw|schrijf)\b.{{0,15}}\b{_NEDERLANDS}\b|"
    # "ik versta geen Fries", "ik begryp it Frysk net": not Frisian, so Dutch.
    rf"\b(versta|verstaan|begrijp|lees|ferstean|begryp|lês)\b.{{0,12}}\b(geen|gjin)\s+{_FRYSK}\b|"
    rf"\b(versta|begrijp|lees|ferstean|begryp|lês)\b.{{0,12}}\b{_FRYSK}\b.{{0,6}}\b(niet|net)\b")
# A message that is only the name of a language ("Frysk", "Nederlands graag") chooses it.
_ALLINNE_TAAL = re.compile(rf"^\W*(?:(?P<fy>{_FRYSK})|(?P<nl>{_NEDERLANDS}))\W*$")

# How much clearer one language must be before the conversation switches to it.
MIN_FRYSK = 2
MIN_NEDERLANDS = 3


def _normaal(text: str) -> str:
    return unicodedata.normalize("NFC", text.lower())


def gevraagde_taal(text: str) -> str | None:
    """The language the resident asks for in so many words, if any."""
    tekst = _normaal(text)
    if allinne := _ALLINNE_TAAL.match(tekst):
        return "fy" if allinne.group("fy") else "nl"
    if _NEDERLANDS_GEVRAAGD.search(tekst):
        return "nl"
    if _FRYSK_GEVRAAGD.search(tekst):
        return "fy"
    return None


# A request this short is only about the language; a longer one also asks a question, which
# the model answers (in the language asked for).
MAX_WOORDEN_TAALFRAACH = 7


def _woorden(text: str) -> list[str]:
    """The words of a message in lower case, without names: a word with a capital inside a
    sentence ("in It Hearrenfean", "bij De Fryske Marren") is a place or a name, in both
    languages."""
    woorden = []
    for zin in re.split(r"(?<=[.!?])\s+", unicodedata.normalize("NFC", text.strip())):
        origineel = _WOORD.findall(zin) or [""]
        hoofdletter = [w[:1].isupper() for w in _WOORD.findall(zin)]
        for i, woord in enumerate(w.lower() for w in origineel if w):
            # A capital inside a sentence is a name; so is a first word followed by one
            # ("It Hearrenfean", "De Jouwer").
            if hoofdletter[i] and (i > 0 or (len(hoofdletter) > 1 and hoofdletter[1])):
                continue
            woorden.append(woord)
    return woorden


def telling(text: str) -> tuple[float, float]:
    """(Frisian evidence, Dutch evidence) in a message."""
    woorden = _woorden(text)
    frysk = sum(1.0 for w in woorden if w in FRYSKE_WURDEN)
    frysk += sum(1.0 for w in woorden if w not in FRYSKE_WURDEN and w not in NEDERLANDSE_WOORDEN
                 and w not in _GEEN_FRYSKE_FOARM
                 and (_FRYSKE_LETTERS.search(w) or _FRYSKE_FOARM.search(w)))
    nederlands = sum(1.0 for w in woorden if w in NEDERLANDSE_WOORDEN)
    return frysk, nederlands


def _dudlik_frysk(frysk: float, nederlands: float) -> bool:
    # Mixed messages lean to Frisian: a Frisian speaker borrows Dutch words, hardly the other
    # way round (no Dutch training example has two Frisian words and half as many Dutch).
    return frysk >= MIN_FRYSK and 2 * frysk >= nederlands


def _schrijftaal(frysk: float, nederlands: float) -> str | None:
    if _dudlik_frysk(frysk, nederlands):
        return "fy"
    if frysk >= 1 and nederlands == 0:
        return "fy"
    if nederlands >= MIN_NEDERLANDS and frysk == 0:
        return "nl"
    if nederlands >= MIN_NEDERLANDS and nederlands >= 3 * frysk:
        return "nl"
    return None


def schrijftaal(text: str) -> str | None:
    """'fy' or 'nl' when the message is clearly written in it; None when it is not clear (a
    place name, "ja", a number, a few words that both languages have)."""
    return _schrijftaal(*telling(text))


@dataclass(frozen=True)
class Taalkar:
    """What one message says about the language."""

    taal: str | None  # the language to answer in from now on; None keeps the current one
    # Frisian beyond doubt: asked for, or at least MIN_FRYSK Frisian signs. One Frisian-looking
    # word and nothing Dutch is enough to answer in Frisian, but not to overrule a gemeente
    # where Dutch is the default (the Stellingwerven, where the dialect shares words with
    # Frisian).
    sker_frysk: bool
    allinne_fraach: bool  # the message only asks for a language ("kinne wy Frysk prate?")


def taalkar(text: str) -> Taalkar:
    gevraagd = gevraagde_taal(text)
    frysk, nederlands = telling(text)
    taal = gevraagd or _schrijftaal(frysk, nederlands)
    sker = gevraagd == "fy" if gevraagd else _dudlik_frysk(frysk, nederlands)
    return Taalkar(taal=taal, sker_frysk=taal == "fy" and sker,
                   allinne_fraach=gevraagd is not None
                   and len(text.split()) <= MAX_WOORDEN_TAALFRAACH)


def herken_taal(text: str) -> str | None:
    """The language to answer in from now on, or None to keep the current one."""
    return taalkar(text).taal
