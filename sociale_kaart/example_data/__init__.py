"""Loads the example map of the 18 Frisian gemeenten into an empty database."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from sqlmodel import Session, select

from sociale_kaart.models import Gemeente, Postcodegebied, Toegang, Woonplaats

__all__ = ["EXAMPLE_FILE", "load_example_data"]

EXAMPLE_FILE = Path(__file__).with_name("fryslan.json")

_INLOOP_NL = (
    "Voorbeeld: op werkdagen van 9.00 tot 12.00 uur kunt u zonder afspraak langskomen "
    "in het gemeentehuis in {plaats}. U kunt ook vragen of iemand bij u thuis komt."
)
_INLOOP_FY = (
    "Foarbyld: op wurkdagen fan 9.00 oant 12.00 oere kinne jo sûnder ôfspraak del komme "
    "yn it gemeentehûs yn {plaats}. Jo kinne ek freegje oft immen by jo thús komt."
)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z]+", "", name.lower().replace("ú", "u").replace("â", "a"))


def load_example_data(session: Session, path: Path = EXAMPLE_FILE) -> bool:
    """Fill an empty database; returns False and changes nothing when data is already there."""
    if session.exec(select(Gemeente)).first() is not None:
        return False
    data = json.loads(path.read_text(encoding="utf-8"))
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
            **herkomst,
        ))
        for naam, naam_fy, postcodes in item["woonplaatsen"]:
            plaats = Woonplaats(naam=naam, naam_fy=naam_fy, gemeente_code=item["code"])
            session.add(plaats)
            session.flush()
            assert plaats.id is not None
            for pc4 in postcodes:
                if pc4 not in seen_pc4:
                    seen_pc4.add(pc4)
                    session.add(Postcodegebied(pc4=pc4, woonplaats_id=plaats.id))
    session.commit()
    return True
