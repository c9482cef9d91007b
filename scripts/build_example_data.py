"""Build the example sociale kaart of the 18 Frisian gemeenten as one HSDS JSON document.

Writes `sociale_kaart/example_data/fryslan_hsds.json` (format: docs/sociale-kaart-data.md) and
`sociale_kaart/example_data/coordinaten.json`. Every organisation, address and phone number is
invented on purpose: a gemeente replaces the data with its own through the import. Only the
national crisis lines are real. Standard library only and deterministic, so the output changes
only when this script changes.

Run: python3 scripts/build_example_data.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "sociale_kaart" / "example_data"
GEMEENTEN_FILE = DATA_DIR / "fryslan.json"
TAXONOMY_FILE = ROOT / "sociale_kaart" / "taxonomy" / "wmo_taxonomie.json"
OUTPUT_FILE = DATA_DIR / "fryslan_hsds.json"
COORDINATES_FILE = DATA_DIR / "coordinaten.json"

Json = dict[str, Any]

BRON = "Voorbeeldgegevens Wmo wegwijzer (verzonnen, niet gecontroleerd)"
DATUM = "2026-11-22"
LANDELIJK = "Landelijk nummer"
VOORBEELDNUMMER = "Voorbeeldnummer"
SUFFIX = " (voorbeeld)"

WERKDAGEN = "MO,TU,WE,TH,FR"
ALLE_DAGEN = "MO,TU,WE,TH,FR,SA,SU"
# Stellingwerfs, not Frisian, is spoken there: services default to Dutch only.
STELLINGWERVEN = frozenset({"GM0085", "GM0098"})
EILANDEN = ("GM0060", "GM0088", "GM0093", "GM0096")
# Phone numbers per gemeente live in their own block so no two records share one by accident.
NUMMERS_PER_GEMEENTE = 40
EERSTE_REGIONUMMER = 900

# Approximate centre [lat, lon] of every Dutch woonplaats name in fryslan.json (within ~2 km).
COORDINATEN: dict[str, tuple[float, float]] = {
    "Buitenpost": (53.253, 6.146), "Surhuisterveen": (53.186, 6.170),
    "Harkema": (53.180, 6.130), "Augustinusga": (53.218, 6.155),
    "Drogeham": (53.202, 6.112), "Twijzel": (53.233, 6.093),
    "Gerkesklooster": (53.240, 6.207), "Boelenslaan": (53.162, 6.157),
    "Nes": (53.445, 5.774), "Hollum": (53.440, 5.635), "Ballum": (53.445, 5.685),
    "Buren": (53.449, 5.800),
    "Damwoude": (53.293, 5.994), "Veenwouden": (53.233, 5.990),
    "Rinsumageest": (53.283, 5.953), "Broeksterwoude": (53.278, 5.998),
    "Driesum": (53.296, 6.046), "Zwaagwesteinde": (53.257, 6.040),
    "Joure": (52.966, 5.796), "Lemmer": (52.845, 5.709), "Balk": (52.898, 5.579),
    "Sint Nicolaasga": (52.922, 5.741), "Langweer": (52.959, 5.720),
    "Woudsend": (52.943, 5.626), "Akmarijp": (53.004, 5.795),
    "Harlingen": (53.175, 5.421), "Midlum": (53.169, 5.447), "Wijnaldum": (53.206, 5.447),
    "Heerenveen": (52.960, 5.923), "Akkrum": (53.048, 5.838), "Jubbega": (52.990, 6.101),
    "Oranjewoud": (52.944, 5.951), "Tjalleberd": (52.977, 5.880),
    "Nieuwehorne": (52.951, 6.050),
    "Leeuwarden": (53.201, 5.800), "Grou": (53.094, 5.837), "Stiens": (53.262, 5.758),
    "Wirdum": (53.151, 5.798), "Goutum": (53.178, 5.806), "Jirnsum": (53.078, 5.796),
    "Wergea": (53.148, 5.838),
    "Dokkum": (53.326, 5.999), "Kollum": (53.278, 6.154), "Holwerd": (53.371, 5.902),
    "Ferwert": (53.337, 5.823), "Metslawier": (53.361, 6.010), "Ternaard": (53.383, 5.966),
    "Oosterwolde": (52.991, 6.291), "Appelscha": (52.955, 6.353),
    "Makkinga": (52.973, 6.222), "Donkerbroek": (53.017, 6.236),
    "Haulerwijk": (53.067, 6.333),
    "Gorredijk": (53.006, 6.066), "Beetsterzwaag": (53.060, 6.073),
    "Ureterp": (53.092, 6.153), "Nij Beets": (53.070, 6.003), "Bakkeveen": (53.080, 6.261),
    "Lippenhuizen": (53.024, 6.074),
    "Schiermonnikoog": (53.478, 6.160),
    "Drachten": (53.104, 6.098), "Opeinde": (53.135, 6.058), "Rottevalle": (53.147, 6.105),
    "Boornbergum": (53.083, 6.045), "Oudega": (53.123, 5.999), "Nijega": (53.143, 6.013),
    "De Wilgen": (53.118, 6.035), "Drachtstercompagnie": (53.118, 6.145),
    "Houtigehage": (53.150, 6.150), "De Tike": (53.152, 6.037),
    "Sneek": (53.032, 5.659), "Bolsward": (53.064, 5.529), "Workum": (52.979, 5.447),
    "Makkum": (53.055, 5.401), "IJlst": (53.010, 5.622), "Wommels": (53.108, 5.587),
    "Hindeloopen": (52.942, 5.401), "Stavoren": (52.884, 5.361),
    "West-Terschelling": (53.360, 5.218), "Midsland": (53.381, 5.284),
    "Hoorn": (53.403, 5.358), "Oosterend": (53.408, 5.380), "Formerum": (53.389, 5.316),
    "Burgum": (53.192, 5.991), "Hurdegaryp": (53.216, 5.940), "Gytsjerk": (53.233, 5.883),
    "Garyp": (53.168, 5.966), "Tytsjerk": (53.208, 5.913), "Suwâld": (53.178, 5.926),
    "Vlieland": (53.296, 5.065), "Oost-Vlieland": (53.296, 5.073),
    "Franeker": (53.187, 5.543), "Sint Annaparochie": (53.276, 5.657),
    "Dronrijp": (53.196, 5.646), "Menaldum": (53.218, 5.664), "Berlikum": (53.244, 5.650),
    "Minnertsga": (53.252, 5.596), "Tzummarum": (53.238, 5.546),
    "Wolvega": (52.876, 5.998), "Noordwolde": (52.890, 6.140),
    "Oldeberkoop": (52.936, 6.130), "Steggerda": (52.857, 6.074),
    "Oldemarkt": (52.820, 5.974),
}


# --- the gemeenten, read from fryslan.json -------------------------------------------------


@dataclass(frozen=True)
class Kern:
    naam: str
    naam_fy: str
    postcodes: tuple[int, ...]
    lat: float
    lon: float
    gemeente_code: str

    @property
    def groot(self) -> bool:
        # Towns with several postcodes have neighbourhoods, so a "buurthuis" instead of a
        # "dorpshuis"; the texts follow that.
        return len(self.postcodes) > 1


@dataclass(frozen=True)
class Gemeente:
    index: int
    code: str
    naam: str
    naam_fy: str
    netnummer: str
    team: str
    kernen: tuple[Kern, ...]
    loket: Kern

    @property
    def friestalig(self) -> bool:
        return self.code not in STELLINGWERVEN

    @property
    def eiland(self) -> bool:
        return self.code in EILANDEN


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _kern(item: list[Any], code: str) -> Kern | None:
    """A town the example offer is spread over: one in COORDINATEN. fryslan.json lists every
    woonplaats; the villages not in COORDINATEN have no services of their own here, and their
    coordinates (where known) are kept in coordinaten.json as they are."""
    naam, naam_fy, postcodes = item
    if naam not in COORDINATEN:
        return None
    lat, lon = COORDINATEN[naam]
    return Kern(naam, naam_fy, tuple(postcodes), lat, lon, code)


def _loket(kernen: tuple[Kern, ...], plaats: str) -> Kern:
    # fryslan.json names the loket town in Frisian for Dantumadiel (Damwâld).
    for kern in kernen:
        if plaats in (kern.naam, kern.naam_fy):
            return kern
    raise ValueError(f"loketplaats {plaats} is geen woonplaats van de gemeente")


def load_gemeenten(path: Path = GEMEENTEN_FILE) -> list[Gemeente]:
    data = json.loads(path.read_text(encoding="utf-8"))
    gemeenten = []
    for index, item in enumerate(data["gemeenten"]):
        kernen = tuple(k for w in item["woonplaatsen"] if (k := _kern(w, item["code"])))
        gemeenten.append(Gemeente(
            index=index, code=item["code"], naam=item["naam"], naam_fy=item["naam_fy"],
            netnummer=item["netnummer"], team=item["team"], kernen=kernen,
            loket=_loket(kernen, item["plaats_loket"]),
        ))
    return gemeenten


def load_taxonomy_codes(path: Path = TAXONOMY_FILE) -> set[str]:
    return {t["code"] for t in json.loads(path.read_text(encoding="utf-8"))["termen"]}


# --- templates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tijd:
    prefix: str
    byday: str
    opens: str
    closes: str
    description: str | None = None


@dataclass(frozen=True)
class Tekst:
    """One wording of a service; the optional fields override those of its Soort."""

    name: str
    nl: str
    fy: str
    application: str | None = None
    fees: str | None = None
    tijden: tuple[Tijd, ...] | None = None
    plek: str | None = None
    doelgroepen: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Soort:
    """A kind of service every gemeente has, with a few wordings to choose from."""

    key: str
    codes: tuple[str, ...]
    varianten: tuple[Tekst, ...]
    application: str
    fees: str
    eligibility: str
    doelgroepen: tuple[str, ...]
    tijden: tuple[Tijd, ...]
    plek: str
    mail: str
    toegang: str = "algemeen"
    org: str = "welzijn"
    alle_tijden: bool = False  # True: every Tijd applies; False: one is chosen per gemeente
    eiland: Tekst | None = None
    clientondersteuning: bool = False
    onafhankelijk: bool | None = None
    ook_fries: bool = False  # staff speak Frisian even in the Stellingwerven


OUDEREN = ("ouderen", "mensen met een beperking")
IEDEREEN = ("iedereen",)

ALGEMEEN: tuple[Soort, ...] = (
    Soort(
        key="klussendienst", codes=("klussen",), plek="welzijnspunt", mail="klussen",
        varianten=(
            Tekst("Klussendienst {gemeente}",
                  "Vrijwilligers helpen u met kleine klussen in en om het huis. "
                  "Denk aan een lamp ophangen of de tuin bijhouden.",
                  "Frijwilligers helpe jo mei lytse klusjes yn en om it hûs. "
                  "Tink oan in lampe ophingje of wat wurk yn 'e tún."),
            Tekst("Klusjesdienst voor ouderen {plaats}",
                  "Is een klein klusje te lastig geworden? "
                  "Een vrijwilliger komt bij u thuis om te helpen.",
                  "Is in lyts klusje te dreech wurden? "
                  "In frijwilliger komt by jo thús om te helpen."),
            Tekst("Boodschappen- en klussendienst {plaats}",
                  "Vrijwilligers doen boodschappen voor u of helpen met kleine klussen. "
                  "Zo kunt u langer thuis blijven wonen.",
                  "Frijwilligers dogge boadskippen foar jo of helpe mei lytse klusjes. "
                  "Sa kinne jo langer thús wenje bliuwe."),
        ),
        application="Bel het welzijnspunt en vertel wat u nodig heeft. "
                    "Een vrijwilliger belt u terug voor een afspraak.",
        fees="U betaalt een kleine bijdrage. Vraag naar de prijs. Materiaal betaalt u zelf.",
        eligibility="Voor ouderen en mensen met een beperking in {gemeente} "
                    "die een klus niet zelf kunnen doen.",
        doelgroepen=OUDEREN,
        tijden=(Tijd("Bellen", "MO,WE,FR", "09:00", "12:00"),
                Tijd("Bellen", WERKDAGEN, "09:00", "11:00"),
                Tijd("Bellen", "TU,TH", "09:30", "12:00")),
    ),
    Soort(
        key="maaltijden", codes=("maaltijden",), plek="dorpshuis", mail="maaltijden",
        varianten=(
            Tekst("Maaltijdservice {gemeente}",
                  "Wij brengen een warme maaltijd bij u thuis. U kiest zelf op welke dagen.",
                  "Wy bringe in waarm miel by jo thús. Jo kieze sels op hokker dagen.",
                  application="Bel om u aan te melden. "
                              "U kunt de maaltijden voor een hele week bestellen.",
                  tijden=(Tijd("Bestellen", WERKDAGEN, "09:00", "11:00"),),
                  plek="zorgcentrum"),
            Tekst("Samen eten in {plaats}",
                  "Eet gezellig samen met anderen in {huis}. "
                  "Een vrijwilliger kookt een warme maaltijd.",
                  "Jo ite gesellich tegearre mei oaren yn {huis_fy}. "
                  "In frijwilliger makket in waarm miel.",
                  tijden=(Tijd("Samen eten op", "WE", "12:00", "13:30"),)),
            Tekst("Eetpunt {plaats}",
                  "Eén keer per week eet u samen met andere ouderen. "
                  "Zo eet u gezond en ziet u mensen.",
                  "Ien kear yn 'e wike ite jo tegearre mei oare âlderen. "
                  "Sa ite jo sûn en sjogge jo minsken.",
                  tijden=(Tijd("Samen eten op", "TH", "17:00", "19:00"),)),
        ),
        application="Meld u een week van tevoren aan. Dan weet de kok hoeveel mensen er komen.",
        fees="U betaalt per maaltijd. Vraag naar de prijs.",
        eligibility="Voor ouderen en mensen die niet meer zelf koken.",
        doelgroepen=OUDEREN,
        tijden=(Tijd("Bestellen", WERKDAGEN, "09:00", "11:00"),),
    ),
    Soort(
        key="vervoer", codes=("sociaal_vervoer",), plek="welzijnspunt", mail="vervoer",
        varianten=(
            Tekst("Vrijwillige chauffeurs {gemeente}",
                  "Een vrijwilliger rijdt u met de eigen auto naar de huisarts, "
                  "het ziekenhuis of familie.",
                  "In frijwilliger rydt jo mei de eigen auto nei de húsdokter, "
                  "it sikehûs of famylje."),
            Tekst("Buurtvervoer {plaats} en omgeving",
                  "Heeft u geen vervoer? "
                  "Vrijwilligers brengen u naar afspraken, de winkel of een activiteit.",
                  "Hawwe jo gjin ferfier? "
                  "Frijwilligers bringe jo nei ôfspraken, de winkel of in aktiviteit."),
            Tekst("Rijdienst voor ouderen {gemeente}",
                  "Kunt u zelf niet rijden en is de bus lastig? "
                  "Dan rijdt een vrijwilliger u waar u heen moet.",
                  "Kinne jo sels net ride en is de bus dreech? "
                  "Dan rydt in frijwilliger jo wêr't jo hinne moatte."),
        ),
        eiland=Tekst("Vervoer op {gemeente}",
                     "Op het eiland rijden vrijwilligers u naar de huisarts, de boot "
                     "of een activiteit.",
                     "Op it eilân ride frijwilligers jo nei de húsdokter, de boat "
                     "of in aktiviteit."),
        application="Bel minstens twee dagen van tevoren om een rit te plannen.",
        fees="U betaalt de chauffeur een kleine vergoeding per kilometer. "
             "Vraag naar de prijs.",
        eligibility="Voor ouderen en mensen met een beperking zonder eigen vervoer.",
        doelgroepen=OUDEREN,
        tijden=(Tijd("Ritten plannen", WERKDAGEN, "09:00", "12:00"),
                Tijd("Ritten plannen", "MO,WE,FR", "09:00", "12:30")),
    ),
    Soort(
        key="uitleenpunt", codes=("hulpmiddelen",), plek="zorgcentrum", mail="uitleen",
        varianten=(
            Tekst("Uitleenpunt scootmobiel en rolstoel {plaats}",
                  "U kunt hier voor korte tijd een rolstoel, rollator of scootmobiel lenen. "
                  "Bijvoorbeeld na een operatie of voor een uitje.",
                  "Jo kinne hjir foar koarte tiid in rolstoel, rollator of skootmobyl liene. "
                  "Bygelyks nei in operaasje of foar in útstapke."),
            Tekst("Hulpmiddelen lenen in {plaats}",
                  "Leen een rolstoel of rollator als u tijdelijk slecht ter been bent. "
                  "Vrijwilligers leggen uit hoe het werkt.",
                  "Jo kinne in rolstoel of rollator liene as jo efkes min ter foet binne. "
                  "Frijwilligers lizze út hoe't it wurket."),
            Tekst("Scootmobielpool {plaats}",
                  "Samen met anderen gebruikt u een scootmobiel. "
                  "U reserveert hem voor een ochtend of middag.",
                  "Tegearre mei oaren brûke jo in skootmobyl. "
                  "Jo reservearje him foar in moarn of middei.",
                  fees="U betaalt een kleine bijdrage per keer. Vraag naar de prijs."),
        ),
        application="Kom langs tijdens de openingstijden of bel eerst even. "
                    "Neem een identiteitsbewijs mee.",
        fees="Lenen is gratis. Soms vragen we een kleine borg.",
        eligibility="Voor iedereen die kort een hulpmiddel nodig heeft. "
                    "Is het voor lange tijd? Neem dan contact op met de gemeente.",
        doelgroepen=OUDEREN,
        tijden=(Tijd("Open op", "TU,TH", "10:00", "12:00"),
                Tijd("Open op", "MO,WE", "13:30", "16:00"),
                Tijd("Open op", "WE,FR", "09:30", "11:30")),
    ),
    Soort(
        key="woonadvies", codes=("woningaanpassing",), plek="welzijnspunt", mail="woonadvies",
        varianten=(
            Tekst("Woonadvies en valpreventie {gemeente}",
                  "Een woonadviseur kijkt samen met u hoe u veilig thuis blijft wonen. "
                  "Bijvoorbeeld met een beugel of zonder drempels.",
                  "In wenadviseur sjocht mei jo hoe't jo feilich thús wenje bliuwe kinne. "
                  "Bygelyks mei in hângreep of sûnder drompels."),
            Tekst("Langer thuis wonen: woonadvies {plaats}",
                  "Bent u bang om te vallen? "
                  "Een vrijwilliger komt langs en geeft tips voor een veilig huis.",
                  "Binne jo bang om te fallen? "
                  "In frijwilliger komt del en jout tips foar in feilich hûs."),
            Tekst("Cursus vallen voorkomen {plaats}",
                  "In deze cursus leert u hoe u een val voorkomt. "
                  "U oefent uw balans en leert tips voor thuis.",
                  "Yn dizze kursus leare jo hoe't jo in fal foarkomme. "
                  "Jo oefenje jo lykwicht en leare tips foar thús.",
                  application="Meld u aan bij het welzijnspunt. "
                              "De cursus begint als er genoeg mensen zijn.",
                  plek="dorpshuis"),
        ),
        application="Bel of mail voor een afspraak. De adviseur komt bij u thuis.",
        fees="Gratis.",
        eligibility="Voor ouderen die thuis willen blijven wonen, en voor hun familie.",
        doelgroepen=("ouderen", "mantelzorgers"),
        tijden=(Tijd("Afspraak maken", WERKDAGEN, "09:00", "12:00"),),
    ),
    Soort(
        key="open-dagbesteding", codes=("dagbesteding",), plek="zorgcentrum",
        mail="dagbesteding",
        varianten=(
            Tekst("Open dagbesteding {plaats}",
                  "Overdag bent u welkom voor koffie, een praatje en activiteiten. "
                  "U heeft geen indicatie nodig.",
                  "Oerdei binne jo wolkom foar kofje, in praatsje en aktiviteiten. "
                  "Jo hawwe gjin yndikaasje nedich."),
            Tekst("Ontmoetingscentrum geheugenproblemen {plaats}",
                  "Een plek voor mensen met geheugenproblemen of dementie. "
                  "Ook hun mantelzorgers zijn welkom voor steun en advies.",
                  "In plak foar minsken mei ûnthâldproblemen of demintens. "
                  "Ek harren mantelsoargers binne wolkom foar stipe en advys.",
                  application="Bel voor een kennismaking. U mag iemand meenemen.",
                  doelgroepen=("ouderen", "mensen met dementie", "mantelzorgers")),
            Tekst("Inloop-dagbesteding {plaats}",
                  "Twee dagen per week kunt u zonder afspraak meedoen. "
                  "Samen koken, wandelen of iets maken.",
                  "Twa dagen yn 'e wike kinne jo sûnder ôfspraak meidwaan. "
                  "Tegearre koken, kuierje of wat meitsje."),
        ),
        application="Kom gerust een keer kijken. U hoeft zich niet aan te melden.",
        fees="U betaalt een kleine bijdrage voor koffie en lunch. Vraag naar de prijs.",
        eligibility="Voor ouderen en volwassenen die overdag wat meer contact "
                    "en regelmaat zoeken.",
        doelgroepen=OUDEREN,
        tijden=(Tijd("Open op", "TU,TH", "10:00", "15:30"),
                Tijd("Open op", "MO,WE", "10:00", "15:00"),
                Tijd("Open op", "WE,FR", "09:30", "15:30")),
    ),
    Soort(
        key="inloop", codes=("begeleiding",), plek="dorpshuis", mail="inloop",
        varianten=(
            Tekst("Inloop voor vragen en steun {plaats}",
                  "Heeft u zorgen of loopt u vast? "
                  "Kom langs voor een gesprek met een vrijwilliger of hulpverlener.",
                  "Hawwe jo soargen of rinne jo fêst? "
                  "Kom del foar in petear mei in frijwilliger of helpferliener."),
            Tekst("Inloophuis {plaats}",
                  "Een rustige plek voor mensen met psychische klachten. "
                  "Samen koffie drinken, praten en meedoen aan activiteiten.",
                  "In rêstich plak foar minsken mei psychyske klachten. "
                  "Tegearre kofje drinke, prate en meidwaan oan aktiviteiten."),
            Tekst("Spreekuur steun thuis {plaats}",
                  "Lukt het niet goed om uw dag te regelen? "
                  "Een begeleider denkt met u mee. Dit is lichte hulp zonder indicatie.",
                  "Slagget it net goed om jo dei te regeljen? "
                  "In begelieder tinkt mei jo mei. Dit is lichte help sûnder yndikaasje."),
        ),
        application="Loop binnen tijdens de inloopuren. U hoeft geen afspraak te maken.",
        fees="Gratis.",
        eligibility="Voor volwassenen die wat steun zoeken, "
                    "bijvoorbeeld bij eenzaamheid of psychische klachten.",
        doelgroepen=("volwassenen", "mensen met psychische klachten"),
        tijden=(Tijd("Inloop op", "MO,WE", "10:00", "12:00"),
                Tijd("Inloop op", "TU,TH", "13:30", "16:00"),
                Tijd("Inloop op", "WE", "10:00", "16:00")),
    ),
    Soort(
        key="gezelschap", codes=("eenzaamheid",), plek="welzijnspunt", mail="maatjes",
        varianten=(
            Tekst("Maatjesproject {gemeente}",
                  "Een vrijwilliger komt regelmatig bij u langs. "
                  "Samen praten, wandelen of een kopje koffie drinken.",
                  "In frijwilliger komt geregeld by jo del. "
                  "Tegearre prate, kuierje of in bakje kofje drinke."),
            Tekst("Bezoekdienst {plaats}",
                  "Voelt u zich alleen? "
                  "Een vaste vrijwilliger komt elke week op bezoek voor een praatje.",
                  "Fiele jo jo allinne? "
                  "In fêste frijwilliger komt elke wike op besite foar in praatsje."),
            Tekst("Telefooncirkel {gemeente}",
                  "Elke ochtend belt iemand u even op. Zo weet u dat er iemand aan u denkt.",
                  "Elke moarn belt immen jo efkes op. Sa witte jo dat der immen oan jo tinkt."),
        ),
        application="Bel het welzijnspunt. "
                    "We zoeken samen met u een vrijwilliger die bij u past.",
        fees="Gratis.",
        eligibility="Voor iedereen die zich eenzaam voelt, jong of oud.",
        doelgroepen=("ouderen", "iedereen"),
        tijden=(Tijd("Bellen", "MO,TU,WE,TH", "09:00", "12:00"),),
    ),
    Soort(
        key="vrijwilligerswerk", codes=("vrijwilligerswerk",), plek="welzijnspunt",
        mail="vrijwilligers",
        varianten=(
            Tekst("Vrijwilligerscentrale {gemeente}",
                  "Wilt u iets doen voor een ander? "
                  "Wij zoeken samen met u vrijwilligerswerk dat bij u past.",
                  "Wolle jo wat dwaan foar in oar? "
                  "Wy sykje mei jo frijwilligerswurk dat by jo past."),
            Tekst("Vrijwilligerspunt {plaats}",
                  "Hier vindt u vrijwilligerswerk in uw eigen {buurt}. "
                  "Meedoen is goed voor uzelf en voor anderen.",
                  "Hjir fine jo frijwilligerswurk yn jo eigen {buurt_fy}. "
                  "Meidwaan is goed foar josels en foar oaren."),
        ),
        application="Kom langs of bel voor een gesprek.",
        fees="Gratis.",
        eligibility="Voor iedereen die vrijwilligerswerk wil doen. Ook als u weinig tijd heeft.",
        doelgroepen=IEDEREEN,
        tijden=(Tijd("Inloop op", "TU,TH", "09:30", "12:30"),
                Tijd("Inloop op", "WE", "13:00", "16:00")),
    ),
    Soort(
        key="ontmoeting", codes=("ontmoeting",), plek="dorpshuis", mail="ontmoeting",
        varianten=(
            Tekst("Koffieochtend {plaats}",
                  "Elke week is er koffie en een praatje in {huis}. "
                  "Iedereen is welkom, u hoeft niets te regelen.",
                  "Elke wike is der kofje en in praatsje yn {huis_fy}. "
                  "Elkenien is wolkom.",
                  tijden=(Tijd("Koffieochtend op", "TU", "10:00", "11:30"),)),
            Tekst("Ontmoetingsmiddag {plaats}",
                  "Een gezellige middag met spelletjes, muziek en koffie. "
                  "Zo leert u mensen uit {de_buurt} kennen.",
                  "In gesellige middei mei spultsjes, muzyk en kofje. "
                  "Sa leare jo minsken út {de_buurt_fy} kennen.",
                  tijden=(Tijd("Ontmoetingsmiddag op", "WE", "14:00", "16:30"),)),
            Tekst("Open huis {plaats}",
                  "Loop binnen voor koffie, de krant of een spelletje. "
                  "Er is altijd iemand om mee te praten.",
                  "Kom del foar kofje, de krante of in spultsje. "
                  "Der is altyd immen om mei te praten.",
                  tijden=(Tijd("Open", WERKDAGEN, "09:00", "17:00"),)),
        ),
        application="Kom gewoon langs. Aanmelden is niet nodig.",
        fees="Gratis. U betaalt alleen voor de koffie.",
        eligibility="Voor iedereen uit {de_buurt} en de omgeving.",
        doelgroepen=IEDEREEN,
        tijden=(Tijd("Open", WERKDAGEN, "09:00", "17:00"),),
    ),
    Soort(
        key="bewegen", codes=("vrijwilligerswerk",), plek="dorpshuis", mail="bewegen",
        varianten=(
            Tekst("Bewegen voor ouderen {plaats}",
                  "Samen bewegen op muziek, in een rustig tempo. "
                  "Goed voor uw balans en gezellig.",
                  "Tegearre bewege op muzyk, yn in rêstich tempo. "
                  "Goed foar jo lykwicht en gesellich.",
                  tijden=(Tijd("Les op", "MO", "10:00", "11:00"),)),
            Tekst("Wandelgroep {plaats}",
                  "Elke week wandelt een groep een uur door de omgeving. "
                  "Daarna drinkt u samen koffie.",
                  "Elke wike kuieret in groep in oere troch de omkriten. "
                  "Dêrnei drinke jo tegearre kofje.",
                  tijden=(Tijd("Wandelen op", "TH", "14:00", "15:00"),)),
            Tekst("Stoelgym {plaats}",
                  "Een beweegles die u zittend op een stoel doet. "
                  "Ook geschikt als lopen lastig is.",
                  "In beweechles dy't jo sittend op in stoel dogge. "
                  "Ek goed as rinnen dreech is.",
                  tijden=(Tijd("Les op", "WE", "10:30", "11:15"),)),
        ),
        application="Kom een keer meedoen om te kijken of het bij u past.",
        fees="U betaalt een kleine bijdrage per maand. Vraag naar de prijs.",
        eligibility="Voor ouderen en iedereen die rustig wil bewegen.",
        doelgroepen=("ouderen",),
        tijden=(Tijd("Les op", "MO", "10:00", "11:00"),),
    ),
    Soort(
        key="mantelzorg", codes=("mantelzorgondersteuning", "steunpunt_mantelzorg"),
        plek="welzijnspunt", mail="mantelzorg",
        varianten=(
            Tekst("Steunpunt mantelzorg {gemeente}",
                  "Zorgt u voor iemand uit uw omgeving? "
                  "Het steunpunt denkt met u mee en helpt u de zorg vol te houden.",
                  "Soargje jo foar ien út jo omjouwing? "
                  "It stipepunt tinkt mei jo mei en helpt jo de soarch fol te hâlden."),
            Tekst("Mantelzorgpunt {gemeente}",
                  "Een vaste consulent luistert naar uw verhaal. "
                  "Samen zoekt u naar steun, ook als u het nu nog goed volhoudt.",
                  "In fêste konsulint harket nei jo ferhaal. "
                  "Tegearre sykje jo nei stipe, ek as jo it no noch goed folhâlde."),
            Tekst("Mantelzorgconsulent {gemeente}",
                  "Zorgen voor een ander kan zwaar zijn. "
                  "De consulent komt bij u thuis en zoekt samen met u naar steun.",
                  "Soargje foar in oar kin swier wêze. "
                  "De konsulint komt by jo thús en siket mei jo nei stipe."),
        ),
        application="Bel of mail het steunpunt. U kunt ook binnenlopen.",
        fees="Gratis.",
        eligibility="Voor iedereen die zorgt voor een partner, ouder, kind of buur. "
                    "Ook als u uzelf geen mantelzorger noemt.",
        doelgroepen=("mantelzorgers",),
        tijden=(Tijd("Bellen", WERKDAGEN, "09:00", "12:30"),),
    ),
    Soort(
        key="respijtzorg", codes=("respijtzorg",), plek="welzijnspunt", mail="mantelzorg",
        varianten=(
            Tekst("Even vrij: vrijwillige oppas {gemeente}",
                  "Een vrijwilliger neemt de zorg een paar uur van u over. "
                  "Dan heeft u even tijd voor uzelf.",
                  "In frijwilliger nimt de soarch in pear oeren fan jo oer. "
                  "Dan hawwe jo efkes tiid foar josels."),
            Tekst("Respijtzorg thuis {plaats}",
                  "Even rust als mantelzorger? "
                  "Een getrainde vrijwilliger blijft dan bij uw naaste thuis.",
                  "Efkes rêst as mantelsoarger? "
                  "In frijwilliger bliuwt dan efkes by de persoan foar wa't jo soargje."),
            Tekst("Dagje vrij voor mantelzorgers {plaats}",
                  "Eén dag per maand zorgen vrijwilligers voor uw naaste in {huis}. "
                  "U kunt die dag iets voor uzelf doen.",
                  "Ien dei yn 'e moanne nimme frijwilligers de soarch oer yn {huis_fy}. "
                  "Jo kinne dy dei wat foar josels dwaan.",
                  plek="dorpshuis"),
        ),
        application="Bel het steunpunt mantelzorg. "
                    "We maken samen een afspraak die bij u past.",
        fees="Gratis.",
        eligibility="Voor mantelzorgers die even rust nodig hebben.",
        doelgroepen=("mantelzorgers",),
        tijden=(Tijd("Bellen", WERKDAGEN, "09:00", "12:00"),),
    ),
    Soort(
        key="maatschappelijk-werk", codes=("maatschappelijk_werk",), plek="welzijnspunt",
        mail="maatschappelijkwerk", alle_tijden=True,
        varianten=(
            Tekst("Maatschappelijk werk {gemeente}",
                  "Een maatschappelijk werker helpt bij zorgen over geld, relaties, werk "
                  "of opvoeding. Samen zoekt u naar een oplossing.",
                  "In maatskiplik wurker helpt by soargen oer jild, relaasjes, wurk "
                  "of opfieding. Tegearre sykje jo nei in oplossing."),
            Tekst("Algemeen maatschappelijk werk {gemeente}",
                  "Loopt u vast met problemen thuis, met geld of met instanties? "
                  "Een maatschappelijk werker luistert en helpt u verder.",
                  "Rinne jo fêst mei problemen thús, mei jild of mei ynstânsjes? "
                  "In maatskiplik wurker harket en helpt jo fierder."),
        ),
        application="Bel voor een afspraak of kom naar het inloopspreekuur. "
                    "Het gesprek kan ook bij u thuis.",
        fees="Gratis.",
        eligibility="Voor alle inwoners van {gemeente} met vragen of zorgen.",
        doelgroepen=IEDEREEN,
        tijden=(Tijd("Bellen", WERKDAGEN, "08:30", "17:00"),
                Tijd("Inloopspreekuur op", "TU", "13:00", "15:00")),
    ),
    Soort(
        key="formulierenhulp", codes=("maatschappelijk_werk",), plek="dorpshuis",
        mail="formulieren",
        varianten=(
            Tekst("Hulp bij post en formulieren {plaats}",
                  "Snapt u een brief niet of vindt u een formulier lastig? "
                  "Een vrijwilliger helpt u op het spreekuur.",
                  "Begripe jo in brief net of fine jo in formulier dreech? "
                  "In frijwilliger helpt jo op it spreekoere."),
            Tekst("Formulierenspreekuur {plaats}",
                  "Vrijwilligers helpen met brieven, formulieren en digitale zaken. "
                  "Neem uw papieren mee.",
                  "Frijwilligers helpe mei brieven, formulieren en digitale saken. "
                  "Nim jo papieren mei."),
        ),
        application="Kom langs op het spreekuur. Neem de brief of het formulier mee.",
        fees="Gratis.",
        eligibility="Voor iedereen die hulp wil bij papieren, brieven of de computer.",
        doelgroepen=IEDEREEN,
        tijden=(Tijd("Spreekuur op", "MO", "13:30", "15:30"),
                Tijd("Spreekuur op", "TH", "09:30", "11:30"),
                Tijd("Spreekuur op", "WE", "10:00", "12:00")),
    ),
)

# Only some gemeenten offer cleaning help as an algemene voorziening; elsewhere it is maatwerk.
SCHOONMAAKHULP = Soort(
    key="schoonmaakhulp", codes=("huishoudelijke_hulp",), plek="welzijnspunt",
    mail="schoonmaak",
    varianten=(
        Tekst("Schoonmaakhulp {gemeente}, algemene voorziening",
              "Een vaste hulp maakt uw huis schoon. "
              "U hoeft hiervoor geen melding bij de gemeente te doen.",
              "In fêste help makket jo hûs skjin. "
              "Jo hoege hjirfoar gjin melding by de gemeente te dwaan."),
    ),
    application="Bel de schoonmaakhulp voor een eerste bezoek. "
                "Samen bespreekt u wat er moet gebeuren.",
    fees="U betaalt een bijdrage per uur. Vraag naar de prijs.",
    eligibility="Voor inwoners van {gemeente} die hun huis niet meer zelf schoon kunnen houden.",
    doelgroepen=OUDEREN,
    tijden=(Tijd("Bellen", WERKDAGEN, "08:30", "12:30"),),
)

MAATWERK_START = ("Het begint met een melding bij de gemeente: u vertelt dat u hulp nodig heeft. "
                  "Daarna volgt een gesprek over uw situatie. "
                  "De gemeente rondt dit onderzoek binnen zes weken af. "
                  "Vraag gerust om gratis cliëntondersteuning.")
MAATWERK_KOSTEN = ("Meestal betaalt u een eigen bijdrage. Het CAK stuurt daarvoor de rekening. "
                   "Vraag de gemeente naar de regels.")
MAATWERK_VOOR = ("Voor inwoners van {gemeente} die het thuis niet redden, "
                 "ook niet met familie, buren of een algemene voorziening.")
GEMEENTE_TIJDEN = (Tijd("Bellen", WERKDAGEN, "08:30", "17:00"),)


def _maatwerk(key: str, codes: tuple[str, ...], tekst: Tekst) -> Soort:
    return Soort(key=key, codes=codes, varianten=(tekst,), application=MAATWERK_START,
                 fees=MAATWERK_KOSTEN, eligibility=MAATWERK_VOOR, doelgroepen=OUDEREN,
                 tijden=GEMEENTE_TIJDEN, plek="gemeentehuis", mail="wmo", toegang="maatwerk",
                 org="gemeente", alle_tijden=True)


MAATWERK_VAST: tuple[Soort, ...] = (
    _maatwerk("maatwerk-huishouden", ("huishoudelijke_hulp",), Tekst(
        "Hulp bij het huishouden als maatwerk, gemeente {gemeente}",
        "Redt u het huishouden niet, ook niet met hulp van anderen? "
        "Dan zoekt de gemeente samen met u naar hulp op maat.",
        "Slagget it húshâlden net, ek net mei help fan oaren? "
        "Dan siket de gemeente mei jo nei help op maat.")),
    _maatwerk("woningaanpassing", ("woningaanpassing",), Tekst(
        "Woningaanpassing via de gemeente {gemeente}",
        "Een traplift, een aangepaste badkamer of een verhoogd toilet kan helpen "
        "om thuis te blijven wonen. De gemeente bekijkt samen met u wat past.",
        "In treplift, in oanpaste badkeamer of in heger húske kin helpe "
        "om thús te wenjen. De gemeente sjocht mei jo wat past.")),
)
# One extra maatwerk service, alternating per gemeente, so the set is not identical everywhere.
MAATWERK_WISSEL: tuple[Soort, ...] = (
    _maatwerk("maatwerk-hulpmiddelen", ("hulpmiddelen",), Tekst(
        "Scootmobiel of rolstoel via de gemeente {gemeente}",
        "Heeft u voor lange tijd een scootmobiel of rolstoel nodig? "
        "De gemeente onderzoekt samen met u wat helpt.",
        "Hawwe jo foar lange tiid in skootmobyl of rolstoel nedich? "
        "De gemeente ûndersiket mei jo wat helpt.")),
    _maatwerk("maatwerk-begeleiding", ("begeleiding", "dagbesteding"), Tekst(
        "Begeleiding en dagbesteding via de gemeente {gemeente}",
        "Heeft u meer steun nodig dan een inloop of open dagbesteding? "
        "Dan kijkt de gemeente samen met u naar begeleiding op maat.",
        "Hawwe jo mear stipe nedich as in ynrin of iepen deibesteging? "
        "Dan sjocht de gemeente mei jo nei begelieding op maat.")),
)

GEMEENTE_DIENSTEN: tuple[Soort, ...] = (
    Soort(
        key="sociaal-team", codes=("sociaal_team",), plek="gemeentehuis", mail="wmo",
        toegang="informatie", org="gemeente", alle_tijden=True, ook_fries=True,
        varianten=(Tekst(
            "{team} {gemeente}",
            "Dit is het loket van de gemeente {gemeente} voor vragen over hulp, zorg en "
            "meedoen. Hier doet u ook een melding voor de Wmo. Een melding betekent: "
            "u vertelt de gemeente dat u hulp nodig heeft.",
            "Dit is it loket fan de gemeente {gemeente_fy} foar fragen oer help, soarch en "
            "meidwaan. Hjir dogge jo ek in melding foar de Wmo."),),
        application="Bel, mail of kom langs op het inloopspreekuur in {plaats}. "
                    "Een familielid mag ook voor u bellen. "
                    "Vraag ook naar gratis, onafhankelijke cliëntondersteuning.",
        fees="Gratis.",
        eligibility="Voor alle inwoners van {gemeente}, en voor hun familie of mantelzorgers.",
        doelgroepen=("iedereen", "mantelzorgers"),
        tijden=(Tijd("Inloopspreekuur", WERKDAGEN, "09:00", "12:00"),
                Tijd("Telefonisch bereikbaar", WERKDAGEN, "08:30", "17:00")),
    ),
    Soort(
        key="clientondersteuning", codes=("clientondersteuning",), plek="gemeentehuis",
        mail="clientondersteuning", toegang="informatie", org="gemeente", alle_tijden=True,
        clientondersteuning=True, onafhankelijk=False,
        varianten=(Tekst(
            "Cliëntondersteuning van de gemeente {gemeente}",
            "Een medewerker van de gemeente helpt u bij de melding en het gesprek. "
            "Cliëntondersteuning betekent: iemand die met u meedenkt en meegaat. "
            "Wilt u iemand die los staat van de gemeente? "
            "Kies dan een onafhankelijke cliëntondersteuner.",
            "In meiwurker fan de gemeente helpt jo by de melding en it petear. "
            "Wolle jo ien dy't los stiet fan de gemeente? "
            "Kies dan ûnôfhinklike kliïntstipe."),),
        application="Vraag erom als u belt met de gemeente, of bij het gesprek.",
        fees="Gratis.",
        eligibility="Voor inwoners van {gemeente} die een melding doen of een gesprek hebben.",
        doelgroepen=("iedereen", "mantelzorgers"),
        tijden=GEMEENTE_TIJDEN,
    ),
    Soort(
        key="schuldhulp", codes=("schuldhulp",), plek="gemeentehuis", mail="schuldhulp",
        toegang="andere_wet", org="gemeente", alle_tijden=True,
        varianten=(Tekst(
            "Schuldhulp {gemeente}",
            "Heeft u schulden of geldzorgen? De gemeente helpt u om overzicht te krijgen "
            "en zoekt met u naar een oplossing.",
            "Hawwe jo skulden of jildsoargen? De gemeente helpt jo om oersjoch te krijen "
            "en siket mei jo nei in oplossing."),),
        application="Bel of mail de gemeente. Wacht niet te lang: hoe eerder, hoe beter. "
                    "Dreigt u uw huis kwijt te raken? Bel dan meteen.",
        fees="Gratis.",
        eligibility="Voor inwoners van {gemeente} met schulden of betalingsproblemen.",
        doelgroepen=IEDEREEN,
        tijden=(Tijd("Bellen", WERKDAGEN, "09:00", "12:00"),),
    ),
    Soort(
        key="jeugdteam", codes=("jeugd",), plek="gemeentehuis", mail="jeugd",
        toegang="andere_wet", org="gemeente", alle_tijden=True,
        varianten=(Tekst(
            "Jeugdteam {gemeente}",
            "Voor vragen over opvoeden en opgroeien, en hulp voor kinderen en jongeren "
            "tot 18 jaar. Wordt uw kind bijna 18? Het team helpt bij de overstap naar de Wmo.",
            "Foar fragen oer opfieding en opgroeien, en help foar bern en jongerein "
            "oant 18 jier. Wurdt jo bern hast 18? It team helpt by de oerstap nei de Wmo."),),
        application="Bel of mail het jeugdteam. Ook jongeren zelf mogen bellen.",
        fees="Gratis.",
        eligibility="Voor kinderen, jongeren en ouders in {gemeente}.",
        doelgroepen=("jongeren", "ouders"),
        tijden=GEMEENTE_TIJDEN,
    ),
    Soort(
        key="werk-inkomen", codes=("werk_inkomen",), plek="gemeentehuis", mail="werk",
        toegang="andere_wet", org="gemeente", alle_tijden=True,
        varianten=(Tekst(
            "Werk en inkomen {gemeente}",
            "Voor vragen over werk, een uitkering of bijzondere bijstand. "
            "De gemeente helpt u ook bij het zoeken naar werk.",
            "Foar fragen oer wurk, in útkearing of bysûndere bystân. "
            "De gemeente helpt jo ek by it sykjen nei wurk."),),
        application="Bel voor een afspraak of kom naar de inloop. "
                    "Neem een identiteitsbewijs mee.",
        fees="Gratis.",
        eligibility="Voor inwoners van {gemeente} die werk zoeken of weinig inkomen hebben.",
        doelgroepen=IEDEREEN,
        tijden=(Tijd("Inloop op", "MO,WE", "09:00", "12:00"),),
    ),
)

# What the mantelzorgscan (actions/mantelzorg_aanbod.py) shows besides the steunpunt and
# respijtzorg: meeting other carers, a course, and the gemeente's mantelzorgwaardering. Built
# after the other services, so the phone numbers of the services before them stay the same.
MANTELZORG_EXTRA: tuple[Soort, ...] = (
    Soort(
        key="lotgenoten", codes=("mantelzorgondersteuning", "lotgenotencontact"),
        plek="dorpshuis", mail="mantelzorg",
        varianten=(
            Tekst("Mantelzorgcafé {plaats}",
                  "Praat met andere mantelzorgers over wat u meemaakt. "
                  "Een consulent geeft tips en informatie.",
                  "Praat mei oare mantelsoargers oer wat jo meimeitsje. "
                  "In konsulint jout tips en ynformaasje.",
                  tijden=(Tijd("Mantelzorgcafé", "TH", "19:30", "21:30",
                               "Eén keer per maand op donderdagavond. Vraag naar de data."),)),
            Tekst("Praatgroep voor mantelzorgers {plaats}",
                  "In een kleine groep deelt u uw zorgen met mensen die hetzelfde meemaken. "
                  "Dat geeft steun en goede tips.",
                  "Yn in lytse groep diele jo jo soargen mei minsken dy't itselde meimeitsje. "
                  "Dat jout stipe en goede tips.",
                  tijden=(Tijd("Praatgroep", "TU", "13:30", "15:30",
                               "Om de twee weken op dinsdagmiddag. Vraag naar de data."),)),
            Tekst("Koffie voor mantelzorgers {plaats}",
                  "Even weg van de zorg, met koffie en een goed gesprek. "
                  "U ontmoet andere mantelzorgers uit de buurt.",
                  "Efkes fuort fan de soarch, mei kofje en in goed petear. "
                  "Jo moetsje oare mantelsoargers út de buert.",
                  tijden=(Tijd("Koffieochtend", "WE", "10:00", "11:30",
                               "Eén keer per maand op woensdagochtend. Vraag naar de data."),)),
        ),
        application="Kom gerust langs. Bel het steunpunt mantelzorg als u eerst iets wilt vragen.",
        fees="Gratis.",
        eligibility="Voor iedereen die zorgt voor een ander.",
        doelgroepen=("mantelzorgers",),
        tijden=(Tijd("Bellen", WERKDAGEN, "09:00", "12:00"),),
    ),
    Soort(
        key="mantelzorgcursus", codes=("mantelzorgondersteuning", "mantelzorgcursus"),
        plek="welzijnspunt", mail="mantelzorg",
        varianten=(
            Tekst("Cursus goed voor uzelf zorgen {gemeente}",
                  "In vier lessen leert u hoe u de zorg volhoudt. "
                  "U leert ook om hulp te vragen en grenzen aan te geven.",
                  "Yn fjouwer lessen leare jo hoe't jo de soarch folhâlde. "
                  "Jo leare ek om help te freegjen en grinzen oan te jaan."),
            Tekst("Cursus omgaan met dementie {plaats}",
                  "Zorgt u voor iemand met dementie? "
                  "In deze cursus leert u wat dementie doet en hoe u ermee omgaat.",
                  "Soargje jo foar immen mei demintens? "
                  "Yn dizze kursus leare jo wat demintens docht en hoe't jo dêrmei omgeane."),
            Tekst("Training zorg en werk {gemeente}",
                  "Werkt u en zorgt u ook voor iemand? "
                  "In deze training zoekt u met anderen naar een goede balans.",
                  "Wurkje jo en soargje jo ek foar immen? "
                  "Yn dizze training sykje jo mei oaren nei in goed lykwicht."),
        ),
        application="Meld u aan bij het steunpunt mantelzorg. "
                    "De cursus begint als er genoeg mensen zijn.",
        fees="Gratis.",
        eligibility="Voor mantelzorgers in {gemeente}.",
        doelgroepen=("mantelzorgers",),
        tijden=(Tijd("Aanmelden", WERKDAGEN, "09:00", "12:00"),),
    ),
    Soort(
        key="mantelzorgwaardering", codes=("mantelzorgondersteuning", "mantelzorgwaardering"),
        plek="gemeentehuis", mail="mantelzorg", toegang="informatie", org="gemeente",
        alle_tijden=True, ook_fries=True,
        varianten=(Tekst(
            "Mantelzorgwaardering gemeente {gemeente}",
            "De gemeente wil mantelzorgers bedanken voor hun zorg. "
            "Dat heet mantelzorgwaardering. Vraag de gemeente hoe het werkt.",
            "De gemeente wol mantelsoargers tankje foar harren soarch. "
            "Dat hjit mantelsoargwurdearring. Freegje de gemeente hoe't it wurket."),),
        application="Vraag het de gemeente of het steunpunt mantelzorg. "
                    "Zij vertellen u hoe het gaat.",
        fees="Gratis.",
        eligibility="Voor mantelzorgers die zorgen voor iemand in {gemeente}. "
                    "De gemeente maakt de regels.",
        doelgroepen=("mantelzorgers",),
        tijden=GEMEENTE_TIJDEN,
    ),
)


WELZIJN_NAMEN = ("Welzijn {g}", "Stichting Samen {g}", "Welzijnswerk {g}",
                 "Stichting Meedoen {g}")

# Regional wijkverpleging: key, name, the town of the office, the gemeenten it serves.
REGIOS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("noord", "Wijkzorg Noord-Fryslân", "Leeuwarden",
     ("GM0080", "GM1949", "GM0072", "GM1970", "GM1891", "GM0737", "GM0059")),
    ("zuidoost", "Wijkzorg Zuidoost-Fryslân", "Drachten",
     ("GM0090", "GM0086", "GM0085", "GM0098", "GM0074")),
    ("zuidwest", "Wijkzorg Zuidwest-Fryslân", "Sneek", ("GM1900", "GM1940")),
    ("eilanden", "Wijkzorg Waddeneilanden", "West-Terschelling", EILANDEN),
)
WADDENKUST = (*EILANDEN, "GM0072", "GM1949")


# --- places ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plek:
    naam: str
    straat: str
    letters: str
    dlat: float
    dlon: float
    toegankelijk: str


PLEKKEN: dict[str, Plek] = {
    "gemeentehuis": Plek("Gemeentehuis {gemeente}", "Raadhuisplein 1", "AB", 0.001, 0.001,
                         "Rolstoeltoegankelijk, invalidetoilet, ringleiding"),
    "welzijnspunt": Plek("Welzijnspunt {plaats}", "Stationsweg 12", "CD", 0.002, -0.003,
                         "Rolstoeltoegankelijk, invalidetoilet"),
    "dorpshuis": Plek("Dorpshuis {plaats}", "Dorpsstraat 5", "EG", -0.002, 0.002,
                      "Gelijkvloers, rolstoeltoegankelijk"),
    "buurthuis": Plek("Buurthuis {plaats}", "Schoolstraat 8", "EH", -0.002, 0.002,
                      "Gelijkvloers, rolstoeltoegankelijk"),
    "zorgcentrum": Plek("Woonzorgcentrum {plaats}", "Parkweg 20", "HJ", 0.003, 0.003,
                        "Rolstoeltoegankelijk, lift, invalidetoilet"),
    "wijkpost": Plek("Wijkpost {plaats}, {org}", "Molenweg 3", "KL", -0.003, -0.002,
                     "Rolstoeltoegankelijk"),
    "kantoor": Plek("Kantoor {org} {plaats}", "Kanaalweg 30", "MN", 0.004, -0.001,
                    "Rolstoeltoegankelijk, lift"),
}
PLEK_VOLGORDE = tuple(PLEKKEN)


# --- building ---------------------------------------------------------------------------------


DAGNAMEN = {"MO": "maandag", "TU": "dinsdag", "WE": "woensdag", "TH": "donderdag",
            "FR": "vrijdag", "SA": "zaterdag", "SU": "zondag"}


def _dagen(byday: str) -> str:
    if byday == WERKDAGEN:
        return "op werkdagen"
    if byday == ALLE_DAGEN:
        return "elke dag"
    names = [DAGNAMEN[d] for d in byday.split(",")]
    if len(names) == 1:
        return f"op {names[0]}"
    return "op " + ", ".join(names[:-1]) + " en " + names[-1]


def _uur(hhmm: str) -> str:
    hours, minutes = hhmm.split(":")
    return f"{int(hours)}.{minutes}"


def schedule(tijd: Tijd) -> Json:
    text = tijd.description
    if text is None and tijd.opens == "00:00" and tijd.closes == "23:59":
        text = "Dag en nacht bereikbaar, ook in het weekend."
    if text is None:
        # "Open op dinsdag" and "Bellen op werkdagen" read naturally; keep one "op".
        days = _dagen(tijd.byday)
        if tijd.prefix.endswith(" op") and days.startswith("op "):
            days = days[3:]
        text = f"{tijd.prefix} {days} van {_uur(tijd.opens)} tot {_uur(tijd.closes)} uur."
    return {"byday": tijd.byday, "opens_at": tijd.opens, "closes_at": tijd.closes,
            "description": text[0].upper() + text[1:]}


def _talen(fries: bool) -> list[Json]:
    return [{"code": "nl"}, {"code": "fy"}] if fries else [{"code": "nl"}]


@dataclass
class Kaart:
    """Collects the document; hands out phone numbers and shares identical locations."""

    gemeenten: list[Gemeente]
    organizations: list[Json] = field(default_factory=list)
    services: list[Json] = field(default_factory=list)
    locaties: dict[str, Json] = field(default_factory=dict)
    _teller: dict[str, int] = field(default_factory=dict)

    def nummer(self, g: Gemeente) -> Json:
        n = self._teller.get(g.code, 0)
        self._teller[g.code] = n + 1
        assert n < NUMMERS_PER_GEMEENTE, f"te veel nummers voor {g.naam}"
        digits = 100 + g.index * NUMMERS_PER_GEMEENTE + n
        return {"number": f"{g.netnummer} 000 {digits:03d}", "type": "voice",
                "description": VOORBEELDNUMMER}

    def regionummer(self, netnummer: str) -> Json:
        n = self._teller.get("regio", 0)
        self._teller["regio"] = n + 1
        return {"number": f"{netnummer} 000 {EERSTE_REGIONUMMER + n:03d}", "type": "voice",
                "description": VOORBEELDNUMMER}

    def org_phone(self, org_id: str) -> Json:
        org = next(o for o in self.organizations if o["id"] == org_id)
        return dict(org["phones"][0])

    def gemeente_van(self, kern: Kern) -> Gemeente:
        return next(g for g in self.gemeenten if g.code == kern.gemeente_code)

    def kern(self, naam: str) -> Kern:
        return next(k for g in self.gemeenten for k in g.kernen if k.naam == naam)

    def locatie(self, kern: Kern, soort: str, org: str = "", sleutel: str = "") -> Json:
        if soort == "dorpshuis" and kern.groot:
            soort = "buurthuis"
        g = self.gemeente_van(kern)
        loc_id = f"loc-{sleutel or g.code}-{slug(kern.naam)}-{soort}"
        if loc_id not in self.locaties:
            self.locaties[loc_id] = _maak_locatie(loc_id, kern, g, soort, org)
        return self.locaties[loc_id]


def _maak_locatie(loc_id: str, kern: Kern, g: Gemeente, soort: str, org: str) -> Json:
    plek = PLEKKEN[soort]
    # Big towns have several postcodes; spread the kinds of place over them.
    postcode = kern.postcodes[PLEK_VOLGORDE.index(soort) % len(kern.postcodes)]
    name = plek.naam.format(gemeente=g.naam, plaats=kern.naam, org=org) + SUFFIX
    return {
        "id": loc_id,
        "name": name,
        "location_type": "physical",
        "latitude": round(kern.lat + plek.dlat, 4),
        "longitude": round(kern.lon + plek.dlon, 4),
        "addresses": [{"address_1": plek.straat, "postal_code": f"{postcode} {plek.letters}",
                       "city": kern.naam, "country": "NL", "address_type": "physical"}],
        "accessibility": [{"description": plek.toegankelijk}],
    }


def _context(g: Gemeente, kern: Kern) -> dict[str, str]:
    return {
        "gemeente": g.naam, "gemeente_fy": g.naam_fy, "plaats": kern.naam,
        "plaats_fy": kern.naam_fy, "team": g.team,
        "huis": "het buurthuis" if kern.groot else "het dorpshuis",
        "huis_fy": "it buerthûs" if kern.groot else "it doarpshûs",
        "buurt": "wijk" if kern.groot else "dorp",
        "buurt_fy": "wyk" if kern.groot else "doarp",
        "de_buurt": "de wijk" if kern.groot else "het dorp",
        "de_buurt_fy": "de wyk" if kern.groot else "it doarp",
    }


def service(*, sid: str, org_id: str, name: str, nl: str, fy: str, email: str | None,
            application: str, fees: str, eligibility: str, toegang: str,
            doelgroepen: tuple[str, ...], codes: tuple[str, ...], gemeenten: tuple[str, ...],
            fries: bool, phones: list[Json], tijden: tuple[Tijd, ...],
            locaties: list[Json], clientondersteuning: bool = False,
            onafhankelijk: bool | None = None) -> Json:
    rest = sid.removeprefix("svc-")
    return {
        "id": sid,
        "organization_id": org_id,
        "name": name,
        "description": nl,
        "description_fy": fy,
        "url": None,
        "email": email,
        "status": "active",
        "application_process": application,
        "fees_description": fees,
        "eligibility_description": eligibility,
        "toegang_type": toegang,
        "doelgroepen": list(doelgroepen),
        "clientondersteuning": clientondersteuning,
        "onafhankelijk": onafhankelijk,
        "attributes": [{"taxonomy_term_id": c} for c in codes],
        "service_areas": [{"gemeente_code": c} for c in gemeenten],
        "languages": _talen(fries),
        "phones": phones,
        "schedules": [schedule(t) for t in tijden],
        "cost_options": [],
        "service_at_locations": [{"id": f"sal-{rest}-{i + 1}", "location": loc}
                                 for i, loc in enumerate(locaties)],
    }


def organization(org_id: str, name: str, description: str, email: str | None,
                 phones: list[Json]) -> Json:
    return {"id": org_id, "name": name, "description": description, "email": email,
            "website": None, "phones": phones}


def _welzijn_naam(g: Gemeente) -> str:
    return WELZIJN_NAMEN[g.index % len(WELZIJN_NAMEN)].format(g=g.naam)


def _org_ids(g: Gemeente) -> dict[str, tuple[str, str]]:
    """Organisation id and e-mail domain per role ('gemeente', 'welzijn')."""
    return {
        "gemeente": (f"org-gemeente-{slug(g.naam)}", f"gemeente-{slug(g.naam)}.example"),
        "welzijn": (f"org-welzijn-{slug(g.naam)}", f"{slug(_welzijn_naam(g))}.example"),
    }


def add_gemeente_orgs(kaart: Kaart, g: Gemeente) -> None:
    ids = _org_ids(g)
    gid, gdomain = ids["gemeente"]
    kaart.organizations.append(organization(
        gid, f"Gemeente {g.naam}{SUFFIX}",
        f"De gemeente {g.naam} helpt inwoners met vragen over zorg, wonen, werk, geld en jeugd.",
        f"info@{gdomain}", [kaart.nummer(g)]))
    wid, wdomain = ids["welzijn"]
    kaart.organizations.append(organization(
        wid, _welzijn_naam(g) + SUFFIX,
        f"Wij organiseren activiteiten en vrijwillige hulp in heel {g.naam}. "
        "Veel werk gebeurt samen met vrijwilligers.",
        f"info@{wdomain}", [kaart.nummer(g)]))


def _kies(soort: Soort, g: Gemeente, pos: int) -> Tekst:
    if soort.eiland is not None and g.eiland:
        return soort.eiland
    return soort.varianten[(g.index + pos) % len(soort.varianten)]


def _tijden(soort: Soort, tekst: Tekst, g: Gemeente) -> tuple[Tijd, ...]:
    if tekst.tijden is not None:
        return tekst.tijden
    if soort.alle_tijden:
        return soort.tijden
    return (soort.tijden[g.index % len(soort.tijden)],)


def add_soort(kaart: Kaart, g: Gemeente, soort: Soort, pos: int, kern: Kern) -> None:
    tekst = _kies(soort, g, pos)
    ctx = _context(g, kern)
    org_id, domain = _org_ids(g)[soort.org]
    # The loket answers the gemeente's main number; every other service has its own.
    phone = kaart.org_phone(org_id) if soort.key == "sociaal-team" else kaart.nummer(g)
    kaart.services.append(service(
        sid=f"svc-{g.code}-{soort.key}", org_id=org_id,
        name=tekst.name.format_map(ctx) + SUFFIX,
        nl=tekst.nl.format_map(ctx), fy=tekst.fy.format_map(ctx),
        email=f"{soort.mail}@{domain}",
        application=(tekst.application or soort.application).format_map(ctx),
        fees=(tekst.fees or soort.fees).format_map(ctx),
        eligibility=soort.eligibility.format_map(ctx), toegang=soort.toegang,
        doelgroepen=tekst.doelgroepen or soort.doelgroepen, codes=soort.codes,
        gemeenten=(g.code,), fries=g.friestalig or soort.ook_fries, phones=[dict(phone)],
        tijden=_tijden(soort, tekst, g),
        locaties=[kaart.locatie(kern, tekst.plek or soort.plek)],
        clientondersteuning=soort.clientondersteuning, onafhankelijk=soort.onafhankelijk,
    ))


def algemene_soorten(g: Gemeente) -> tuple[Soort, ...]:
    if g.index % 3 == 0:
        return (*ALGEMEEN, SCHOONMAAKHULP)
    return ALGEMEEN


def add_gemeente(kaart: Kaart, g: Gemeente) -> None:
    add_gemeente_orgs(kaart, g)
    # The loket's own services come first so the sociaal team can share the main number.
    for pos, soort in enumerate(GEMEENTE_DIENSTEN):
        add_soort(kaart, g, soort, pos, g.loket)
    for pos, soort in enumerate((*MAATWERK_VAST, MAATWERK_WISSEL[g.index % 2])):
        add_soort(kaart, g, soort, pos, g.loket)
    for pos, soort in enumerate(algemene_soorten(g)):
        # Rotate over the kernen so the offer is spread over the villages, not only the main town.
        kern = g.kernen[(pos + g.index) % len(g.kernen)]
        add_soort(kaart, g, soort, pos, kern)
    for pos, soort in enumerate(MANTELZORG_EXTRA):
        # The waardering is the gemeente's own: at the loket. The rest near the steunpunt.
        kern = g.loket if soort.org == "gemeente" else g.kernen[(pos + g.index) % len(g.kernen)]
        add_soort(kaart, g, soort, pos, kern)


# --- regional and national services ---------------------------------------------------------


def _alle(kaart: Kaart) -> tuple[str, ...]:
    return tuple(g.code for g in kaart.gemeenten)


def add_wijkverpleging(kaart: Kaart) -> None:
    for key, naam, plaats, codes in REGIOS:
        office = kaart.kern(plaats)
        netnummer = kaart.gemeente_van(office).netnummer
        org_id = f"org-wijkzorg-{key}"
        domain = f"{slug(naam)}.example"
        kaart.organizations.append(organization(
            org_id, naam + SUFFIX,
            "Thuiszorg en wijkverpleging in de regio. Dit is zorg uit de zorgverzekering.",
            f"info@{domain}", [kaart.regionummer(netnummer)]))
        posts = [kaart.locatie(g.loket, "wijkpost", naam, f"wijkzorg-{key}")
                 for g in kaart.gemeenten if g.code in codes]
        kaart.services.append(service(
            sid=f"svc-wijkverpleging-{key}", org_id=org_id,
            name=f"Wijkverpleging {naam.removeprefix('Wijkzorg ')}{SUFFIX}",
            nl="De wijkverpleegkundige helpt bij wassen, aankleden en verpleging thuis. "
               "Dit valt onder de zorgverzekering, niet onder de Wmo.",
            fy="De wykferpleechkundige helpt by waskjen, oanklaaien en ferpleging thús. "
               "Dit falt ûnder de soarchfersekering, net ûnder de Wmo.",
            email=f"wijkverpleging@{domain}",
            application="Bel de wijkverpleging of vraag uw huisarts. "
                        "De wijkverpleegkundige komt bij u thuis kijken wat nodig is.",
            fees="Dit gaat via uw zorgverzekering. Vraag uw verzekeraar naar de regels.",
            eligibility="Voor mensen die thuis verzorging of verpleging nodig hebben, "
                        "bijvoorbeeld na een ziekenhuisopname.",
            toegang="andere_wet", doelgroepen=("ouderen", "zieken"), codes=("wijkverpleging",),
            gemeenten=codes, fries=True, phones=[kaart.org_phone(org_id)],
            tijden=(Tijd("", ALLE_DAGEN, "00:00", "23:59"),), locaties=posts,
        ))


def add_clientondersteuning(kaart: Kaart) -> None:
    org_id = "org-clientondersteuning-fryslan"
    domain = "clientondersteuning-fryslan.example"
    kaart.organizations.append(organization(
        org_id, f"Onafhankelijke Cliëntondersteuning Fryslân{SUFFIX}",
        "Wij helpen inwoners van heel Fryslân gratis bij vragen over zorg en hulp. "
        "Wij staan los van de gemeente.",
        f"info@{domain}", [kaart.regionummer("058")]))
    kantoren = [kaart.locatie(kaart.kern(p), "kantoor", "Cliëntondersteuning", "co-fryslan")
                for p in ("Leeuwarden", "Drachten", "Sneek", "Heerenveen")]
    kaart.services.append(service(
        sid="svc-clientondersteuning-fryslan", org_id=org_id,
        name=f"Onafhankelijke cliëntondersteuning in heel Fryslân{SUFFIX}",
        nl="Een cliëntondersteuner helpt u gratis bij de melding en het gesprek met de "
           "gemeente. Cliëntondersteuning betekent: iemand die naast u staat en met u "
           "meedenkt. Wij staan los van de gemeente.",
        fy="In kliïntstiper helpt jo fergees by de melding en it petear mei de gemeente. "
           "Wy steane los fan de gemeente en tinke allinne mei jo mei.",
        email=f"hulp@{domain}",
        application="Bel of mail ons. We maken een afspraak bij u thuis of op ons kantoor. "
                    "U kunt ons op elk moment inschakelen.",
        fees="Gratis.",
        eligibility="Voor alle inwoners van Fryslân en hun mantelzorgers, "
                    "ook voor jongeren en ouders.",
        toegang="informatie", doelgroepen=("iedereen", "mantelzorgers", "ouderen"),
        codes=("clientondersteuning",), gemeenten=_alle(kaart), fries=True,
        phones=[kaart.org_phone(org_id)],
        tijden=(Tijd("Bellen", WERKDAGEN, "09:00", "17:00"),), locaties=kantoren,
        clientondersteuning=True, onafhankelijk=True,
    ))


def add_waddenkust(kaart: Kaart) -> None:
    org_id = "org-clientondersteuning-waddenkust"
    domain = "clientondersteuning-waddenkust.example"
    kaart.organizations.append(organization(
        org_id, f"Cliëntondersteuning Waddenkust{SUFFIX}",
        "Onafhankelijke cliëntondersteuners voor de eilanden, Harlingen en Waadhoeke.",
        f"info@{domain}", [kaart.regionummer("0517")]))
    plaatsen = ("Harlingen", "Franeker", "Nes", "Schiermonnikoog", "West-Terschelling",
                "Oost-Vlieland")
    kantoren = [kaart.locatie(kaart.kern(p), "kantoor", "Waddenkust", "co-waddenkust")
                for p in plaatsen]
    kaart.services.append(service(
        sid="svc-clientondersteuning-waddenkust", org_id=org_id,
        name=f"Cliëntondersteuning op de eilanden en aan de kust{SUFFIX}",
        nl="Onafhankelijke cliëntondersteuners op de eilanden en in het noordwesten. "
           "Wij helpen u gratis bij de melding en het gesprek. "
           "Wij komen bij u thuis, ook op het eiland.",
        fy="Ûnôfhinklike kliïntstipers op de eilannen en yn it noardwesten. "
           "Wy helpe jo fergees by de melding en it petear. "
           "Wy komme by jo thús, ek op it eilân.",
        email=f"hulp@{domain}",
        application="Bel ons voor een afspraak. Op de eilanden is één keer per maand een "
                    "spreekuur. Vraag naar de data.",
        fees="Gratis.",
        eligibility="Voor inwoners van Ameland, Schiermonnikoog, Terschelling, Vlieland, "
                    "Harlingen en Waadhoeke.",
        toegang="informatie", doelgroepen=("iedereen", "mantelzorgers"),
        codes=("clientondersteuning",), gemeenten=WADDENKUST, fries=True,
        phones=[kaart.org_phone(org_id)],
        tijden=(Tijd("Bellen", "MO,TU,WE,TH", "09:00", "16:00"),), locaties=kantoren,
        clientondersteuning=True, onafhankelijk=True,
    ))


def add_beschermd_wonen(kaart: Kaart) -> None:
    leeuwarden = next(g for g in kaart.gemeenten if g.code == "GM0080")
    org_id, domain = _org_ids(leeuwarden)["gemeente"]
    loket = kaart.locatie(leeuwarden.loket, "kantoor", "Beschermd wonen", "beschermd-wonen")
    kaart.services.append(service(
        sid="svc-beschermd-wonen-centrumgemeente", org_id=org_id,
        name=f"Beschermd wonen en opvang via de centrumgemeente Leeuwarden{SUFFIX}",
        nl="Heeft u geen dak boven uw hoofd? Of kunt u door psychische problemen niet "
           "alleen wonen? Leeuwarden regelt beschermd wonen en opvang voor heel Fryslân.",
        fy="Hawwe jo gjin dak boppe de holle? Of kinne jo troch psychyske problemen net "
           "allinne wenje? Ljouwert regelet beskerme wenjen en opfang foar hiel Fryslân.",
        email=f"beschermdwonen@{domain}",
        application="Neem contact op met het sociaal team van uw eigen gemeente. "
                    "Zij helpen u verder met Leeuwarden. "
                    "Heeft u vannacht geen slaapplek? Bel dan direct.",
        fees="Meestal betaalt u een eigen bijdrage. Vraag naar de regels.",
        eligibility="Voor inwoners van alle Friese gemeenten die dakloos zijn "
                    "of beschermd moeten wonen.",
        toegang="andere_wet", doelgroepen=("daklozen", "mensen met psychische klachten"),
        codes=("beschermd_wonen",), gemeenten=_alle(kaart), fries=True,
        phones=[kaart.nummer(leeuwarden)],
        tijden=(Tijd("", ALLE_DAGEN, "00:00", "23:59"),), locaties=[loket],
    ))


def add_ciz(kaart: Kaart) -> None:
    # The CIZ is a real national body: describe what it does, but invent no phone or e-mail.
    kaart.organizations.append(organization(
        "org-ciz", "CIZ (Centrum indicatiestelling zorg)",
        "Het CIZ beoordeelt of iemand zorg uit de Wet langdurige zorg kan krijgen.",
        None, []))
    kaart.services.append(service(
        sid="svc-ciz-wlz", org_id="org-ciz",
        name=f"Informatie over de Wet langdurige zorg en het CIZ{SUFFIX}",
        nl="Heeft iemand de hele dag zorg of toezicht dichtbij nodig? Dan kan de Wet "
           "langdurige zorg passen. Het CIZ beoordeelt dat met een indicatie.",
        fy="Hat immen de hiele dei soarch of tafersjoch tichtby nedich? Dan kin de Wet "
           "langduorjende soarch passe. It CIZ beoardielet dat mei in yndikaasje.",
        email=None,
        application="U vraagt dit zelf aan bij het CIZ, of iemand doet het voor u. "
                    "Het sociaal team of de wijkverpleging helpt daarbij. "
                    "Uw hulp uit de Wmo loopt zolang door.",
        fees="De aanvraag is gratis. Voor zorg uit de Wlz betaalt u meestal een eigen "
             "bijdrage aan het CAK.",
        eligibility="Voor mensen die blijvend en de hele dag zorg nodig hebben, "
                    "bijvoorbeeld bij ernstige dementie.",
        toegang="andere_wet", doelgroepen=("ouderen", "mensen met een beperking"),
        codes=("wlz",), gemeenten=_alle(kaart), fries=False, phones=[], tijden=(),
        locaties=[],
    ))


@dataclass(frozen=True)
class Lijn:
    key: str
    org_name: str
    org_description: str
    name: str
    nl: str
    fy: str
    application: str
    eligibility: str
    phones: tuple[tuple[str, str], ...]


# Real national numbers, checked by the lead engineer: 113, Veilig Thuis and 112.
LIJNEN: tuple[Lijn, ...] = (
    Lijn("113", "113 Zelfmoordpreventie",
         "Landelijke hulplijn voor mensen die aan zelfmoord denken, en hun naasten.",
         "113 Zelfmoordpreventie",
         "Denkt u aan zelfmoord, of maakt u zich zorgen om iemand? "
         "Praat anoniem met een hulpverlener van 113.",
         "Tinke jo oan selsmoard, of meitsje jo jo soargen om immen? "
         "Praat anonym mei in helpferliener fan 113.",
         "Bel 0800-0113, dat is gratis. Of bel 113. "
         "U kunt ook chatten op de website van 113.",
         "Voor iedereen, dag en nacht.",
         (("0800-0113", "Gratis, dag en nacht"), ("113", "Kort nummer, dag en nacht"))),
    Lijn("veilig-thuis", "Veilig Thuis",
         "Advies- en meldpunt voor huiselijk geweld en kindermishandeling.",
         "Veilig Thuis: huiselijk geweld en kindermishandeling",
         "Voor advies of een melding bij huiselijk geweld of kindermishandeling. "
         "Ook als u twijfelt of zich zorgen maakt om een ander.",
         "Foar advys of in melding by húslik geweld of bernemishanneling. "
         "Ek as jo twivelje of jo soargen meitsje om in oar.",
         "Bel 0800-2000, gratis en dag en nacht. U mag anoniem bellen. "
         "Is er nu gevaar? Bel dan 112.",
         "Voor slachtoffers, omstanders, familie en hulpverleners.",
         (("0800-2000", "Gratis, dag en nacht"),)),
    Lijn("112", "Alarmnummer 112",
         "Het landelijke alarmnummer voor politie, brandweer en ambulance.",
         "Alarmnummer 112",
         "Bel 112 bij direct gevaar, als elke seconde telt. "
         "Bijvoorbeeld bij brand, een ongeluk of geweld.",
         "By direkt gefaar belje jo 112, as elke sekonde telt. "
         "Bygelyks by brân, in ûngelok of geweld.",
         "Bel 112. Zeg waar u bent en wat er aan de hand is.",
         "Alleen voor spoed en direct gevaar.",
         (("112", "Gratis, dag en nacht"),)),
)
ECHT = {"bron": LANDELIJK, "voorbeeld": False}


def add_lijnen(kaart: Kaart) -> None:
    for lijn in LIJNEN:
        phones = [{"number": n, "type": "voice", "description": d, **ECHT}
                  for n, d in lijn.phones]
        org_id = f"org-{lijn.key}"
        kaart.organizations.append({
            **organization(org_id, lijn.org_name, lijn.org_description, None,
                           [dict(p) for p in phones]), **ECHT})
        record = service(
            sid=f"svc-{lijn.key}", org_id=org_id, name=lijn.name, nl=lijn.nl, fy=lijn.fy,
            email=None, application=lijn.application, fees="Gratis.",
            eligibility=lijn.eligibility, toegang="andere_wet", doelgroepen=IEDEREEN,
            codes=("crisis",), gemeenten=_alle(kaart), fries=False, phones=phones,
            tijden=(Tijd("", ALLE_DAGEN, "00:00", "23:59"),), locaties=[])
        record["schedules"] = [{**s, **ECHT} for s in record["schedules"]]
        kaart.services.append({**record, **ECHT})


def build(gemeenten: list[Gemeente]) -> Json:
    kaart = Kaart(gemeenten)
    for g in gemeenten:
        add_gemeente(kaart, g)
    add_wijkverpleging(kaart)
    add_clientondersteuning(kaart)
    add_waddenkust(kaart)
    add_beschermd_wonen(kaart)
    add_ciz(kaart)
    add_lijnen(kaart)
    return {"bron": BRON, "laatst_gecontroleerd": DATUM, "voorbeeld": True,
            "organizations": kaart.organizations, "services": kaart.services}


def build_coordinates(gemeenten: list[Gemeente], path: Path = COORDINATES_FILE) -> Json:
    """The coordinates of the service towns, added to those already in the file (which also
    has villages without services of their own)."""
    bekend = json.loads(path.read_text(encoding="utf-8"))["woonplaatsen"] if path.exists() else {}
    return {"woonplaatsen": {**bekend,
                             **{k.naam: [k.lat, k.lon] for g in gemeenten for k in g.kernen}}}


# --- self-check -----------------------------------------------------------------------------

MAX_WOORDEN = 22
GEMIDDELD_MAX = 15.0
VERBODEN = ("€", "euro", "u krijgt", "krijgt u", "recht op")
VERPLICHT = (("huishoudelijke_hulp", "klussen"), ("maaltijden",), ("sociaal_vervoer",),
             ("hulpmiddelen",), ("woningaanpassing",), ("dagbesteding",), ("begeleiding",),
             ("eenzaamheid",), ("ontmoeting", "vrijwilligerswerk"),
             ("mantelzorgondersteuning",), ("respijtzorg",), ("maatschappelijk_werk",))
# What the mantelzorgscan shows: every gemeente has each kind (actions/mantelzorg_aanbod.py).
MANTELZORG_SOORTEN = ("steunpunt_mantelzorg", "respijtzorg", "lotgenotencontact",
                      "mantelzorgcursus", "mantelzorgwaardering")
TEKSTVELDEN = ("description", "description_fy", "application_process", "fees_description",
               "eligibility_description")
FICTIEF_NUMMER = re.compile(r"^0\d{2,3} 000 \d{3}$")
ZINSGRENS = re.compile(r"(?<=[.!?])\s+")


def _zinnen(text: str) -> list[str]:
    return [s for s in ZINSGRENS.split(text.strip()) if s]


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _teksten(doc: Json) -> list[tuple[str, str]]:
    """(language, text) of every text a resident reads."""
    out = [("nl", o["description"]) for o in doc["organizations"]]
    for s in doc["services"]:
        out += [("fy" if f.endswith("_fy") else "nl", s[f]) for f in TEKSTVELDEN]
        out += [("nl", sch["description"]) for sch in s["schedules"]]
    return out


def _check_teksten(doc: Json) -> None:
    lengths = []
    for taal, text in _teksten(doc):
        assert text, "lege tekst"
        for zin in _zinnen(text):
            words = len(zin.split())
            assert words <= MAX_WOORDEN, f"zin te lang ({words}): {zin}"
            if taal == "nl":
                lengths.append(words)
    average = sum(lengths) / len(lengths)
    assert average <= GEMIDDELD_MAX, f"zinnen gemiddeld te lang: {average:.1f}"
    for text in _strings(doc):
        for word in VERBODEN:
            assert word not in text.lower(), f"verboden '{word}' in: {text}"


def _check_ids(doc: Json) -> None:
    seen: set[str] = set()
    locaties: dict[str, Json] = {}
    for record in doc["organizations"] + doc["services"]:
        assert record["id"] not in seen, f"id dubbel: {record['id']}"
        seen.add(record["id"])
    for s in doc["services"]:
        for sal in s["service_at_locations"]:
            assert sal["id"] not in seen, f"id dubbel: {sal['id']}"
            seen.add(sal["id"])
            loc = sal["location"]
            assert locaties.setdefault(loc["id"], loc) == loc, f"locatie anders: {loc['id']}"
    org_ids = {o["id"] for o in doc["organizations"]}
    assert all(s["organization_id"] in org_ids for s in doc["services"])


def _is_echt(record: Json) -> bool:
    return record.get("voorbeeld") is False or record["id"] == "org-ciz"


def _check_records(doc: Json, codes: set[str]) -> None:
    for record in doc["organizations"] + doc["services"]:
        if not _is_echt(record):
            assert record["name"].endswith(SUFFIX), f"naam zonder (voorbeeld): {record['name']}"
        email = record.get("email")
        assert email is None or email.endswith(".example"), f"e-mail: {email}"
        assert record.get("website", record.get("url")) is None
        for phone in record["phones"]:
            if phone.get("voorbeeld") is not False:
                assert FICTIEF_NUMMER.match(phone["number"]), phone["number"]
                assert phone["description"] == VOORBEELDNUMMER
    for s in doc["services"]:
        assert s["cost_options"] == []
        assert s["description_fy"], f"geen Fries: {s['id']}"
        for a in s["attributes"]:
            assert a["taxonomy_term_id"] in codes, f"onbekende code: {a['taxonomy_term_id']}"
        if s["toegang_type"] == "maatwerk":
            assert s["application_process"].startswith("Het begint met een melding bij de")


def _check_locaties(doc: Json) -> None:
    for s in doc["services"]:
        for sal in s["service_at_locations"]:
            loc = sal["location"]
            lat, lon = COORDINATEN[loc["addresses"][0]["city"]]
            assert abs(loc["latitude"] - lat) < 0.02 and abs(loc["longitude"] - lon) < 0.02


def _per_gemeente(doc: Json, code: str) -> list[Json]:
    return [s for s in doc["services"]
            if any(a["gemeente_code"] == code for a in s["service_areas"])]


def _check_gemeente(doc: Json, g: Gemeente) -> None:
    code = g.code
    diensten = _per_gemeente(doc, code)
    algemeen = [s for s in diensten if s["toegang_type"] == "algemeen"]
    assert len(algemeen) >= 12, f"{code}: maar {len(algemeen)} algemene voorzieningen"
    for groep in VERPLICHT:
        assert any(a["taxonomy_term_id"] in groep for s in algemeen for a in s["attributes"]), \
            f"{code}: geen algemene voorziening voor {groep}"
    plaatsen = {sal["location"]["addresses"][0]["city"]
                for s in algemeen for sal in s["service_at_locations"]}
    # Residents of the villages need help nearby, not only in the main town.
    assert len(plaatsen) >= min(3, len(g.kernen)), f"{code}: aanbod in te weinig kernen"
    assert len(g.kernen) == 1 or plaatsen - {g.loket.naam}, f"{code}: alleen in {g.loket.naam}"

    def has(toegang: str, term: str) -> bool:
        return any(s["toegang_type"] == toegang and
                   any(a["taxonomy_term_id"] == term for a in s["attributes"])
                   for s in diensten)

    assert has("informatie", "sociaal_team"), f"{code}: geen sociaal team"
    for term in MANTELZORG_SOORTEN:
        assert any(a["taxonomy_term_id"] == term for s in diensten for a in s["attributes"]), \
            f"{code}: geen {term} voor de mantelzorgscan"
    for term in ("schuldhulp", "jeugd", "werk_inkomen", "wijkverpleging", "wlz", "crisis",
                 "beschermd_wonen"):
        assert has("andere_wet", term), f"{code}: geen {term}"
    assert any(s["toegang_type"] == "maatwerk" for s in diensten), f"{code}: geen maatwerk"
    co = [s for s in diensten if s["clientondersteuning"]]
    assert any(s["onafhankelijk"] is True for s in co), f"{code}: geen onafhankelijke CO"
    assert any(s["onafhankelijk"] is False for s in co), f"{code}: geen CO van de gemeente"


def check(doc: Json, gemeenten: list[Gemeente], codes: set[str]) -> None:
    gemeente_codes = {g.code for g in gemeenten}
    assert len(gemeente_codes) == 18, "er horen 18 gemeenten te zijn"
    covered = {a["gemeente_code"] for s in doc["services"] for a in s["service_areas"]}
    assert covered == gemeente_codes, f"gemeenten niet gedekt: {gemeente_codes ^ covered}"
    for g in gemeenten:
        _check_gemeente(doc, g)
    _check_ids(doc)
    _check_records(doc, codes)
    _check_teksten(doc)
    _check_locaties(doc)
    assert any(s["onafhankelijk"] and len(s["service_areas"]) == 18 for s in doc["services"])


# --- output ---------------------------------------------------------------------------------


def _dump(data: Json) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def summary(doc: Json, gemeenten: list[Gemeente]) -> str:
    locaties = {sal["location"]["id"] for s in doc["services"]
                for sal in s["service_at_locations"]}
    counts = [len(_per_gemeente(doc, g.code)) for g in gemeenten]
    algemeen = [sum(s["toegang_type"] == "algemeen" for s in _per_gemeente(doc, g.code))
                for g in gemeenten]
    return (f"{len(doc['organizations'])} organisaties, {len(doc['services'])} diensten, "
            f"{len(locaties)} locaties; per gemeente {min(counts)}-{max(counts)} diensten, "
            f"waarvan {min(algemeen)}-{max(algemeen)} algemene voorzieningen")


def main() -> None:
    gemeenten = load_gemeenten()
    doc = build(gemeenten)
    check(doc, gemeenten, load_taxonomy_codes())
    OUTPUT_FILE.write_text(_dump(doc), encoding="utf-8")
    COORDINATES_FILE.write_text(_dump(build_coordinates(gemeenten)), encoding="utf-8")
    print(summary(doc, gemeenten))


if __name__ == "__main__":
    main()
