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

# Dutch puts the subject after the verb in many sentences ("eigenlijk wil ik niet meer leven",
# "soms wil hij dood"), so the wish patterns allow a subject and a softening word in between.
_WIL = (r"\b(wil|wilt|willen|wou|wilde|wilden)( (ik|je|jij|hij|ze|zij|we|wij|mijn \w+|m'n \w+))?"
        r"( (eigenlijk|echt|gewoon|liever|graag|soms|ook|het liefst|al lang|niet langer))*")
_GEEN_DAK = (r"\b(geen (slaap)?plek|geen bed|op straat|geen dak|"
             r"nergens (heen|naartoe|slapen|te slapen))")
# Most urgent first: when a message shows several signs, the first one wins.
SIGNALEN: list[tuple[str, list[str]]] = [
    ("crisis_acuut", [
        r"\b(ligt|gevallen|valt|viel)\b.{0,40}\breageert (niet|nergens)",
        r"\breageert (niet|nergens) (meer )?op (aanspreken|roepen|mij|ons)\b",
        r"\bniet (meer )?aanspreekbaar\b",
        r"\bniet wakker (te krijgen|worden)\b|\bbuiten bewustzijn\b",
        # Not "stikken" alone: in Frisian "it is stikken" means "it is broken".
        r"\bstikt\b|\b(aan het|gaat|ging|dreigt te) stikken\b|\bverslikt (en|zich)\b",
        r"\b(ruik|ruiken|rook) gas\b|\bgaslucht\b|\bgasgeur\b",
        # Not "net": in Frisian it means "not" ("sûnt myn beroerte slagget it net mear").
        r"\b(beroerte|herseninfarct|harsensinfarkt)\b.{0,30}"
        r"\b(nu|zojuist|gekregen|no|krekt|krigen|hat)\b",
        r"\b(ademt|adem) niet\b",
        r"^\W*112\W*$|\bbel(t|len)? 112\b",
        r"\bbewusteloos\b",
        r"\b(is|ligt) (net |zojuist |nu |daarnet )?(in elkaar gezakt|ineengezakt|flauwgevallen)\b",
        r"\bgevallen en (kan|kom|komt) (niet|net) (meer )?(overeind|opstaan|omhoog|oerein)\b",
        r"\b(scheve|hangende) (mond|mondhoek|gezicht)\b",
        r"\bhartaanval\b",
        r"\bhuis (staat )?in brand\b|\ber is brand\b|\bbrand in (huis|de)\b",
        r"\bbloed(t|en)? (heel |erg |zo |ontzettend )*(erg|veel|hevig)\b",
        r"\b(net|zojuist|nu|daarnet) (van de trap |op de grond |in de badkamer |thuis )?gevallen\b",
        r"\b(overdosis|teveel pillen|te veel pillen) (genomen|ingenomen|geslikt)\b",
        r"\bpijn (op|in) (de|zijn|haar|mijn) borst\b",
        r"\b(krijgt|krijg|kreeg) (bijna |haast )?geen (lucht|adem)\b|\bkan (bijna |haast )?niet "
        r"(meer )?ademen\b",
        r"\b(rook|vlammen) in (huis|de keuken|de gang|de slaapkamer)\b|\bhet brandt\b",
        r"\b(is|zijn) (vannacht |net |vanavond |zojuist )?(weggelopen|vermist)\b.{0,60}"
        r"\b(nacht|donker|kou|koud|dement|dementie|verward)",
        r"\b(dement|dementie|verward|in de war)\b.{0,80}\b(weggelopen|vermist|kwijt|"
        r"nergens (te )?vinden|niet (meer )?(te )?vinden)\b",
        # Frisian.
        r"\b(leit|lei|fallen|falt|foel)\b.{0,40}\breagearret (net|nearne)\b",
        r"\breagearret (net|nearne) (mear )?op (oansprekken|roppen|my|us)\b",
        r"\b(sykhellet|sykhelje|sykhelle) (hast |amper )?net\b|\bkin net (mear )?sykhelje\b",
        r"\b(kriget|krijt|krij) (hast |amper )?gjin (lucht|azem)\b",
        r"\bbewusteleas\b|\bnet wekker (te krijen|te krijen|wurde)\b",
        r"\b(ruk|ruke) gas\b",
        r"\b(hartoanfal|hertoanfal)\b",
        r"\bpine (op|yn) (de|it|syn|har|myn) boarst\b",
        r"\bhus (stiet )?yn 'e bran\b|\bder is bran\b|\bbran yn (hus|de|it)\b",
        r"\b(reek|flammen) (ut|yn) (de|it|'e) (keuken|hus|gong)\b",
        r"\b(krekt|no|just) (op 'e grun |op de grun )?fallen\b|"
        r"\b(fan de trep|fan de ljedder) fallen\b",
        r"\bfallen en (kom|komt|kin) net (mear )?oerein\b",
        r"\b(tefolle|te folle) pillen (slokt|nommen|ynnommen)\b",
        r"\bflau ?fallen\b.{0,30}\bnet (wer |mear )?wekker\b|\bnet (mear )?oansprekber\b",
        r"\brint blau oan\b|\bneedgefal\b",
        r"\b(demint|demintens|yn 'e war|yn de war)\b.{0,60}"
        r"\b(fan hus fuort|is fuort|weirun|weirint|kwyt|net te finen)\b",
    ]),
    ("crisis_suicide", [
        r"\bzelfmoord",
        r"\bzelfdoding",
        r"\bsuicid|\bsuicide",
        rf"{_WIL} (dood|sterven)\b",
        r"\bniet (meer )?(verder )?(wil|wilt|willen|wou) leven\b",
        rf"{_WIL} niet (meer|langer) (verder )?leven\b",
        rf"{_WIL} er niet (meer|langer) zijn\b",
        r"\bniet meer wakker (te )?(word|worden)\b",
        r"\bbeter af (zijn |is |zijn wij |zijn we )?zonder (mij|hem|haar)\b",
        r"\b(mezelf|mijzelf|zichzelf|hemzelf|haarzelf) (iets|wat) "
        r"(aan ?doet|aandoen|aan te doen)\b",
        # "het hoeft niet meer" alone is ordinary ("de hulp hoeft niet meer"); about oneself or
        # everything, at the end of a clause, it is a sign.
        r"\bhet (hoeft|hoeven) (voor mij (allemaal )?|allemaal (voor mij )?)niet (meer|langer)"
        r"(?=\s*([.,!?;]|$|en |maar |want |ik ))",
        r"\bhet (leven )?(hoeft|hoeven) niet (meer|langer) voor mij\b",
        r"\been (eind|einde) (aan|maken aan) (mijn|zijn|haar|m'n|mn|z'n|het) leven\b",
        r"\ber een (eind|einde) aan (maken|te maken|making)\b",
        r"\buit het leven (stappen|te stappen|stapt)\b",
        r"\b(mezelf|mijzelf|zichzelf|hemzelf|haarzelf) (iets )?(aan (te )?doen|van kant)",
        r"\bvan kant (maken|te maken)\b",
        r"\bvoor de trein (springen|te springen|gooien)\b",
        r"\bleven (heeft|is) geen zin\b|\bgeen zin meer in (het|mijn) leven\b",
        r"\b(zie|ziet|zien) het (leven )?(echt |allemaal )?niet meer zitten\b",
        r"\b(mezelf|mijzelf) (op ?hangen|snijden|pijn doen)\b",
        r"\b(snij|snijd|snijdt|beschadig|verwond) (ik |hij |ze |zij )?(mezelf|mijzelf|zichzelf)\b",
        r"\b(pillen|medicijnen) (sparen|verzamelen|opsparen)\b|\bafscheidsbrief\b",
        r"\b(god|de here|de heer|onze lieve heer)\b.{0,30}\b(komt halen|mag halen|halen mag|"
        r"wegneemt|laat sterven)\b",
        r"\ber niet meer (willen|wil) zijn\b",
        r"\bklaar met (het|mijn|m'n|mn) leven\b",
        r"\b(zie|ziet) (ik |hij |ze |zij )?geen (uitweg|uitkomst) meer\b",
        r"\b(pillen|medicijnen) (gespaard|verzameld|opgespaard)\b",
        r"\b(pillen|medicijnen) (liggen|lizze) (hier |hjir |al )*"
        r"(klaar|klear|op (de |'e )?tafel)\b",
        r"\bvan mij hoeft (het|t)( allemaal)? niet (meer|langer)\b",
        # Frisian.
        r"\bselsmoard",
        r"\b(wol|woe|wolle) (ik |hy |se |sy )?(dea|stjerre)\b",
        r"\b(wol|woe|wolle) (ik |hy |se |sy )?(eins |gewoan )?net (mear|langer) (libje|libbe)\b",
        r"\bin ein (meitsje )?oan (myn|syn|har) libben\b|\but it libben (stappe|stapt)\b",
        r"\bklear mei (it|myn|syn|har) libben\b",
        r"\bsjoch(t)? (ik |hy |se |sy )?gjin utwei mear\b",
        r"\bder in ein oan (meitsje|te meitsjen)\b",
        r"\b(wol|woe|wolle) (ik |hy |se |sy )?der net (mear|langer) weze\b",
        r"\b(sjoch|sjocht) it (libben )?(echt |allegear(re)? )?net mear sitten\b",
        r"\b(libben|it libben) hat (foar my )?gjin sin (mear)?\b|"
        r"\bgjin sin mear yn (it|myn) libben\b",
        r"\bbetter of (binne |is |weze )?sunder (my|him|har)\b",
        r"\bnea (wer|mear) wekker (wurde|te wurden)\b",
        r"\b(pillen|medisinen) (sparre|sparje|sammelje|garje)\b|\bofskiedsbrief\b",
        r"\b(snijt|snij|skeint) (ik |hy |se |sy )?(himsels|harsels|mysels)\b",
        r"\b(leaver|better) dea\b|\bdea (wol|wolle|woe)\b",
        r"\b(himsels|harsels|mysels) (wat|eat) (oan dwaan|oandwaan|oan te dwaan)\b",
        r"\bfan my hoecht (it|t)( allegear(re)?)? net (mear|langer)\b",
    ]),
    ("crisis_geweld", [
        r"\bhuiselijk geweld\b",
        r"\bmishandel",
        r"\bveilig thuis\b",
        r"\b(slaat|sloeg|meppt|mept|schopt|schopte|wurgt|wurgde|duwt|trapt|bedreigt|bedreigde) "
        r"(me|mij|ons|mijn|haar|hem|de kinderen)\b",
        r"\b(krijg|krijgt|kreeg|krijgen) (ik |ze |zij |hij |we |wij )?(klappen|slaag|een klap|"
        r"een pak slaag|een schop)\b",
        r"\b(geeft|gaf|geven) (me|mij|haar|hem|ons) (soms |vaak |weer |wel eens )?(een )?"
        r"(klap|klappen|schop|trap|por)\b",
        r"\bgeslagen door\b|\bslaan (me|mij|ons)\b",
        # The verb at the end of a clause: "een vriend die haar slaat".
        r"\b(die|dat|omdat|als|wanneer) (me|mij|ons|haar|hem|de kinderen|mijn \w+|m'n \w+) "
        r"(slaat|sloeg|slaan|sloegen|schopt|schopte|mishandelt|bedreigt|bedreigde)\b",
        r"\b(slaat|sloeg|schopt|schopte|duwt|trapt|bedreigt|bedreigde|mishandelt) "
        r"(hij|ze|zij|mijn \w+|m'n \w+) (me|mij|ons|haar|hem|de kinderen)\b",
        r"\b(word|wordt|worden|werd|werden) (thuis |weer |vaak |door \w+ )?"
        r"(geslagen|geschopt|gewurgd|bedreigd)\b",
        r"\b(heeft|hebben) (me|mij|ons|haar|hem) (weer |opnieuw |gisteren )?"
        r"(geslagen|geschopt|gewurgd|bedreigd)\b",
        r"\bheeft (me|mij) (weer |opnieuw )?pijn gedaan\b",
        r"\b(worden|wordt|wurde|wurdt) (de kinderen|de bern|ze|zij|se|sy) (geslagen|slein|geschopt|"
        r"skopt)\b",
        # Money taken from someone who depends on others is abuse too, for Veilig Thuis.
        r"\b(neemt|pakt|steelt|nimt|stielt) (al |steeds |hieltyd )?(het|al het|it|al it) "
        r"(geld|jild) "
        r"(van|fan) (mijn|m'n|ons|myn|us) (moeder|vader|oma|opa|mem|heit|beppe|pake)\b",
        r"\bblauwe plekken\b.{0,40}\b(man|vrouw|partner|vriend|vader|moeder|zoon|dochter)\b",
        r"\bonder de blauwe plekken\b",
        r"\bdurf (niet|nooit) (meer )?(naar huis|thuis)\b",
        r"\b(sluit|sloot|houdt) (me|mij|haar|hem|ons|mijn \w+|m'n \w+) op\b|\bopgesloten door\b",
        r"\b(misbruikt|misbruik van (een )?kind|seksueel misbruik|aangerand|verkracht)",
        r"\bbang (voor|van) (mijn|m'n|mn) (man|vrouw|partner|vriend|vriendin|ex|zoon|vader)\b",
        # Neglect and verbal abuse of someone who depends on others is also for Veilig Thuis.
        r"\bin (haar|zijn|hun) eigen (vuil|poep|plas|urine|ontlasting) (liggen|zitten)\b",
        r"\b(scheldt|schold|schelden) (haar|hem|me|mij|ons)( \w+){0,4} uit\b",
        r"\b(verwaarloost|verwaarloosd|verwaarlozing)\b.{0,30}\b(kind|kinderen|moeder|vader|"
        r"oma|opa|zoon|dochter|haar|hem)\b",
        # Frisian.
        r"\b(slacht|sloech|skopt|skoppet|wurget|driget) (er |hy |se |sy )?(my|us|har|him|"
        r"de bern|us mem|myn mem)\b",
        r"\b(wurd|wurdt|wurde|waard|waarden) (thus |wer |faak )?(slein|skopt|bedrige|wurge)\b",
        r"\b(wurd|wurdt|waard|bin|is|binne) slein troch\b|"
        r"\bbang foar (myn|us) (man|frou|partner|freon|freondinne|eks|soan|heit)\b",
        r"\bdoar (net|nea) (mear )?nei (hus|thus)\b",
        r"\b(dy't|dat|omdat|as) (my|us|har|him|de bern) (slacht|sloech|skopt|skoppet|driget)\b",
        r"\bhuslik geweld\b|\bmishannel",
        r"\b(hat|hawwe) (my|us|har|him) (wer |juster |alwer )?(sear dien|slein|skopt|bedrige)\b",
        r"\bby de kiel (pakt|pakke|grypt)\b|\b(fermoardet|fermoarde) (my|us|har|him)\b",
        r"\b(slut|sluten|slute) (my|us|har|him) op\b|\bopsletten troch\b",
        r"\bunder de blauwe plakken\b|\bhieltyd blauwe plakken\b",
        r"\b(ut ?skolden|utskelle) en slein\b|\bslein en (ut ?skolden|skopt)\b",
    ]),
    ("crisis_dakloos", [
        rf"\b(vannacht|vanavond|vandaag)\b.{{0,40}}{_GEEN_DAK}",
        rf"{_GEEN_DAK}\b.{{0,40}}\b(vannacht|vanavond|vandaag)\b",
        r"\b(vandaag|net|zojuist) (het |mijn )?huis uit (gezet|gegooid)\b",
        r"\b(moet|moeten) (ik |we |wij )?(vandaag|vanavond|nu) (mijn |ons |het )?"
        r"huis uit\b",
        r"\b(slaap|slapen) (ik |we |wij )?(nu |al )?"
        r"(in (mijn|m'n|de|onze) auto|buiten|op straat)\b",
        r"\b(gooit|gooide|zet|zette) (me|mij|ons) (eruit|er uit|op straat|het huis uit)\b",
        r"\b(huisbaas|verhuurder)\b.{0,40}\bsloten (vervangen|veranderd)\b",
        r"\b(sta|staan) (ik |we |wij )?(nu )?(op straat|buiten)\b"
        r".{0,40}\b(spullen|tassen|vuilniszakken|koffer)",
        r"\b(waar|ergens)\b.{0,30}\b(vannacht|vanavond)\b.{0,20}\b(slapen|overnachten)\b",
        r"\b(zit|zitten|sta|staan|staat) (ik |we |wij |hij |ze |zij )?(nu )?(met [\w ]{1,25} )?"
        r"op straat\b",
        r"\b(vannacht|vanavond)\b.{0,30}\b(buiten|in de auto|in mijn auto|op een bankje) "
        r"(slapen|overnachten)\b",
        # Frisian.
        r"\b(fannacht|fanjun|hjoed)\b.{0,40}\b(gjin (sliep)?plak|gjin bed|"
        r"op strjitte|gjin dak)\b",
        r"\b(gjin (sliep)?plak|gjin bed|op strjitte|gjin dak)\b.{0,40}"
        r"\b(fannacht|fanjun|hjoed)\b",
        r"\b(hjoed|krekt|no) (it |myn |us )?hus ut set\b",
        r"\bnacht ?opfang\b|\bneed ?opfang\b|\bopfang foar (fannacht|jun|hjoed)\b",
        r"\b(stean|stiet|steane|sit|sitte) (ik |wy |hy |se )?(no |jun |hjoed )?(mei [\w ]{1,25} )?"
        r"op strjitte\b",
        r"\b(fannacht|jun)\b.{0,30}\b(sliepe|sliepplak|sliepe moat|bute sliepe)\b|"
        r"\b(sliepe|sliepplak)\b.{0,30}\b(fannacht|jun)\b",
        r"\b(krekt|hjoed|jun) op strjitte set\b|\bde doar ut set\b",
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
