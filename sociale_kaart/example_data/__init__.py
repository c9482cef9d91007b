"""Loads the example map of the 18 Frisian gemeenten into an empty database."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from sqlmodel import Session, select

from sociale_kaart.hsds.importer import import_document
from sociale_kaart.models import Gemeente, Postcodegebied, Service, Toegang, Woonplaats
from sociale_kaart.taxonomy import load_taxonomy

__all__ = ["EXAMPLE_FILE", "load_example_data"]

EXAMPLE_FILE = Path(__file__).with_name("fryslan.json")
SERVICES_FILE = Path(__file__).with_name("fryslan_hsds.json")
COORDINATES_FILE = Path(__file__).with_name("coordinaten.json")

_INLOOP_NL = (
    "Voorbeeld: op werkdagen van 9.00 tot 12.00 uur kunt u zonder afspraak langskomen "
    "in het gemeentehuis in {plaats}. U kunt ook vragen of iemand bij u thuis komt."
)
_KCC_OPEN = "Voorbeeld: op werkdagen van 8.30 tot 17.00 uur."
_INLOOP_FY = (
    "Foarbyld: op wurkdagen fan 9.00 oant 12.00 oere kinne jo sûnder ôfspraak del komme "
    "yn it gemeentehûs yn {plaats}. Jo kinne ek freegje oft immen by jo thús komt."
)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z]+", "", name.lower().replace("ú", "u").replace("â", "a"))


def load_example_data(session: Session) -> bool:
    """Fill what is empty, and bring a directory that holds only example data up to date with
    the example data of this version; returns False and changes nothing when a gemeente's own
    data is there (or the example data is already current)."""
    loaded = False
    if session.exec(select(Gemeente)).first() is None:
        _load_gemeenten(session, EXAMPLE_FILE)
        loaded = True
    load_taxonomy(session)
    if not SERVICES_FILE.exists():
        return loaded
    document = json.loads(SERVICES_FILE.read_text(encoding="utf-8"))
    if _only_older_example_services(session, document):
        # The import is idempotent: records that did not change stay as they are.
        import_document(session, document)
        loaded = True
    return loaded


def _only_older_example_services(session: Session, document: dict) -> bool:
    """True for an empty directory, and for one that holds only services of the shipped
    example file while this version ships more (a `make run` directory of an earlier
    version). A directory with any service of its own is never touched."""
    shipped = {s["id"] for s in document["services"]}
    present = set(session.exec(select(Service.id)))
    return present < shipped


def _coordinates() -> dict[str, list[float]]:
    if not COORDINATES_FILE.exists():
        return {}
    return json.loads(COORDINATES_FILE.read_text(encoding="utf-8"))["woonplaatsen"]


def _load_gemeenten(session: Session, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    coordinates = _coordinates()
    herkomst = {
        "bron": data["bron"],
        "laatst_gecontroleerd": dt.date.fromisoformat(data["laatst_gecontroleerd"]),
        "voorbeeld": True,
    }
    seen_pc4: set[int] = set()
    for item in data["gemeenten"]:
        session.add(Gemeente(code=item["code"], naam=item["naam"], naam_fy=item["naam_fy"],
                             website=item["website"], **herkomst))
        session.add(Toegang(
            gemeente_code=item["code"],
            team_naam=item["team"],
            telefoon=f"14 {item['netnummer']}",
            email=f"wmo@{_slug(item['naam'])}.example",
            website=item["website"],
            adres=f"Gemeentehuis, {item['plaats_loket']}",
            inloop=_INLOOP_NL.format(plaats=item["plaats_loket"]),
            inloop_fy=_INLOOP_FY.format(plaats=item["plaats_loket"]),
            huisbezoek=True,
            kcc_open=_KCC_OPEN,
            **herkomst,
        ))
        for naam, naam_fy, postcodes in item["woonplaatsen"]:
            lat, lon = coordinates.get(naam, (None, None))
            plaats = Woonplaats(naam=naam, naam_fy=naam_fy, gemeente_code=item["code"],
                                latitude=lat, longitude=lon)
            session.add(plaats)
            session.flush()
            assert plaats.id is not None
            for pc4 in postcodes:
                if pc4 not in seen_pc4:
                    seen_pc4.add(pc4)
                    session.add(Postcodegebied(pc4=pc4, woonplaats_id=plaats.id))
    session.commit()
