"""Who may use which route, checked on every route and method of the OpenAPI document.

A route is public only when PUBLIEK lists it; every other route must refuse a stranger, a
wrong token and a session without the right role, and every staff change needs the CSRF
token. A new route therefore fails here until TOEGANG says who may use it. Staff of one
gemeente never see or change a melding or overdracht of another, on any route that takes
its id, and every look at or change of a melding is in the audit log.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from sociale_kaart.api.routes.kcc import maak_overdracht
from sociale_kaart.models import AuditLog, Melding, Overdracht, OverdrachtCreate

from .conftest import ADMIN_TOKEN, MELDING_TOKEN
from .factories_meldingen import START, inloggen, nieuwe_medewerker, nieuwe_melding

PUBLIEK = {
    ("GET", "/health"), ("GET", "/config.json"),
    ("GET", "/gemeenten"), ("GET", "/gemeenten/resolve"),
    ("GET", "/gemeenten/{code}/toegang"), ("GET", "/gemeenten/{code}/eigen-bijdrage"),
    ("GET", "/search"), ("GET", "/services"), ("GET", "/services/{service_id}"),
    ("GET", "/organizations"), ("GET", "/organizations/{organization_id}"),
    ("GET", "/taxonomy_terms"), ("GET", "/kcc/bereikbaar"), ("POST", "/staff/login"),
}
BEHEERTOKEN, MELDINGTOKEN = "beheertoken", "meldingtoken"
# Who may use the other routes, first match wins: a service token as Bearer, or a staff
# session with one of these roles.
TOEGANG: list[tuple[str, str | frozenset[str]]] = [
    (r"^/admin/audit$", frozenset({"admin"})),
    (r"^/admin/", BEHEERTOKEN),
    (r"^/meldingen$", MELDINGTOKEN),
    (r"^/kcc/overdrachten$", MELDINGTOKEN),
    (r"^/kcc/", frozenset({"kcc", "admin"})),
    (r"^/team/", frozenset({"team", "admin"})),
    (r"^/staff/", frozenset({"team", "kcc", "admin"})),
]
TOKENS = {BEHEERTOKEN: ADMIN_TOKEN, MELDINGTOKEN: MELDING_TOKEN}
WIJZIGEND = {"POST", "PUT", "PATCH", "DELETE"}
ROLLEN = ("team", "kcc", "admin")
# A valid body where a route needs one, so a refusal cannot hide behind a 422.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/team/meldingen/{nummer}"): {"status": "in_behandeling"},
    ("POST", "/kcc/overdrachten/{overdracht_id}/berichten"): {"tekst": "Goedemiddag"},
    ("POST", "/kcc/overdrachten/{overdracht_id}/afsluiten"): {"uitkomst": "beantwoord"},
}
VOORBEELD = {"nummer": "WMO-2026-000001", "overdracht_id": "1", "code": "GM0090"}
CSRF_FOUT = "De beveiligingscode ontbreekt of klopt niet."


def operaties(client: TestClient) -> list[tuple[str, str]]:
    paths = client.get("/openapi.json").json()["paths"]
    found = sorted((methode.upper(), pad) for pad, ops in paths.items() for methode in ops)
    assert len(found) >= 35, "every route should be in the OpenAPI document"
    return found


def toegang(methode: str, pad: str) -> str | frozenset[str] | None:
    if (methode, pad) in PUBLIEK:
        return "publiek"
    return next((wie for patroon, wie in TOEGANG if re.match(patroon, pad)), None)


def adres(pad: str, **waarden: str) -> str:
    return re.sub(r"{(\w+)}", lambda m: waarden.get(m[1], VOORBEELD.get(m[1], "x")), pad)


def vraag(client: TestClient, methode: str, pad: str, headers: dict[str, str] | None = None,
          **waarden: str):
    return client.request(methode, adres(pad, **waarden), headers=headers or {},
                          json=BODIES.get((methode, pad)))


@pytest.fixture
def sessies(admin_app) -> dict[str, tuple[TestClient, dict[str, str]]]:
    """A logged-in client per role, with the headers of a change (its CSRF token)."""
    with Session(admin_app.state.engine) as session:
        for rol in ROLLEN:
            nieuwe_medewerker(session, rol, rol, ("GM0090",) if rol != "admin" else ())
    clients = {rol: TestClient(admin_app) for rol in ROLLEN}
    return {rol: (client, inloggen(client, rol)) for rol, client in clients.items()}


def test_every_private_route_refuses_strangers_and_wrong_tokens(admin_app):
    client = TestClient(admin_app)
    problemen = []
    for methode, pad in operaties(client):
        wie = toegang(methode, pad)
        if wie == "publiek":
            status = vraag(client, methode, pad).status_code
            if status in (401, 403):
                problemen.append(f"{methode} {pad} is public, but answered {status}")
            continue
        if wie is None:
            problemen.append(f"{methode} {pad}: not public, so say in TOEGANG who may use it")
        pogingen = {"no credentials": {}, "a wrong bearer token": {
            "Authorization": "Bearer dit-is-niet-het-token"}}
        for soort, token in TOKENS.items():
            if wie != soort:
                pogingen[f"the {soort}"] = {"Authorization": f"Bearer {token}"}
        for poging, headers in pogingen.items():
            status = vraag(client, methode, pad, headers).status_code
            verwacht = (401, 403) if poging == "no credentials" else (401,)
            if status not in verwacht:
                problemen.append(f"{methode} {pad} with {poging}: {status}, not {verwacht}")
        if isinstance(wie, str):  # the right token opens it: the checks above can fail
            status = vraag(client, methode, pad,
                           {"Authorization": f"Bearer {TOKENS[wie]}"}).status_code
            if status in (401, 403):
                problemen.append(f"{methode} {pad} refused its own {wie}: {status}")
    assert problemen == []


def test_a_session_opens_only_the_routes_of_its_role(admin_app, sessies):
    problemen = []
    for methode, pad in operaties(TestClient(admin_app)):
        wie = toegang(methode, pad)
        if wie == "publiek" or wie is None:
            continue
        for rol, (client, csrf) in sessies.items():
            status = vraag(client, methode, pad, csrf).status_code
            if isinstance(wie, str) and status != 401:
                problemen.append(f"{methode} {pad} with a {rol} session instead of the {wie}: "
                                 f"{status}, not 401")
            elif isinstance(wie, frozenset) and rol in wie and status in (401, 403):
                problemen.append(f"{methode} {pad} refused role {rol}: {status}")
            elif isinstance(wie, frozenset) and rol not in wie and status != 403:
                problemen.append(f"{methode} {pad} with role {rol}: {status}, not 403")
            if client.get("/staff/me").status_code == 401:  # that was the logout
                sessies[rol] = (client, inloggen(client, rol))
    assert problemen == []


def test_every_staff_change_needs_the_csrf_token(admin_app, sessies):
    client, _ = sessies["admin"]  # the admin role may use every staff route
    problemen = []
    for methode, pad in operaties(client):
        wie = toegang(methode, pad)
        if not isinstance(wie, frozenset) or methode not in WIJZIGEND:
            continue
        for poging, headers in {"without": {}, "with a wrong": {"X-CSRF-Token": "fout"}}.items():
            response = vraag(client, methode, pad, headers)
            if response.status_code != 403 or not response.json()["detail"].startswith(CSRF_FOUT):
                problemen.append(f"{methode} {pad} {poging} CSRF token: {response.status_code}")
    assert problemen == []
    assert client.get("/staff/me").status_code == 200, "a refused logout logs nobody out"


@pytest.fixture
def twee_gemeenten(app) -> dict[str, Any]:
    """A melding and an overdracht in Smallingerland (GM0090) and in Leeuwarden (GM0080), and
    team and KCC staff of each."""
    with Session(app.state.engine) as session:
        eigen = nieuwe_melding(session, naam="Anna Drachten")
        ander = nieuwe_melding(session, gemeente_code="GM0080", naam="Pieter Ljouwert",
                               woonplaats="Leeuwarden")
        overdrachten = {}
        for code, marker in (("GM0090", "Drachtster vraag"), ("GM0080", "Ljouwerter vraag")):
            overdracht, _ = maak_overdracht(session, OverdrachtCreate(
                gesprek_id=f"gesprek-{code}", soort="terugbellen", gemeente_code=code,
                onderwerp=marker, urgentie="normaal", samenvatting=marker, taal="nl",
                telefoon="0612345678", belmoment="ochtend"), START)
            overdrachten[code] = overdracht.id
        for naam, rol, code in (("anna", "team", "GM0090"), ("lotte", "team", "GM0080"),
                                ("kees", "kcc", "GM0090"), ("lieke", "kcc", "GM0080")):
            nieuwe_medewerker(session, naam, rol, (code,))
        return {"eigen": eigen.nummer, "ander": ander.nummer, "overdrachten": overdrachten}


def _met_id(client: TestClient, veld: str) -> list[tuple[str, str]]:
    return [(m, p) for m, p in operaties(client) if "{" + veld + "}" in p]


def test_a_melding_of_another_gemeente_does_not_exist_on_any_route(app, twee_gemeenten):
    anna, lotte = TestClient(app), TestClient(app)
    anna_csrf, lotte_csrf = inloggen(anna, "anna"), inloggen(lotte, "lotte")
    routes = _met_id(anna, "nummer")
    assert len(routes) >= 2
    ander = twee_gemeenten["ander"]
    for methode, pad in routes:
        response = vraag(anna, methode, pad, anna_csrf, nummer=ander)
        assert (response.status_code, response.json()) == (
            404, {"detail": "Melding niet gevonden"}), f"{methode} {pad}"
        with Session(app.state.engine) as session:
            melding = session.exec(select(Melding).where(Melding.nummer == ander)).one()
        assert (melding.status, melding.gewijzigd_op) == ("nieuw", START), f"{methode} {pad}"
        # The team of that gemeente can: the 404 above is the scoping, not a broken route.
        assert vraag(lotte, methode, pad, lotte_csrf, nummer=ander).status_code == 200


def test_an_overdracht_of_another_gemeente_does_not_exist_on_any_route(app, twee_gemeenten):
    kees, lieke = TestClient(app), TestClient(app)
    kees_csrf, lieke_csrf = inloggen(kees, "kees"), inloggen(lieke, "lieke")
    routes = _met_id(kees, "overdracht_id")
    assert len(routes) >= 5
    ander = str(twee_gemeenten["overdrachten"]["GM0080"])
    for methode, pad in routes:
        response = vraag(kees, methode, pad, kees_csrf, overdracht_id=ander)
        assert (response.status_code, response.json()) == (
            404, {"detail": "Overdracht niet gevonden"}), f"{methode} {pad}"
        with Session(app.state.engine) as session:
            overdracht = session.get(Overdracht, int(ander))
            assert overdracht is not None
        assert (overdracht.status, overdracht.medewerker) == ("wachtend", None), pad
    for methode, pad in routes:
        status = vraag(lieke, methode, pad, lieke_csrf, overdracht_id=ander).status_code
        assert status != 404, f"{methode} {pad}: the own gemeente's overdracht was not found"


def test_no_list_or_export_shows_another_gemeente(app, twee_gemeenten):
    problemen = []
    for naam in ("anna", "kees"):
        client = TestClient(app)
        inloggen(client, naam)
        for methode, pad in operaties(client):
            wie = toegang(methode, pad)
            if methode != "GET" or "{" in pad or not isinstance(wie, frozenset):
                continue
            response = client.get(pad)
            if response.status_code == 403:
                continue  # not this role's route
            for spoor in (twee_gemeenten["ander"], "Ljouwert"):
                if spoor in response.text:
                    problemen.append(f"GET {pad} shows {naam} {spoor!r}")
    assert problemen == []


def _audit_rijen(app, nummer: str) -> list[tuple[str, str | None, str | None]]:
    with Session(app.state.engine) as session:
        return [(r.actie, r.gebruikersnaam, r.ip) for r in session.exec(
            select(AuditLog).where(AuditLog.melding_nummer == nummer)
            .order_by(col(AuditLog.id)))]


def test_every_look_at_and_change_of_a_melding_is_in_the_audit_log(app, twee_gemeenten):
    client = TestClient(app)
    csrf = inloggen(client, "anna")
    eigen = twee_gemeenten["eigen"]
    for methode, pad in _met_id(client, "nummer"):
        voor = _audit_rijen(app, eigen)
        assert vraag(client, methode, pad, csrf, nummer=eigen).status_code == 200
        nieuw = _audit_rijen(app, eigen)[len(voor):]
        assert len(nieuw) == 1 and nieuw[0][1:] == ("anna", "testclient"), f"{methode} {pad}"
    # A refused look names no melding: nothing of another gemeente gets in anna's log.
    vraag(client, "GET", "/team/meldingen/{nummer}", nummer=twee_gemeenten["ander"])
    assert _audit_rijen(app, twee_gemeenten["ander"]) == []


def test_logins_that_succeed_and_fail_are_in_the_audit_log(app, twee_gemeenten):
    client = TestClient(app, client=("192.0.2.44", 50000))
    client.post("/staff/login", json={"gebruikersnaam": "anna", "wachtwoord": "fout-fout-fout"})
    inloggen(client, "anna")
    with Session(app.state.engine) as session:
        rijen = [(r.actie, r.gebruikersnaam, r.ip) for r in
                 session.exec(select(AuditLog).order_by(col(AuditLog.id)))]
    assert rijen == [("inloggen_mislukt", "anna", "192.0.2.44"),
                     ("inloggen", "anna", "192.0.2.44")]
