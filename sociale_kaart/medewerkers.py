"""Manage staff accounts from the command line.

    python -m sociale_kaart.medewerkers toevoegen --gebruikersnaam anna --naam "Anna de Vries" \\
        --rol team --gemeente GM0090
    python -m sociale_kaart.medewerkers wachtwoord --gebruikersnaam anna
    python -m sociale_kaart.medewerkers verwijderen --gebruikersnaam anna
    python -m sociale_kaart.medewerkers lijst

The password is asked twice (getpass), or read from the environment variable WACHTWOORD for
scripts. It must be at least 12 characters long.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete, select

from sociale_kaart.core.config import settings
from sociale_kaart.core.db import create_tables, make_engine
from sociale_kaart.core.security import MIN_WACHTWOORD_LENGTE, hash_wachtwoord
from sociale_kaart.models import Gemeente, Medewerker, Sessie
from sociale_kaart.models.medewerker import ROLLEN

__all__ = ["Fout", "main"]


class Fout(Exception):
    """A mistake in what was asked; the message says what to do."""


def lees_wachtwoord() -> str:
    wachtwoord = os.environ.get("WACHTWOORD")
    if wachtwoord is None:
        wachtwoord = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != wachtwoord:
            raise Fout("De twee wachtwoorden zijn niet gelijk. Probeer het opnieuw.")
    if len(wachtwoord) < MIN_WACHTWOORD_LENGTE:
        raise Fout(f"Het wachtwoord is te kort. Gebruik minstens {MIN_WACHTWOORD_LENGTE} tekens.")
    return wachtwoord


def _medewerker(session: Session, gebruikersnaam: str) -> Medewerker:
    medewerker = session.exec(
        select(Medewerker).where(Medewerker.gebruikersnaam == gebruikersnaam.strip().lower())
    ).first()
    if medewerker is None:
        raise Fout(f"Er is geen medewerker met gebruikersnaam {gebruikersnaam!r}.")
    return medewerker


def toevoegen(session: Session, args: argparse.Namespace) -> str:
    gebruikersnaam = args.gebruikersnaam.strip().lower()
    if not gebruikersnaam or not args.naam.strip():
        raise Fout("Vul een gebruikersnaam en een naam in.")
    if len(gebruikersnaam) > 100 or len(args.naam) > 200:
        raise Fout("De gebruikersnaam mag 100 tekens lang zijn, de naam 200. Maak ze korter.")
    if session.exec(select(Medewerker).where(
            Medewerker.gebruikersnaam == gebruikersnaam)).first():
        raise Fout(f"De gebruikersnaam {gebruikersnaam!r} bestaat al. Kies een andere.")
    gemeenten = sorted({code.strip().upper() for code in args.gemeente or []})
    onbekend = [code for code in gemeenten if session.get(Gemeente, code) is None]
    if onbekend:
        raise Fout(f"Deze gemeente bestaat niet: {', '.join(onbekend)}. "
                   "Gebruik de CBS-code, bijvoorbeeld GM0090.")
    if args.rol != "admin" and not gemeenten:
        raise Fout("Geef met --gemeente aan welke gemeente(n) deze medewerker mag zien.")
    medewerker = Medewerker(gebruikersnaam=gebruikersnaam, naam=args.naam.strip(), rol=args.rol,
                            gemeenten=gemeenten, wachtwoord_hash=hash_wachtwoord(lees_wachtwoord()))
    session.add(medewerker)
    session.commit()
    waar = ", ".join(gemeenten) if gemeenten else "alle gemeenten"
    return f"Medewerker {gebruikersnaam} toegevoegd (rol {args.rol}, {waar})."


def wachtwoord(session: Session, args: argparse.Namespace) -> str:
    medewerker = _medewerker(session, args.gebruikersnaam)
    medewerker.wachtwoord_hash = hash_wachtwoord(lees_wachtwoord())
    medewerker.mislukte_pogingen = 0
    medewerker.geblokkeerd_tot = None
    session.add(medewerker)
    session.exec(delete(Sessie)  # type: ignore[call-overload]
                 .where(col(Sessie.medewerker_id) == medewerker.id))
    session.commit()
    return f"Nieuw wachtwoord voor {medewerker.gebruikersnaam} opgeslagen; oude sessies zijn uit."


def verwijderen(session: Session, args: argparse.Namespace) -> str:
    medewerker = _medewerker(session, args.gebruikersnaam)
    session.exec(delete(Sessie)  # type: ignore[call-overload]
                 .where(col(Sessie.medewerker_id) == medewerker.id))
    session.delete(medewerker)
    session.commit()
    return f"Medewerker {args.gebruikersnaam} verwijderd."


def lijst(session: Session, args: argparse.Namespace) -> str:
    rijen = [f"{m.gebruikersnaam}\t{m.naam}\t{m.rol}\t{','.join(m.gemeenten) or 'alle'}"
             for m in session.exec(select(Medewerker).order_by(Medewerker.gebruikersnaam))]
    return "\n".join(rijen) or "Er zijn nog geen medewerkers."


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sociale_kaart.medewerkers",
                                description="Medewerkers van het team en het KCC beheren.")
    sub = p.add_subparsers(dest="opdracht", required=True)
    nieuw = sub.add_parser("toevoegen", help="een medewerker toevoegen")
    nieuw.add_argument("--gebruikersnaam", required=True)
    nieuw.add_argument("--naam", required=True, help='bijvoorbeeld "Anna de Vries"')
    nieuw.add_argument("--rol", required=True, choices=ROLLEN)
    nieuw.add_argument("--gemeente", action="append", metavar="GM0090",
                       help="CBS-code; herhaal voor meer gemeenten (niet nodig voor admin)")
    nieuw.set_defaults(doe=toevoegen)
    for naam, functie, uitleg in (("wachtwoord", wachtwoord, "een nieuw wachtwoord zetten"),
                                  ("verwijderen", verwijderen, "een medewerker verwijderen")):
        opdracht = sub.add_parser(naam, help=uitleg)
        opdracht.add_argument("--gebruikersnaam", required=True)
        opdracht.set_defaults(doe=functie)
    sub.add_parser("lijst", help="alle medewerkers tonen").set_defaults(doe=lijst)
    return p


def main(argv: Sequence[str] | None = None, engine: Engine | None = None) -> int:
    args = parser().parse_args(argv)
    engine = engine or make_engine(settings.database_url)
    create_tables(engine)
    with Session(engine) as session:
        try:
            print(args.doe(session, args))
        except Fout as fout:
            print(f"Fout: {fout}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
