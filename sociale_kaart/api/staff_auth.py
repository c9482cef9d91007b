"""The dependency every staff endpoint uses: a valid session, the right role, and for every
change (POST, PUT, PATCH, DELETE) the session's CSRF token in the X-CSRF-Token header.

The session token travels in an HttpOnly, SameSite=Strict cookie; the database keeps only
its hash.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Cookie, Depends, Header, HTTPException, Request

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.klok import NuDep
from sociale_kaart.models import Medewerker, Sessie
from sociale_kaart.models.medewerker import Rol
from sociale_kaart.sessies import geldige_sessie

__all__ = ["COOKIE", "AangemeldDep", "AdminDep", "TeamDep", "client_ip", "met_rol"]

COOKIE = "wmo_sessie"
WIJZIGEND = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class Aangemeld:
    medewerker: Medewerker
    sessie: Sessie
    ip: str | None


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def aangemeld(
    request: Request,
    session: SessionDep,
    nu: NuDep,
    wmo_sessie: Annotated[str | None, Cookie(description="Sessie van /staff/login")] = None,
    x_csrf_token: Annotated[str | None, Header(
        description="De csrf_token uit /staff/login; nodig bij elke wijziging")] = None,
) -> Aangemeld:
    config = request.app.state.settings
    gevonden = geldige_sessie(session, wmo_sessie, nu,
                              dt.timedelta(minutes=config.sessie_idle_minuten))
    if gevonden is None:
        raise HTTPException(401, "Log opnieuw in")
    sessie, medewerker = gevonden
    if request.method in WIJZIGEND and not hmac.compare_digest(
            (x_csrf_token or "").encode(), sessie.csrf_token.encode()):
        raise HTTPException(403, "De beveiligingscode ontbreekt of klopt niet. "
                                 "Laad de pagina opnieuw en probeer het nog een keer.")
    sessie.laatst_gezien_op = nu
    session.add(sessie)
    session.commit()
    return Aangemeld(medewerker, sessie, client_ip(request))


AangemeldDep = Annotated[Aangemeld, Depends(aangemeld)]


def met_rol(*rollen: Rol) -> Callable[[Aangemeld], Aangemeld]:
    def controleer(wie: AangemeldDep) -> Aangemeld:
        if wie.medewerker.rol not in rollen:
            raise HTTPException(403, "Dit mag niet met uw rol. "
                                     "Hebt u dit nodig? Vraag het aan een beheerder.")
        return wie

    return controleer


TeamDep = Annotated[Aangemeld, Depends(met_rol("team", "admin"))]
AdminDep = Annotated[Aangemeld, Depends(met_rol("admin"))]
