"""The KCC queue: the bot hands a conversation to a KCC medewerker, who takes it, answers the
resident live in the widget, and hands it back to the bot or closes it (docs/kcc.md).

- `GET /kcc/bereikbaar` (public): is the KCC open now? The bot offers a live chat when it is,
  a call-back request when it is not.
- `POST /kcc/overdrachten` (the action server, with the meldingen token): file a handover.
- Everything else is for staff with role `kcc` or `admin`. Role `kcc` sees the overdrachten of
  its own gemeenten and those without a gemeente; another gemeente's answers as if it did not
  exist. Every staff request is written to the audit log.

Rasa keeps the conversation. The transcript is read live from its tracker; replies, the
medewerker's name and the resume go to it as events (sociale_kaart/rasa_api.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select, update

from sociale_kaart import audit
from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.klok import NuDep
from sociale_kaart.api.nederlands import NederlandseRoute
from sociale_kaart.api.routes.meldingen import require_melding_token
from sociale_kaart.api.staff_auth import Aangemeld, met_rol
from sociale_kaart.kcc_bereikbaar import lees_openingstijden
from sociale_kaart.models import AuditLog, Gemeente, Overdracht, OverdrachtCreate
from sociale_kaart.models.medewerker import AuditActie
from sociale_kaart.models.overdracht import (
    OPEN,
    Actie,
    Afsluiten,
    Bericht,
    InWachtrij,
    OverdrachtBevestiging,
    OverdrachtDetail,
    TranscriptRegel,
)
from sociale_kaart.rasa_api import RasaApi, RasaFout, transcript

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/kcc", tags=["kcc"], route_class=NederlandseRoute)

KccDep = Annotated[Aangemeld, Depends(met_rol("kcc", "admin"))]

NIET_GEVONDEN = "Overdracht niet gevonden"
BEKEKEN_TELT_OPNIEUW = dt.timedelta(minutes=10)
RASA_WEG = ("De wegwijzer is nu niet bereikbaar. Probeer het over een minuut opnieuw. "
            "Lukt het dan nog niet? Neem contact op met de beheerder.")
RASA_UIT = ("De console is niet gekoppeld aan de wegwijzer, dus u kunt de inwoner nu niet "
            "antwoorden. Vraag de beheerder om RASA_AUTH_TOKEN in te stellen.")
TRANSCRIPT_WEG = ("Het gesprek is nu niet te lezen, omdat de wegwijzer niet bereikbaar is. "
                  "De samenvatting klopt wel. Probeer het over een minuut opnieuw.")
TRANSCRIPT_UIT = ("Het gesprek is hier niet te lezen, omdat de console niet gekoppeld is aan "
                  "de wegwijzer. Vraag de beheerder om RASA_AUTH_TOKEN in te stellen.")
TRANSCRIPT_VERWIJDERD = ("Het gesprek is niet meer te lezen, omdat de bewaartermijn voorbij "
                         "is.")
NIET_GEMELD = ("Het is gelukt, maar de inwoner heeft er geen bericht over gekregen. "
               "Laat het de inwoner zelf weten als dat nog kan.")
AL_OPGEPAKT = "Een collega ({naam}) heeft dit gesprek al opgepakt. Kies een ander gesprek."
AL_KLAAR = "Dit gesprek is al afgerond. Kies een ander gesprek uit de wachtrij."
NIET_VAN_U = "Pak het gesprek eerst op. Alleen wie het gesprek heeft opgepakt, kan dit doen."
TERUGBELLEN = "Dit is een verzoek om terug te bellen. Bel de inwoner en sluit het daarna af."


# ---- Rasa -----------------------------------------------------------------------------------

_rasa_lock = threading.Lock()


def rasa_api(request: Request) -> RasaApi | None:
    """Rasa's HTTP API, or None when RASA_AUTH_TOKEN is not set. One client per app, so the
    console's polls reuse their connections instead of opening one per call. Tests put an
    httpx transport in app.state.rasa_transport to stand in for Rasa."""
    config = request.app.state.settings
    if not config.rasa_auth_token:
        return None
    state = request.app.state
    with _rasa_lock:
        if getattr(state, "rasa_api", None) is None:
            state.rasa_api = RasaApi(config.rasa_url, config.rasa_auth_token,
                                     getattr(state, "rasa_transport", None))
    return state.rasa_api


RasaDep = Annotated[RasaApi | None, Depends(rasa_api)]


def _nodig(api: RasaApi | None) -> RasaApi:
    if api is None:
        raise HTTPException(503, RASA_UIT)
    return api


# ---- the bot's side -------------------------------------------------------------------------

@router.get("/bereikbaar")
def bereikbaar(request: Request, session: SessionDep, nu: NuDep,
               gemeente: Annotated[str | None, Query(
                   max_length=10, description="CBS-code van de gemeente")] = None,
               ) -> dict[str, bool]:
    """Whether the KCC answers live chats now (KCC_OPENINGSTIJDEN, Dutch time)."""
    if gemeente and session.get(Gemeente, gemeente.strip().upper()) is None:
        raise HTTPException(404, "Gemeente niet gevonden")
    openingstijden = lees_openingstijden(request.app.state.settings.kcc_openingstijden)
    return {"open": openingstijden.open_op(nu)}


def _open_voor(session: Session, gesprek_id: str) -> Overdracht | None:
    return session.exec(select(Overdracht)
                        .where(Overdracht.open_gesprek_id == gesprek_id)).first()


def maak_overdracht(session: Session, data: OverdrachtCreate,
                    nu: dt.datetime) -> tuple[Overdracht, bool]:
    """The open overdracht of this conversation, and whether it is new.

    Two requests at the same moment both miss the first lookup; the unique open_gesprek_id
    then refuses the second insert, and that request reads the first one's row.
    """
    bestaand = _open_voor(session, data.gesprek_id)
    if bestaand is not None:
        return bestaand, False
    if data.gemeente_code and session.get(Gemeente, data.gemeente_code) is None:
        raise HTTPException(422, [{
            "loc": ["body", "gemeente_code"], "type": "gemeente_onbekend",
            "msg": "Deze gemeente kennen we niet. Stuur een CBS-code zoals GM0090, of null."}])
    overdracht = Overdracht(**data.model_dump(), open_gesprek_id=data.gesprek_id,
                            aangemaakt_op=nu, gewijzigd_op=nu)
    session.add(overdracht)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        bestaand = _open_voor(session, data.gesprek_id)
        if bestaand is None:
            raise
        return bestaand, False
    session.refresh(overdracht)
    return overdracht, True


@router.post(
    "/overdrachten", status_code=201, response_model=OverdrachtBevestiging,
    dependencies=[Depends(require_melding_token)],
    responses={
        200: {"model": OverdrachtBevestiging,
              "description": "Dit gesprek had al een open overdracht: die komt terug"},
        401: {"description": "Het meldingentoken ontbreekt of klopt niet"},
        422: {"description": "Een veld klopt niet, of de gemeente is onbekend"},
        503: {"description": "SOCIALE_KAART_MELDING_TOKEN ontbreekt"},
    },
)
def nieuwe_overdracht(data: OverdrachtCreate, response: Response, session: SessionDep,
                      nu: NuDep) -> Overdracht:
    overdracht, nieuw = maak_overdracht(session, data, nu)
    if not nieuw:
        response.status_code = 200
    return overdracht


# ---- staff ----------------------------------------------------------------------------------

def _zichtbaar(statement: Any, wie: Aangemeld) -> Any:
    if wie.medewerker.rol == "admin":
        return statement
    return statement.where(or_(col(Overdracht.gemeente_code).in_(wie.medewerker.gemeenten),
                               col(Overdracht.gemeente_code).is_(None)))


def _overdracht(session: Session, wie: Aangemeld, overdracht_id: int) -> Overdracht:
    overdracht = session.exec(_zichtbaar(select(Overdracht), wie)
                              .where(Overdracht.id == overdracht_id)).first()
    if overdracht is None:
        raise HTTPException(404, NIET_GEVONDEN)
    return overdracht


def _audit(session: Session, wie: Aangemeld, actie: AuditActie, nu: dt.datetime,
           details: str) -> None:
    audit.schrijf(session, actie, nu=nu, gebruikersnaam=wie.medewerker.gebruikersnaam,
                  ip=wie.ip, details=details)


def voornaam(wie: Aangemeld) -> str:
    """What the resident sees: the first name only."""
    delen = wie.medewerker.naam.split()
    return delen[0] if delen else wie.medewerker.gebruikersnaam


def _gemeente_namen(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    return {g.code: g.naam for g in session.exec(select(Gemeente)
                                                  .where(col(Gemeente.code).in_(codes)))}


def _wachttijd(overdracht: Overdracht, nu: dt.datetime) -> int:
    eind = nu if overdracht.status == "wachtend" else (
        overdracht.opgepakt_op or overdracht.afgerond_op or nu)
    return max(0, int((eind - overdracht.aangemaakt_op).total_seconds()))


def _in_wachtrij(overdracht: Overdracht, wie: Aangemeld, namen: dict[str, str],
                 nu: dt.datetime) -> dict[str, Any]:
    return {
        **overdracht.model_dump(include=set(InWachtrij.model_fields)),
        "gemeente_naam": namen.get(overdracht.gemeente_code or ""),
        "wachttijd_seconden": _wachttijd(overdracht, nu),
        "van_mij": overdracht.medewerker == wie.medewerker.gebruikersnaam,
    }


def _kort(session: Session, overdracht: Overdracht, wie: Aangemeld,
          nu: dt.datetime) -> InWachtrij:
    namen = _gemeente_namen(session, {overdracht.gemeente_code} - {None})  # type: ignore[arg-type]
    return InWachtrij.model_validate(_in_wachtrij(overdracht, wie, namen, nu))


@router.get("/wachtrij", response_model=list[InWachtrij])
def wachtrij(session: SessionDep, wie: KccDep, nu: NuDep) -> list[dict[str, Any]]:
    """Open overdrachten: the waiting ones first, the longest waiting on top; then the ones a
    medewerker is handling."""
    open_ = list(session.exec(_zichtbaar(select(Overdracht), wie)
                              .where(col(Overdracht.status).in_(OPEN))))
    open_.sort(key=lambda o: (o.status != "wachtend", o.aangemaakt_op, o.id))
    namen = _gemeente_namen(session, {o.gemeente_code for o in open_ if o.gemeente_code})
    # Not audited: the console asks every few seconds, and the queue shows no resident's
    # words or contact details; opening one is audited.
    return [_in_wachtrij(o, wie, namen, nu) for o in open_]


def _lees_transcript(overdracht: Overdracht,
                     api: RasaApi | None) -> tuple[list[dict[str, Any]] | None, str | None]:
    if overdracht.geanonimiseerd or not overdracht.gesprek_id:
        return None, TRANSCRIPT_VERWIJDERD
    if api is None:
        return None, TRANSCRIPT_UIT
    try:
        return transcript(api.tracker(overdracht.gesprek_id)), None
    except RasaFout:
        return None, TRANSCRIPT_WEG


@router.get("/overdrachten/{overdracht_id}", response_model=OverdrachtDetail)
def bekijken(overdracht_id: int, session: SessionDep, wie: KccDep, nu: NuDep,
             api: RasaDep) -> dict[str, Any]:
    """The bot's summary and the conversation so far, read live from Rasa. When Rasa cannot
    be read, `transcript` is null and `melding` says why."""
    overdracht = _overdracht(session, wie, overdracht_id)
    regels, melding = _lees_transcript(overdracht, api)
    namen = _gemeente_namen(session, {overdracht.gemeente_code} - {None})  # type: ignore[arg-type]
    detail = {**overdracht.model_dump(), **_in_wachtrij(overdracht, wie, namen, nu),
              "transcript": regels, "melding": melding}
    if not _onlangs_bekeken(session, wie, overdracht_id, nu):
        _audit(session, wie, "overdracht_bekijken", nu, f"overdracht {overdracht_id}"
               + (", gesprek niet gelezen" if regels is None else ""))
        session.commit()
    return detail


def _onlangs_bekeken(session: Session, wie: Aangemeld, overdracht_id: int,
                     nu: dt.datetime) -> bool:
    """Whether this person's view of this handover is already in the audit log of the last
    few minutes: the open console asks again every few seconds, and one row tells enough."""
    return session.exec(select(AuditLog.id).where(
        AuditLog.gebruikersnaam == wie.medewerker.gebruikersnaam,
        AuditLog.actie == "overdracht_bekijken",
        col(AuditLog.details).startswith(f"overdracht {overdracht_id}"),
        AuditLog.tijdstip > nu - BEKEKEN_TELT_OPNIEUW)).first() is not None


def _controleer_open(overdracht: Overdracht, wie: Aangemeld, *, wachtend_mag: bool) -> None:
    """409 unless this medewerker may act on it now: it is theirs (or still waiting, when
    `wachtend_mag`)."""
    if overdracht.status not in OPEN:
        raise HTTPException(409, AL_KLAAR)
    if overdracht.status == "wachtend":
        if not wachtend_mag:
            raise HTTPException(409, NIET_VAN_U)
    elif overdracht.medewerker != wie.medewerker.gebruikersnaam:
        raise HTTPException(409, AL_OPGEPAKT.format(naam=overdracht.medewerker_naam or "?"))


def _zeg_het(api: RasaApi, overdracht: Overdracht, response: str) -> str | None:
    """Let the bot say one of its responses to the resident. The step before it mattered more
    (the name set, the bot resumed), so a failure here is a warning, not an error."""
    try:
        api.voer_uit(overdracht.gesprek_id, response)
    except RasaFout:
        return NIET_GEMELD
    return None


@router.post("/overdrachten/{overdracht_id}/oppakken", response_model=Actie,
             responses={409: {"description": "Een collega heeft het al, of het is afgerond"},
                        502: {"description": RASA_WEG}, 503: {"description": RASA_UIT}})
def oppakken(overdracht_id: int, session: SessionDep, wie: KccDep, nu: NuDep,
             api: RasaDep) -> Actie:
    """Take the overdracht. For a chat, the bot then tells the resident the medewerker's
    first name (slot medewerker_naam, response utter_medewerker_erbij)."""
    overdracht = _overdracht(session, wie, overdracht_id)
    ik = wie.medewerker.gebruikersnaam
    if overdracht.status == "in_behandeling" and overdracht.medewerker == ik:
        return Actie(overdracht=_kort(session, overdracht, wie, nu))  # a second click
    _controleer_open(overdracht, wie, wachtend_mag=True)
    chat = overdracht.soort == "chat"
    rasa = _nodig(api) if chat else None
    # Only one medewerker can win: the update takes the row only while it is still waiting.
    genomen = session.exec(
        update(Overdracht)  # type: ignore[call-overload]
        .where(col(Overdracht.id) == overdracht_id, col(Overdracht.status) == "wachtend")
        .values(status="in_behandeling", medewerker=ik, medewerker_naam=wie.medewerker.naam,
                opgepakt_op=nu, gewijzigd_op=nu)
        .execution_options(synchronize_session=False))
    session.commit()
    session.refresh(overdracht)
    if genomen.rowcount != 1:
        _controleer_open(overdracht, wie, wachtend_mag=False)
    waarschuwing = None
    if rasa is not None:
        try:
            rasa.voeg_toe(overdracht.gesprek_id, [
                {"event": "slot", "name": "medewerker_naam", "value": voornaam(wie)}])
        except RasaFout:
            # Give it back to the queue: the resident does not know anyone is there.
            overdracht.status, overdracht.medewerker, overdracht.medewerker_naam = (
                "wachtend", None, None)
            overdracht.opgepakt_op = None
            session.add(overdracht)
            _audit(session, wie, "overdracht_oppakken", nu,
                   f"overdracht {overdracht_id}, mislukt: wegwijzer niet bereikbaar")
            session.commit()
            raise HTTPException(502, RASA_WEG) from None
        waarschuwing = _zeg_het(rasa, overdracht, "utter_medewerker_erbij")
    _audit(session, wie, "overdracht_oppakken", nu, f"overdracht {overdracht_id}" + (
        ", inwoner niet gemeld" if waarschuwing else ""))
    session.commit()
    session.refresh(overdracht)
    return Actie(overdracht=_kort(session, overdracht, wie, nu), waarschuwing=waarschuwing)


@router.post("/overdrachten/{overdracht_id}/berichten", status_code=201,
             response_model=TranscriptRegel,
             responses={409: {"description": NIET_VAN_U}, 502: {"description": RASA_WEG},
                        503: {"description": RASA_UIT}})
def bericht_sturen(overdracht_id: int, bericht: Bericht, session: SessionDep, wie: KccDep,
                   nu: NuDep, api: RasaDep) -> TranscriptRegel:
    """Send a message to the resident's widget, as a bot message with the medewerker's first
    name in its metadata. Only the medewerker who took the chat can."""
    overdracht = _overdracht(session, wie, overdracht_id)
    _controleer_open(overdracht, wie, wachtend_mag=False)
    if overdracht.soort != "chat":
        raise HTTPException(409, TERUGBELLEN)
    naam = voornaam(wie)
    try:
        _nodig(api).voeg_toe(overdracht.gesprek_id, [
            {"event": "bot", "text": bericht.tekst, "metadata": {"medewerker": naam}}],
            naar_widget=True)
    except RasaFout:
        raise HTTPException(502, RASA_WEG) from None
    # The audit row says that a message went, never what it said.
    _audit(session, wie, "overdracht_bericht", nu,
           f"overdracht {overdracht_id}, {len(bericht.tekst)} tekens")
    session.commit()
    return TranscriptRegel(wie="medewerker", tekst=bericht.tekst, tijd=nu, naam=naam)


def _afronden(session: Session, overdracht: Overdracht, wie: Aangemeld, nu: dt.datetime,
              api: RasaApi | None, response: str, **velden: Any) -> str | None:
    """Resume the bot (for a chat), say `response`, and store the end of the overdracht."""
    waarschuwing = None
    if overdracht.soort == "chat":
        rasa = _nodig(api)
        try:
            rasa.voeg_toe(overdracht.gesprek_id, [{"event": "resume"}])
        except RasaFout:
            raise HTTPException(502, RASA_WEG) from None
        waarschuwing = _zeg_het(rasa, overdracht, response)
    for naam, waarde in {"afgerond_op": nu, "gewijzigd_op": nu, "open_gesprek_id": None,
                         **velden}.items():
        setattr(overdracht, naam, waarde)
    if overdracht.medewerker is None:  # closed straight from the queue: say who did it
        overdracht.medewerker = wie.medewerker.gebruikersnaam
        overdracht.medewerker_naam = wie.medewerker.naam
    session.add(overdracht)
    return waarschuwing


@router.post("/overdrachten/{overdracht_id}/teruggeven", response_model=Actie,
             responses={409: {"description": NIET_VAN_U}, 502: {"description": RASA_WEG},
                        503: {"description": RASA_UIT}})
def teruggeven(overdracht_id: int, session: SessionDep, wie: KccDep, nu: NuDep,
               api: RasaDep) -> Actie:
    """Hand the chat back to the bot: it resumes and says so (utter_overdracht_terug)."""
    overdracht = _overdracht(session, wie, overdracht_id)
    _controleer_open(overdracht, wie, wachtend_mag=False)
    if overdracht.soort != "chat":
        raise HTTPException(409, TERUGBELLEN)
    waarschuwing = _afronden(session, overdracht, wie, nu, api, "utter_overdracht_terug",
                             status="teruggegeven")
    _audit(session, wie, "overdracht_teruggeven", nu, f"overdracht {overdracht_id}")
    session.commit()
    session.refresh(overdracht)
    return Actie(overdracht=_kort(session, overdracht, wie, nu), waarschuwing=waarschuwing)


@router.post("/overdrachten/{overdracht_id}/afsluiten", response_model=Actie,
             responses={409: {"description": AL_KLAAR}, 502: {"description": RASA_WEG},
                        503: {"description": RASA_UIT}})
def afsluiten(overdracht_id: int, keuze: Afsluiten, session: SessionDep, wie: KccDep,
              nu: NuDep, api: RasaDep) -> Actie:
    """Close with an outcome. A chat resumes the bot, which says goodbye
    (utter_overdracht_afgesloten); a call-back request is closed without Rasa."""
    overdracht = _overdracht(session, wie, overdracht_id)
    _controleer_open(overdracht, wie, wachtend_mag=True)
    waarschuwing = _afronden(session, overdracht, wie, nu, api, "utter_overdracht_afgesloten",
                             status="afgesloten", uitkomst=keuze.uitkomst)
    _audit(session, wie, "overdracht_afsluiten", nu,
           f"overdracht {overdracht_id}, uitkomst {keuze.uitkomst}")
    session.commit()
    session.refresh(overdracht)
    return Actie(overdracht=_kort(session, overdracht, wie, nu), waarschuwing=waarschuwing)
