"""Staff login and logout. Every other staff endpoint depends on api/staff_auth.py."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, HTTPException, Request, Response

from sociale_kaart import audit
from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.klok import NuDep
from sociale_kaart.api.nederlands import NederlandseRoute
from sociale_kaart.api.staff_auth import COOKIE, AangemeldDep, client_ip
from sociale_kaart.models import Ingelogd, LoginVerzoek, Medewerker, Sessie
from sociale_kaart.sessies import beeindig_sessie, inloggen

router = APIRouter(prefix="/staff", tags=["medewerkers"], route_class=NederlandseRoute)

# The same answer for an unknown name, a wrong password and a locked account, so the answer
# never tells whether someone has an account.
LOGIN_MISLUKT = ("Gebruikersnaam of wachtwoord klopt niet. "
                 "Hebt u het 5 keer fout gedaan? Wacht dan 15 minuten.")


def _ingelogd(medewerker: Medewerker, sessie: Sessie) -> Ingelogd:
    return Ingelogd(gebruikersnaam=medewerker.gebruikersnaam, naam=medewerker.naam,
                    rol=medewerker.rol, gemeenten=list(medewerker.gemeenten),
                    csrf_token=sessie.csrf_token)


@router.post("/login", response_model=Ingelogd,
             responses={401: {"description": LOGIN_MISLUKT}})
def login(verzoek: LoginVerzoek, request: Request, response: Response, session: SessionDep,
          nu: NuDep) -> Ingelogd:
    config = request.app.state.settings
    poging = inloggen(session, verzoek.gebruikersnaam, verzoek.wachtwoord, nu,
                      dt.timedelta(hours=config.sessie_max_uren))
    wie = poging.medewerker.gebruikersnaam if poging.medewerker else None
    if not poging.gelukt:
        audit.schrijf(session, "inloggen_mislukt", nu=nu, gebruikersnaam=wie,
                      ip=client_ip(request), details=poging.reden)
        session.commit()
        raise HTTPException(401, LOGIN_MISLUKT)
    assert poging.medewerker and poging.sessie and poging.token
    vorige = request.cookies.get(COOKIE)
    if vorige:  # a new login replaces the session this browser had
        beeindig_sessie(session, vorige)
    audit.schrijf(session, "inloggen", nu=nu, gebruikersnaam=wie, ip=client_ip(request))
    session.commit()
    response.set_cookie(COOKIE, poging.token, max_age=config.sessie_max_uren * 3600,
                        httponly=True, samesite="strict", secure=config.cookie_secure, path="/")
    return _ingelogd(poging.medewerker, poging.sessie)


@router.post("/logout", status_code=204)
def logout(wie: AangemeldDep, request: Request, session: SessionDep, nu: NuDep) -> Response:
    session.delete(wie.sessie)
    audit.schrijf(session, "uitloggen", nu=nu, gebruikersnaam=wie.medewerker.gebruikersnaam,
                  ip=wie.ip)
    session.commit()
    response = Response(status_code=204)
    config = request.app.state.settings
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                           secure=config.cookie_secure)
    return response


@router.get("/me", response_model=Ingelogd)
def me(wie: AangemeldDep) -> Ingelogd:
    return _ingelogd(wie.medewerker, wie.sessie)
