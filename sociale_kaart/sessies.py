"""Staff login: checking a password with lockout, and sessions that expire.

Every function takes the moment `nu` as a parameter, so tests can set the time. The caller
commits, so a login and its audit row are written together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, delete, select, update

from sociale_kaart.core.security import (
    controleer_wachtwoord,
    hash_wachtwoord,
    moet_opnieuw_hashen,
    nep_controle,
    nieuw_token,
    token_hash,
)
from sociale_kaart.models import Medewerker, Sessie

__all__ = [
    "BLOKKADE",
    "MAX_POGINGEN",
    "Inlogpoging",
    "beeindig_sessie",
    "geldige_sessie",
    "inloggen",
]

MAX_POGINGEN = 5
BLOKKADE = dt.timedelta(minutes=15)


@dataclass
class Inlogpoging:
    medewerker: Medewerker | None
    token: str | None = None
    sessie: Sessie | None = None
    reden: str = "gelukt"

    @property
    def gelukt(self) -> bool:
        return self.sessie is not None


def _mislukt(session: Session, medewerker: Medewerker, nu: dt.datetime) -> None:
    # One UPDATE, so attempts sent at the same moment are all counted.
    session.exec(update(Medewerker)  # type: ignore[call-overload]
                 .where(col(Medewerker.id) == medewerker.id)
                 .values(mislukte_pogingen=col(Medewerker.mislukte_pogingen) + 1))
    session.refresh(medewerker)
    if medewerker.mislukte_pogingen >= MAX_POGINGEN:
        medewerker.mislukte_pogingen = 0
        medewerker.geblokkeerd_tot = nu + BLOKKADE
    session.add(medewerker)


def inloggen(session: Session, gebruikersnaam: str, wachtwoord: str, nu: dt.datetime,
             max_duur: dt.timedelta) -> Inlogpoging:
    """A new session when the password is right and the account is not locked.

    Five wrong passwords in a row lock the account for 15 minutes. Every path checks a
    password, so the time an answer takes does not tell whether the user exists.
    """
    medewerker = session.exec(
        select(Medewerker).where(Medewerker.gebruikersnaam == gebruikersnaam)).first()
    if medewerker is None:
        nep_controle(wachtwoord)
        return Inlogpoging(None, reden="onbekende gebruikersnaam")
    juist = controleer_wachtwoord(wachtwoord, medewerker.wachtwoord_hash)
    if medewerker.geblokkeerd_tot is not None and medewerker.geblokkeerd_tot > nu:
        return Inlogpoging(medewerker, reden="geblokkeerd")
    if not juist:
        _mislukt(session, medewerker, nu)
        reden = "verkeerd wachtwoord" + (", nu geblokkeerd" if medewerker.geblokkeerd_tot else "")
        return Inlogpoging(medewerker, reden=reden)
    medewerker.mislukte_pogingen = 0
    medewerker.geblokkeerd_tot = None
    if moet_opnieuw_hashen(medewerker.wachtwoord_hash):
        medewerker.wachtwoord_hash = hash_wachtwoord(wachtwoord)
    session.add(medewerker)
    assert medewerker.id is not None
    token = nieuw_token()
    sessie = Sessie(token_hash=token_hash(token), csrf_token=nieuw_token(),
                    medewerker_id=medewerker.id, aangemaakt_op=nu, laatst_gezien_op=nu,
                    verloopt_op=nu + max_duur)
    session.add(sessie)
    return Inlogpoging(medewerker, token, sessie)


def geldige_sessie(session: Session, token: str | None, nu: dt.datetime,
                   max_stil: dt.timedelta) -> tuple[Sessie, Medewerker] | None:
    """The session of this cookie value, or None when there is none or it has expired.

    A session ends `max_stil` after the last request, and always at its `verloopt_op`.
    An expired session is removed right away.
    """
    if not token:
        return None
    sessie = session.exec(select(Sessie).where(Sessie.token_hash == token_hash(token))).first()
    if sessie is None:
        return None
    if nu >= sessie.verloopt_op or nu - sessie.laatst_gezien_op >= max_stil:
        session.delete(sessie)
        session.commit()
        return None
    medewerker = session.get(Medewerker, sessie.medewerker_id)
    if medewerker is None:
        return None
    return sessie, medewerker


def beeindig_sessie(session: Session, token: str) -> None:
    session.exec(delete(Sessie)  # type: ignore[call-overload]
                 .where(col(Sessie.token_hash) == token_hash(token)))
