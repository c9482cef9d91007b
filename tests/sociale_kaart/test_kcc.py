"""The KCC queue (sociale_kaart/api/routes/kcc.py) on SQLite and PostgreSQL, with Rasa's HTTP
API played by an httpx.MockTransport that records every call."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from sociale_kaart.core.config import SettingError, Settings
from sociale_kaart.kcc_bereikbaar import OngeldigeOpeningstijden, lees_openingstijden
from sociale_kaart.main import create_app
from sociale_kaart.models import AuditLog, Overdracht
from sociale_kaart.onderhoud import onderhoud
from sociale_kaart.rasa_api import GEPAUZEERD, HERVAT, transcript

from .conftest import MELDING_TOKEN
from .factories_meldingen import START, inloggen, nieuwe_medewerker, zet_klok

RASA = "http://rasa.test:5005"
RASA_TOKEN = "test-rasa-token"
RASA_WEG = "De wegwijzer is nu niet bereikbaar."
AMSTERDAM = dt.timezone(dt.timedelta(hours=1))  # winter time, as on START (2 March 2026)


class NepRasa:
    """Rasa's HTTP API: records each request, and answers with `antwoord` (a function of the
    request) or raises `fout` to act as a Rasa that is down."""

    def __init__(self) -> None:
        self.verzoeken: list[httpx.Request] = []
        self.tracker: dict[str, Any] = {"sender_id": "", "events": []}
        self.fout: Exception | None = None
        self.mislukt: set[str] = set()  # paths ending like this answer 500

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.verzoeken.append(request)
        if self.fout is not None:
            raise self.fout
        if any(request.url.path.endswith(pad) for pad in self.mislukt):
            return httpx.Response(500, json={"reason": "ConversationError",
                                             "message": "Action not found"})
        if request.method == "GET":
            return httpx.Response(200, json=self.tracker)
        return httpx.Response(200, json={"sender_id": "x", "events": []})

    def calls(self) -> list[tuple[str, str, dict[str, str], Any]]:
        """(method, path as sent, query, JSON body) of every call."""
        return [(r.method, r.url.raw_path.decode().partition("?")[0], dict(r.url.params),
                 json.loads(r.content) if r.content else None) for r in self.verzoeken]


@pytest.fixture
def rasa() -> NepRasa:
    return NepRasa()


@pytest.fixture
def kcc_settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, rasa_url=RASA, rasa_auth_token=RASA_TOKEN,
                               kcc_openingstijden="altijd")


@pytest.fixture
def kcc_app(kcc_settings: Settings, rasa: NepRasa):
    app = create_app(kcc_settings)
    app.state.rasa_transport = httpx.MockTransport(rasa)
    zet_klok(app)
    with Session(app.state.engine) as session:
        nieuwe_medewerker(session, "kees", "kcc", ("GM0090",))
        nieuwe_medewerker(session, "anna de vries", "kcc", ("GM0090",))
        nieuwe_medewerker(session, "piet", "kcc", ("GM0080",))
        nieuwe_medewerker(session, "tina", "team", ("GM0090",))
        nieuwe_medewerker(session, "beheer", "admin", ())
    yield app
    app.state.engine.dispose()


@pytest.fixture
def api(kcc_app: FastAPI) -> TestClient:
    return TestClient(kcc_app)


def overdracht_velden(**anders: Any) -> dict[str, Any]:
    return {
        "gesprek_id": "gesprek-1", "soort": "chat", "gemeente_code": "GM0090",
        "onderwerp": "hulp bij het huishouden", "urgentie": "normaal",
        "samenvatting": "Kan het huis niet meer schoonhouden na een operatie.",
        "aangeboden": ["Sociaal wijkteam Drachten", "Melding doen"], "taal": "nl",
        "telefoon": None, "belmoment": None, **anders,
    }


def indienen(client: TestClient, token: str | None = MELDING_TOKEN,
             **anders: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/kcc/overdrachten", json=overdracht_velden(**anders), headers=headers)


def nieuwe(client: TestClient, **anders: Any) -> int:
    response = indienen(client, **anders)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _audit(app: FastAPI) -> list[tuple[str, str | None, str | None]]:
    with Session(app.state.engine) as session:
        return [(r.actie, r.gebruikersnaam, r.details) for r in
                session.exec(select(AuditLog).where(col(AuditLog.actie).notin_(
                    ("inloggen", "uitloggen"))).order_by(col(AuditLog.id)))]


def _in_db(app: FastAPI, overdracht_id: int) -> Overdracht:
    with Session(app.state.engine) as session:
        overdracht = session.get(Overdracht, overdracht_id)
        assert overdracht is not None
        return overdracht


# ---- opening hours ----------------------------------------------------------------------------

def _om(dag: int, uur: int, minuut: int = 0) -> dt.datetime:
    """A moment in the week of 2 March 2026 (Monday), Dutch winter time."""
    return dt.datetime(2026, 3, 2 + dag, uur, minuut, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(("tekst", "moment", "open_"), [
    ("ma-vr 08:30-17:00", _om(0, 8, 29), False),
    ("ma-vr 08:30-17:00", _om(0, 8, 30), True),
    ("ma-vr 08:30-17:00", _om(4, 16, 59), True),
    ("ma-vr 08:30-17:00", _om(4, 17, 0), False),
    ("ma-vr 08:30-17:00", _om(5, 10, 0), False),
    ("ma-do 08:30-17:00; vr 08:30-12:00", _om(3, 16, 0), True),
    ("ma-do 08:30-17:00; vr 08:30-12:00", _om(4, 12, 0), False),
    ("ma-do 08:30-17:00; vr 08:30-12:00", _om(4, 11, 59), True),
    ("ma,wo 09:00-10:00", _om(2, 9, 30), True),
    ("ma,wo 09:00-10:00", _om(1, 9, 30), False),
    ("za-ma 10:00-24:00", _om(6, 23, 59), True),  # a range over Sunday
    ("za-ma 10:00-24:00", _om(3, 11, 0), False),
    ("  Ma-Vr  08:30 - 17:00 ", _om(0, 9, 0), True),
    ("altijd", _om(6, 3, 0), True),
    ("nooit", _om(0, 10, 0), False),
])
def test_opening_hours_are_read_and_evaluated_in_dutch_time(tekst, moment, open_):
    assert lees_openingstijden(tekst).open_op(moment) is open_


def test_opening_hours_follow_dutch_summer_time():
    zomer = dt.datetime(2026, 7, 6, 6, 45, tzinfo=dt.timezone.utc)  # a Monday, 08:45 in NL
    assert lees_openingstijden("ma-vr 08:30-17:00").open_op(zomer)
    assert not lees_openingstijden("ma-vr 08:30-17:00").open_op(zomer.replace(hour=6, minute=0))


@pytest.mark.parametrize(("tekst", "oorzaak"), [
    ("", "empty"),
    ("ma-vr", "not of the form"),
    ("maandag 08:30-17:00", "'maandag'"),
    ("ma-xx 08:30-17:00", "'xx' in"),
    ("ma-vr 17:00-08:30", "start is not before the end"),
    ("ma-vr 08:30-25:00", "'25:00'"),
    ("ma-vr 08:61-17:00", "'08:61'"),
    ("ma-vr 08:30-17:00;", "empty"),
    ("soms", "not of the form"),
])
def test_wrong_opening_hours_name_the_cause(tekst, oorzaak):
    with pytest.raises(OngeldigeOpeningstijden, match=oorzaak):
        lees_openingstijden(tekst)


def test_the_setting_refuses_wrong_opening_hours(monkeypatch):
    monkeypatch.setenv("KCC_OPENINGSTIJDEN", "ma-vr 9-17")
    with pytest.raises(SettingError, match=r"KCC_OPENINGSTIJDEN='ma-vr 9-17': .*not of the form"):
        Settings.from_env()
    monkeypatch.setenv("KCC_OPENINGSTIJDEN", "")
    monkeypatch.setenv("RASA_URL", "http://rasa:5005")
    monkeypatch.setenv("RASA_AUTH_TOKEN", "geheim")
    gelezen = Settings.from_env()
    assert (gelezen.kcc_openingstijden, gelezen.rasa_url, gelezen.rasa_auth_token) == (
        "ma-vr 08:30-17:00", "http://rasa:5005", "geheim")


def test_bereikbaar_follows_the_clock_and_needs_no_login(kcc_app, api):
    kcc_app.state.settings = dataclasses.replace(kcc_app.state.settings,
                                                 kcc_openingstijden="ma-vr 08:30-17:00")
    klok = zet_klok(kcc_app, START)  # Monday 2 March 2026, 11:00 in the Netherlands
    assert api.get("/kcc/bereikbaar", params={"gemeente": "GM0090"}).json() == {"open": True}
    klok.verder(hours=6)  # 17:00
    assert api.get("/kcc/bereikbaar", params={"gemeente": "gm0090"}).json() == {"open": False}
    assert api.get("/kcc/bereikbaar").json() == {"open": False}
    onbekend = api.get("/kcc/bereikbaar", params={"gemeente": "GM9999"})
    assert (onbekend.status_code, onbekend.json()) == (404, {"detail": "Gemeente niet gevonden"})


# ---- filing ----------------------------------------------------------------------------------

def test_the_action_server_files_a_handover(kcc_app, api):
    response = indienen(api)
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["soort"], body["gesprek_id"]) == ("wachtend", "chat", "gesprek-1")
    opgeslagen = _in_db(kcc_app, body["id"])
    assert opgeslagen.aangeboden == ["Sociaal wijkteam Drachten", "Melding doen"]
    assert (opgeslagen.open_gesprek_id, opgeslagen.aangemaakt_op) == ("gesprek-1", START)


def test_filing_needs_the_melding_token(api, kcc_app):
    assert indienen(api, token=None).status_code == 401
    assert indienen(api, token="fout").status_code == 401
    kcc_app.state.settings = dataclasses.replace(kcc_app.state.settings, melding_token=None)
    assert indienen(api).status_code == 503


def test_a_second_request_for_an_open_conversation_gives_the_same_handover(kcc_app, api):
    eerste = indienen(api)
    tweede = indienen(api, onderwerp="iets anders")
    assert (eerste.status_code, tweede.status_code) == (201, 200)
    assert tweede.json()["id"] == eerste.json()["id"]
    with Session(kcc_app.state.engine) as session:
        assert len(session.exec(select(Overdracht)).all()) == 1
    # Once it is closed, the same conversation can ask for a person again.
    csrf = inloggen(api, "kees")
    api.post(f"/kcc/overdrachten/{eerste.json()['id']}/afsluiten",
             json={"uitkomst": "geen_reactie"}, headers=csrf)
    derde = indienen(api)
    assert derde.status_code == 201 and derde.json()["id"] != eerste.json()["id"]


@pytest.mark.parametrize(("veld", "waarde", "bericht"), [
    ("soort", "mail", "Kies een van deze antwoorden: 'chat' of 'terugbellen'."),
    ("urgentie", "laag", "Kies een van deze antwoorden"),
    ("taal", "en", "Kies een van deze antwoorden"),
    ("gesprek_id", "x" * 101, "Dit is te lang. Gebruik hoogstens 100 tekens."),
    ("gesprek_id", "  ", "Stuur de id van het gesprek mee."),
    ("onderwerp", "x" * 101, "hoogstens 100 tekens"),
    ("samenvatting", "x" * 301, "hoogstens 300 tekens"),
    ("aangeboden", ["x"] * 11, None),
    ("aangeboden", ["x" * 201], "hoogstens 200 tekens"),
    ("telefoon", "12345", "Dit telefoonnummer klopt niet."),
    ("samenvatting", "nul\x00teken", "Deze tekst bevat een teken dat niet kan."),
    ("bsn", "123456782", None),  # no field for it: refused, not stored
])
def test_filing_is_validated_strictly_in_dutch(api, veld, waarde, bericht):
    response = indienen(api, **{veld: waarde})
    assert response.status_code == 422, response.text
    fout = response.json()["detail"][0]
    assert fout["loc"][-1] == veld or veld in fout["loc"]
    if bericht:
        assert bericht in fout["msg"]


def test_an_unknown_gemeente_is_refused_in_dutch(api):
    response = indienen(api, gemeente_code="GM9999")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith("Deze gemeente kennen we niet.")
    assert indienen(api, gemeente_code=None).status_code == 201


def test_a_call_back_request_needs_a_phone_number(api):
    zonder = indienen(api, soort="terugbellen")
    assert zonder.status_code == 422
    assert "Vul een telefoonnummer in" in zonder.json()["detail"][0]["msg"]
    met = indienen(api, soort="terugbellen", telefoon="06-1234 5678", belmoment="morgenochtend")
    assert met.status_code == 201


# ---- roles, scoping, CSRF ------------------------------------------------------------------------

def test_the_queue_needs_a_kcc_or_admin_login(api):
    assert api.get("/kcc/wachtrij").status_code == 401
    inloggen(api, "tina")
    response = api.get("/kcc/wachtrij")
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Dit mag niet met uw rol.")
    inloggen(api, "beheer")
    assert api.get("/kcc/wachtrij").status_code == 200


def test_kcc_sees_its_own_gemeenten_and_those_without_one(kcc_app, api):
    smallingerland = nieuwe(api, gesprek_id="a")
    zonder = nieuwe(api, gesprek_id="b", gemeente_code=None)
    leeuwarden = nieuwe(api, gesprek_id="c", gemeente_code="GM0080")
    inloggen(api, "kees")
    assert [o["id"] for o in api.get("/kcc/wachtrij").json()] == [smallingerland, zonder]
    for pad in (f"/kcc/overdrachten/{leeuwarden}", "/kcc/overdrachten/99999"):
        response = api.get(pad)
        assert (response.status_code, response.json()) == (404, {"detail": "Overdracht niet "
                                                                           "gevonden"})
    csrf = inloggen(api, "kees")
    genomen = api.post(f"/kcc/overdrachten/{leeuwarden}/oppakken", headers=csrf)
    assert genomen.status_code == 404
    inloggen(api, "beheer")
    assert [o["id"] for o in api.get("/kcc/wachtrij").json()] == [
        smallingerland, zonder, leeuwarden]


def test_changes_need_the_csrf_token(api, rasa):
    overdracht = nieuwe(api)
    inloggen(api, "kees")
    response = api.post(f"/kcc/overdrachten/{overdracht}/oppakken")
    assert response.status_code == 403
    assert response.json()["detail"].startswith("De beveiligingscode ontbreekt")
    assert rasa.verzoeken == []


# ---- the queue -----------------------------------------------------------------------------------

def test_the_queue_puts_the_longest_waiting_first_then_those_in_progress(kcc_app, api):
    klok = zet_klok(kcc_app, START)
    eerste = nieuwe(api, gesprek_id="a", urgentie="crisis")
    klok.verder(minutes=2)
    tweede = nieuwe(api, gesprek_id="b", soort="terugbellen", telefoon="0612345678",
                    taal="fy")
    klok.verder(minutes=1)
    derde = nieuwe(api, gesprek_id="c", gemeente_code=None)
    csrf = inloggen(api, "kees")
    api.post(f"/kcc/overdrachten/{eerste}/oppakken", headers=csrf)
    klok.verder(seconds=30)
    rij = api.get("/kcc/wachtrij").json()
    assert [o["id"] for o in rij] == [tweede, derde, eerste]
    assert [o["wachttijd_seconden"] for o in rij] == [90, 30, 180]
    assert rij[0] | {"aangemaakt_op": None} == {
        "id": tweede, "status": "wachtend", "soort": "terugbellen", "taal": "fy",
        "urgentie": "normaal", "onderwerp": "hulp bij het huishouden",
        "gemeente_code": "GM0090", "gemeente_naam": "Smallingerland", "aangemaakt_op": None,
        "wachttijd_seconden": 90, "medewerker_naam": None, "van_mij": False}
    assert (rij[1]["gemeente_naam"], rij[2]["medewerker_naam"], rij[2]["van_mij"]) == (
        None, "Kees", True)
    # The queue carries no personal details: those are in the overdracht itself.
    assert "samenvatting" not in rij[0] and "telefoon" not in rij[0]


# ---- taking, replying, handing back, closing ----------------------------------------------

def test_taking_tells_the_resident_through_rasa(kcc_app, api, rasa):
    overdracht = nieuwe(api, gesprek_id="gesprek/1 ?")
    csrf = inloggen(api, "anna de vries")
    response = api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["waarschuwing"] is None
    assert (body["overdracht"]["status"], body["overdracht"]["medewerker_naam"]) == (
        "in_behandeling", "Anna De Vries")
    pad = "/conversations/gesprek%2F1%20%3F"
    assert rasa.calls() == [
        ("POST", f"{pad}/tracker/events", {"token": RASA_TOKEN},
         [{"event": "slot", "name": "medewerker_naam", "value": "Anna"}]),
        ("POST", f"{pad}/execute", {"token": RASA_TOKEN, "output_channel": "socketio"},
         {"name": "utter_medewerker_erbij"}),
    ]
    assert all(str(r.url).startswith(RASA) for r in rasa.verzoeken)
    opgeslagen = _in_db(kcc_app, overdracht)
    assert (opgeslagen.medewerker, opgeslagen.opgepakt_op) == ("anna de vries", START)
    # A second click changes nothing and does not greet the resident again.
    again = api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    assert again.status_code == 200 and len(rasa.verzoeken) == 2


def test_someone_else_cannot_take_a_taken_one(api, rasa):
    overdracht = nieuwe(api)
    api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=inloggen(api, "kees"))
    csrf = inloggen(api, "anna de vries")
    for actie, body in (("oppakken", None), ("berichten", {"tekst": "Hallo"}),
                        ("teruggeven", None), ("afsluiten", {"uitkomst": "beantwoord"})):
        response = api.post(f"/kcc/overdrachten/{overdracht}/{actie}", json=body, headers=csrf)
        assert response.status_code == 409, actie
        assert response.json()["detail"] == (
            "Een collega (Kees) heeft dit gesprek al opgepakt. Kies een ander gesprek.")
    assert len(rasa.verzoeken) == 2  # only Kees's slot and greeting


def test_a_reply_goes_to_the_widget_with_the_first_name(kcc_app, api, rasa):
    overdracht = nieuwe(api, gesprek_id="g-2")
    csrf = inloggen(api, "anna de vries")
    niet_opgepakt = api.post(f"/kcc/overdrachten/{overdracht}/berichten",
                             json={"tekst": "Hallo"}, headers=csrf)
    assert niet_opgepakt.status_code == 409
    assert niet_opgepakt.json()["detail"].startswith("Pak het gesprek eerst op.")
    api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    rasa.verzoeken.clear()
    response = api.post(f"/kcc/overdrachten/{overdracht}/berichten",
                        json={"tekst": "  Goedemorgen!\nIk kijk even mee.  "}, headers=csrf)
    assert response.status_code == 201, response.text
    assert response.json() | {"tijd": None} == {
        "wie": "medewerker", "tekst": "Goedemorgen!\nIk kijk even mee.", "tijd": None,
        "naam": "Anna", "knoppen": []}
    assert rasa.calls() == [(
        "POST", "/conversations/g-2/tracker/events",
        {"token": RASA_TOKEN, "output_channel": "socketio", "execute_side_effects": "true"},
        [{"event": "bot", "text": "Goedemorgen!\nIk kijk even mee.",
          "metadata": {"medewerker": "Anna"}}])]
    for fout in ("", "   ", "x" * 2001):
        assert api.post(f"/kcc/overdrachten/{overdracht}/berichten", json={"tekst": fout},
                        headers=csrf).status_code == 422
    # The audit log says a message went, not what it said.
    assert ("overdracht_bericht", "anna de vries", f"overdracht {overdracht}, 30 tekens") in (
        _audit(kcc_app))
    assert not any("Goedemorgen" in (d or "") for _, _, d in _audit(kcc_app))


def test_handing_back_resumes_the_bot(kcc_app, api, rasa):
    overdracht = nieuwe(api, gesprek_id="g-3")
    csrf = inloggen(api, "kees")
    api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    rasa.verzoeken.clear()
    response = api.post(f"/kcc/overdrachten/{overdracht}/teruggeven", headers=csrf)
    assert response.status_code == 200, response.text
    assert response.json()["overdracht"]["status"] == "teruggegeven"
    assert rasa.calls() == [
        ("POST", "/conversations/g-3/tracker/events", {"token": RASA_TOKEN},
         [{"event": "resume"}]),
        ("POST", "/conversations/g-3/execute", {"token": RASA_TOKEN, "output_channel": "socketio"},
         {"name": "utter_overdracht_terug"}),
    ]
    opgeslagen = _in_db(kcc_app, overdracht)
    assert (opgeslagen.afgerond_op, opgeslagen.open_gesprek_id) == (START, None)
    assert api.get("/kcc/wachtrij").json() == []
    again = api.post(f"/kcc/overdrachten/{overdracht}/teruggeven", headers=csrf)
    assert (again.status_code, again.json()["detail"]) == (
        409, "Dit gesprek is al afgerond. Kies een ander gesprek uit de wachtrij.")


def test_closing_a_chat_resumes_the_bot_with_a_goodbye(kcc_app, api, rasa):
    overdracht = nieuwe(api, gesprek_id="g-4")
    csrf = inloggen(api, "kees")
    api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    rasa.verzoeken.clear()
    assert api.post(f"/kcc/overdrachten/{overdracht}/afsluiten", json={"uitkomst": "later"},
                    headers=csrf).status_code == 422
    response = api.post(f"/kcc/overdrachten/{overdracht}/afsluiten",
                        json={"uitkomst": "doorverwezen"}, headers=csrf)
    assert response.status_code == 200
    assert [c[1:] for c in rasa.calls()] == [
        ("/conversations/g-4/tracker/events", {"token": RASA_TOKEN}, [{"event": "resume"}]),
        ("/conversations/g-4/execute", {"token": RASA_TOKEN, "output_channel": "socketio"},
         {"name": "utter_overdracht_afgesloten"}),
    ]
    opgeslagen = _in_db(kcc_app, overdracht)
    assert (opgeslagen.status, opgeslagen.uitkomst, opgeslagen.afgerond_op) == (
        "afgesloten", "doorverwezen", START)


def test_a_call_back_request_is_taken_and_closed_without_rasa(kcc_app, api, rasa):
    overdracht = nieuwe(api, soort="terugbellen", telefoon="0512 123456", belmoment="ochtend")
    csrf = inloggen(api, "kees")
    assert api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf).status_code == 200
    for actie, body in (("berichten", {"tekst": "Hallo"}), ("teruggeven", None)):
        response = api.post(f"/kcc/overdrachten/{overdracht}/{actie}", json=body, headers=csrf)
        assert (response.status_code, response.json()["detail"]) == (409, (
            "Dit is een verzoek om terug te bellen. Bel de inwoner en sluit het daarna af.")
        )
    response = api.post(f"/kcc/overdrachten/{overdracht}/afsluiten",
                        json={"uitkomst": "beantwoord"}, headers=csrf)
    assert response.status_code == 200
    assert [r.method for r in rasa.verzoeken] == []
    detail = api.get(f"/kcc/overdrachten/{overdracht}").json()
    assert (detail["telefoon"], detail["belmoment"], detail["status"], detail["uitkomst"]) == (
        "0512123456", "ochtend", "afgesloten", "beantwoord")


def test_a_waiting_one_can_be_closed_from_the_queue(kcc_app, api, rasa):
    overdracht = nieuwe(api, gesprek_id="g-5")
    csrf = inloggen(api, "kees")
    response = api.post(f"/kcc/overdrachten/{overdracht}/afsluiten",
                        json={"uitkomst": "geen_reactie"}, headers=csrf)
    assert response.status_code == 200
    assert response.json()["overdracht"]["medewerker_naam"] == "Kees"
    assert [c[3] for c in rasa.calls()] == [[{"event": "resume"}],
                                            {"name": "utter_overdracht_afgesloten"}]


# ---- the transcript ------------------------------------------------------------------------------

TRACKER = {"sender_id": "g-6", "events": [
    {"event": "session_started", "timestamp": 1772443000.0},
    {"event": "user", "text": "oude sessie", "timestamp": 1772443001.0},
    {"event": "action", "name": "action_session_start", "timestamp": 1772445500.0},
    {"event": "session_started", "timestamp": 1772445600.0},
    {"event": "action", "name": "action_listen", "timestamp": 1772445600.5},
    {"event": "user", "text": "Ik wil iemand spreken", "timestamp": 1772445601.0,
     "parse_data": {"intent": {"name": "mens_spreken"}}},
    {"event": "bot", "text": "Waar woont u?", "timestamp": 1772445602.0,
     "metadata": {"utter_action": "utter_ask_woonplaats"},
     "data": {"buttons": [{"title": "Ja, chat met een medewerker", "payload": "/chat_ja"}]}},
    {"event": "user", "text": "/chat_ja", "timestamp": 1772445603.0},
    {"event": "user", "text": "/onbekend", "timestamp": 1772445603.5},
    {"event": "slot", "name": "taal", "value": "nl", "timestamp": 1772445603.6},
    {"event": "pause", "timestamp": 1772445604.0},
    {"event": "bot", "text": "Goedemorgen, ik help u.", "timestamp": 1772445605.0,
     "metadata": {"medewerker": "Anna"}},
    {"event": "user", "text": "Dank u", "timestamp": 1772445606.0},
    {"event": "bot", "text": None, "timestamp": 1772445606.5, "data": {}},
    {"event": "resume", "timestamp": 1772445607.0},
]}


def _tijd(stempel: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(stempel, dt.timezone.utc)


def test_the_transcript_is_the_current_session_as_lines():
    assert transcript(TRACKER) == [
        {"wie": "inwoner", "tekst": "Ik wil iemand spreken", "tijd": _tijd(1772445601.0)},
        {"wie": "bot", "tekst": "Waar woont u?", "tijd": _tijd(1772445602.0),
         "knoppen": ["Ja, chat met een medewerker"]},
        {"wie": "inwoner", "tekst": "Ja, chat met een medewerker", "tijd": _tijd(1772445603.0)},
        {"wie": "systeem", "tekst": GEPAUZEERD, "tijd": _tijd(1772445604.0)},
        {"wie": "medewerker", "tekst": "Goedemorgen, ik help u.", "tijd": _tijd(1772445605.0),
         "naam": "Anna", "knoppen": []},
        {"wie": "inwoner", "tekst": "Dank u", "tijd": _tijd(1772445606.0)},
        {"wie": "systeem", "tekst": HERVAT, "tijd": _tijd(1772445607.0)},
    ]
    assert transcript({"events": None}) == []


def test_the_overdracht_shows_the_summary_and_the_live_transcript(kcc_app, api, rasa):
    overdracht = nieuwe(api, gesprek_id="g-6", urgentie="hoog")
    rasa.tracker = TRACKER
    inloggen(api, "kees")
    response = api.get(f"/kcc/overdrachten/{overdracht}")
    assert response.status_code == 200
    body = response.json()
    assert rasa.calls() == [("GET", "/conversations/g-6/tracker", {"token": RASA_TOKEN}, None)]
    assert (body["gemeente_naam"], body["onderwerp"], body["urgentie"], body["samenvatting"],
            body["aangeboden"], body["melding"]) == (
        "Smallingerland", "hulp bij het huishouden", "hoog",
        "Kan het huis niet meer schoonhouden na een operatie.",
        ["Sociaal wijkteam Drachten", "Melding doen"], None)
    assert [(r["wie"], r["tekst"]) for r in body["transcript"]][:2] == [
        ("inwoner", "Ik wil iemand spreken"), ("bot", "Waar woont u?")]
    assert ("overdracht_bekijken", "kees", f"overdracht {overdracht}") in _audit(kcc_app)


# ---- when Rasa is down or not set up ------------------------------------------------------------

def test_when_rasa_is_down_the_summary_still_shows(kcc_app, api, rasa):
    overdracht = nieuwe(api)
    rasa.fout = httpx.ConnectError("connection refused")
    inloggen(api, "kees")
    body = api.get(f"/kcc/overdrachten/{overdracht}").json()
    assert body["transcript"] is None
    assert body["melding"].startswith("Het gesprek is nu niet te lezen, omdat de wegwijzer")
    assert body["samenvatting"].startswith("Kan het huis")
    assert ("overdracht_bekijken", "kees", f"overdracht {overdracht}, gesprek niet gelezen") in (
        _audit(kcc_app))


def test_when_rasa_is_down_taking_fails_and_the_handover_waits_again(kcc_app, api, rasa):
    overdracht = nieuwe(api)
    rasa.fout = httpx.ReadTimeout("too slow")
    csrf = inloggen(api, "kees")
    response = api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    assert response.status_code == 502
    assert response.json()["detail"].startswith(RASA_WEG)
    opgeslagen = _in_db(kcc_app, overdracht)
    assert (opgeslagen.status, opgeslagen.medewerker, opgeslagen.opgepakt_op) == (
        "wachtend", None, None)
    assert _audit(kcc_app)[-1] == (
        "overdracht_oppakken", "kees", f"overdracht {overdracht}, mislukt: wegwijzer niet "
                                       "bereikbaar")
    rasa.fout = None
    assert api.post(f"/kcc/overdrachten/{overdracht}/oppakken",
                    headers=csrf).status_code == 200


@pytest.mark.parametrize("actie", ["berichten", "teruggeven", "afsluiten"])
def test_when_rasa_is_down_replies_and_handing_back_fail_and_nothing_changes(
        kcc_app, api, rasa, actie):
    overdracht = nieuwe(api)
    csrf = inloggen(api, "kees")
    api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    rasa.fout = httpx.ConnectError("connection refused")
    body = {"berichten": {"tekst": "Hallo"}, "afsluiten": {"uitkomst": "beantwoord"}}.get(actie)
    response = api.post(f"/kcc/overdrachten/{overdracht}/{actie}", json=body, headers=csrf)
    assert (response.status_code, response.json()["detail"][:len(RASA_WEG)]) == (502, RASA_WEG)
    assert _in_db(kcc_app, overdracht).status == "in_behandeling"


def test_rasa_error_answers_count_as_unreachable(api, rasa):
    overdracht = nieuwe(api)
    rasa.mislukt = {"/tracker/events"}
    response = api.post(f"/kcc/overdrachten/{overdracht}/oppakken",
                        headers=inloggen(api, "kees"))
    assert response.status_code == 502


def test_a_missing_response_in_the_bot_is_a_warning_not_an_error(kcc_app, api, rasa):
    """An older model without utter_medewerker_erbij: Rasa answers the execute with 500. The
    medewerker has the chat all the same, and is told the resident did not hear about it."""
    overdracht = nieuwe(api)
    rasa.mislukt = {"/execute"}
    csrf = inloggen(api, "kees")
    response = api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    assert response.status_code == 200
    assert response.json()["waarschuwing"].startswith("Het is gelukt, maar de inwoner")
    assert _in_db(kcc_app, overdracht).status == "in_behandeling"
    terug = api.post(f"/kcc/overdrachten/{overdracht}/teruggeven", headers=csrf)
    assert terug.status_code == 200 and terug.json()["waarschuwing"]
    assert _in_db(kcc_app, overdracht).status == "teruggegeven"


def test_without_a_rasa_token_the_console_says_so(kcc_app, api, rasa):
    kcc_app.state.settings = dataclasses.replace(kcc_app.state.settings, rasa_auth_token=None)
    chat = nieuwe(api)
    bellen = nieuwe(api, gesprek_id="b", soort="terugbellen", telefoon="0612345678")
    csrf = inloggen(api, "kees")
    response = api.post(f"/kcc/overdrachten/{chat}/oppakken", headers=csrf)
    assert response.status_code == 503
    assert "RASA_AUTH_TOKEN" in response.json()["detail"]
    detail = api.get(f"/kcc/overdrachten/{chat}").json()
    assert (detail["transcript"], detail["status"]) == (None, "wachtend")
    assert "niet gekoppeld" in detail["melding"]
    # A call-back request needs no Rasa.
    assert api.post(f"/kcc/overdrachten/{bellen}/oppakken", headers=csrf).status_code == 200
    assert rasa.verzoeken == []


# ---- audit and retention ------------------------------------------------------------------------

def test_every_staff_action_is_in_the_audit_log_and_a_polled_view_once(kcc_app, api, rasa):
    """The queue (no resident's words) is not audited; the open console's polling of one
    conversation gives one row per ten minutes."""
    klok = zet_klok(kcc_app, START)
    overdracht = nieuwe(api)
    csrf = inloggen(api, "kees")
    api.get("/kcc/wachtrij")
    api.get(f"/kcc/overdrachten/{overdracht}")
    klok.verder(minutes=9)
    api.get(f"/kcc/overdrachten/{overdracht}")
    api.post(f"/kcc/overdrachten/{overdracht}/oppakken", headers=csrf)
    api.post(f"/kcc/overdrachten/{overdracht}/berichten", json={"tekst": "Hoi"}, headers=csrf)
    api.post(f"/kcc/overdrachten/{overdracht}/afsluiten", json={"uitkomst": "melding_nodig"},
             headers=csrf)
    nummer = f"overdracht {overdracht}"
    assert _audit(kcc_app) == [
        ("overdracht_bekijken", "kees", nummer),
        ("overdracht_oppakken", "kees", nummer),
        ("overdracht_bericht", "kees", f"{nummer}, 3 tekens"),
        ("overdracht_afsluiten", "kees", f"{nummer}, uitkomst melding_nodig"),
    ]
    klok.verder(minutes=2)
    api.get(f"/kcc/overdrachten/{overdracht}")
    assert _audit(kcc_app)[-1] == ("overdracht_bekijken", "kees", nummer)


def _oud(app: FastAPI, overdracht_id: int, dagen: int) -> None:
    with Session(app.state.engine) as session:
        overdracht = session.get(Overdracht, overdracht_id)
        assert overdracht is not None
        overdracht.aangemaakt_op = START - dt.timedelta(days=dagen)
        session.add(overdracht)
        session.commit()


def test_closed_handovers_are_anonymised_after_the_retention_period(kcc_app, api, kcc_settings):
    csrf = inloggen(api, "kees")
    ids = {}
    for naam, dagen, sluiten in (("oud_dicht", 366, True), ("jong_dicht", 364, True),
                                 ("oud_open", 400, False)):
        ids[naam] = nieuwe(api, gesprek_id=naam, soort="terugbellen", telefoon="0612345678",
                           belmoment="ochtend")
        if sluiten:
            api.post(f"/kcc/overdrachten/{ids[naam]}/afsluiten",
                     json={"uitkomst": "beantwoord"}, headers=csrf)
        _oud(kcc_app, ids[naam], dagen)
    with Session(kcc_app.state.engine) as session:
        opgeruimd = onderhoud(session, kcc_settings, START)
    assert opgeruimd.overdrachten_geanonimiseerd == 1
    assert "1 KCC-overdrachten geanonimiseerd" in str(opgeruimd)
    oud = _in_db(kcc_app, ids["oud_dicht"])
    assert (oud.samenvatting, oud.telefoon, oud.belmoment, oud.gesprek_id, oud.geanonimiseerd) == (
        None, None, None, "", True)
    assert (oud.onderwerp, oud.gemeente_code, oud.uitkomst) == (
        "hulp bij het huishouden", "GM0090", "beantwoord")
    assert _in_db(kcc_app, ids["jong_dicht"]).telefoon == "0612345678"
    # An open one stays whole: someone still has to call back.
    assert _in_db(kcc_app, ids["oud_open"]).telefoon == "0612345678"
    detail = api.get(f"/kcc/overdrachten/{ids['oud_dicht']}").json()
    assert (detail["transcript"], detail["geanonimiseerd"]) == (None, True)
    assert detail["melding"].startswith("Het gesprek is niet meer te lezen")
    with Session(kcc_app.state.engine) as session:
        assert onderhoud(session, kcc_settings, START).overdrachten_geanonimiseerd == 0
