from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from sociale_kaart.api.routes.staff import LOGIN_MISLUKT
from sociale_kaart.core.security import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    controleer_wachtwoord,
    hash_wachtwoord,
    token_hash,
)
from sociale_kaart.main import create_app
from sociale_kaart.medewerkers import main as medewerkers
from sociale_kaart.models import AuditLog, Medewerker, Sessie

from .factories_meldingen import WACHTWOORD, inloggen, nieuwe_medewerker, zet_klok


@pytest.fixture
def anna(app) -> Medewerker:
    with Session(app.state.engine) as session:
        return nieuwe_medewerker(session, "anna", "team", ("GM0090",))


def _login(client, wachtwoord=WACHTWOORD, gebruikersnaam="anna"):
    return client.post("/staff/login",
                       json={"gebruikersnaam": gebruikersnaam, "wachtwoord": wachtwoord})


def _acties(app) -> list[tuple[str, str | None]]:
    with Session(app.state.engine) as session:
        return [(r.actie, r.gebruikersnaam) for r in
                session.exec(select(AuditLog).order_by(col(AuditLog.id)))]


def test_a_password_hash_is_salted_scrypt_with_its_parameters():
    first, second = hash_wachtwoord("hetzelfde-wachtwoord"), hash_wachtwoord("hetzelfde-wachtwoord")
    assert first != second
    assert first.startswith(f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}$")
    assert controleer_wachtwoord("hetzelfde-wachtwoord", first)
    assert not controleer_wachtwoord("ander-wachtwoord!", first)
    assert not controleer_wachtwoord("hetzelfde-wachtwoord", "geen-hash")


def test_login_sets_a_strict_httponly_cookie_and_gives_the_csrf_token(client, anna):
    response = _login(client)
    assert response.status_code == 200
    body = response.json()
    assert (body["naam"], body["rol"], body["gemeenten"]) == ("Anna", "team", ["GM0090"])
    assert len(body["csrf_token"]) >= 32
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("wmo_sessie=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie


def test_the_cookie_is_secure_when_the_setting_says_so(settings, anna):
    app = create_app(dataclasses.replace(settings, cookie_secure=True))
    try:
        assert "Secure" in _login(TestClient(app)).headers["set-cookie"]
    finally:
        app.state.engine.dispose()


def test_the_database_keeps_only_a_hash_of_the_session_token(app, client, anna):
    _login(client)
    token = client.cookies["wmo_sessie"]
    with Session(app.state.engine) as session:
        sessie = session.exec(select(Sessie)).one()
    assert sessie.token_hash == token_hash(token) != token


def test_me_tells_who_is_logged_in(client, anna):
    csrf = inloggen(client)
    me = client.get("/staff/me").json()
    assert (me["gebruikersnaam"], me["csrf_token"]) == ("anna", csrf["X-CSRF-Token"])


def test_without_a_session_staff_pages_say_log_in_again(client):
    response = client.get("/staff/me")
    assert response.status_code == 401
    assert response.json()["detail"] == "Log opnieuw in"
    client.cookies.set("wmo_sessie", "verzonnen")
    assert client.get("/staff/me").status_code == 401


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(client, anna):
    wrong = _login(client, "verkeerd-wachtwoord")
    unknown = _login(client, gebruikersnaam="niemand")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"detail": LOGIN_MISLUKT}
    assert LOGIN_MISLUKT.startswith("Gebruikersnaam of wachtwoord klopt niet")
    assert "set-cookie" not in wrong.headers


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(app, client, anna):
    klok = zet_klok(app)
    for _ in range(5):
        assert _login(client, "verkeerd-wachtwoord").status_code == 401
    klok.verder(minutes=14)
    locked = _login(client)
    assert locked.status_code == 401
    assert locked.json() == {"detail": LOGIN_MISLUKT}
    klok.verder(minutes=2)
    assert _login(client).status_code == 200


def test_a_good_login_starts_the_count_again(app, client, anna):
    zet_klok(app)
    for _ in range(4):
        _login(client, "verkeerd-wachtwoord")
    assert _login(client).status_code == 200
    for _ in range(4):
        _login(client, "verkeerd-wachtwoord")
    assert _login(client).status_code == 200


def test_a_login_rehashes_a_password_made_with_old_parameters(app, client, anna):
    _login(client)
    with Session(app.state.engine) as session:
        stored = session.exec(select(Medewerker)).one().wachtwoord_hash
    assert stored.startswith(f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}$")


def test_a_session_ends_after_thirty_idle_minutes(app, client, anna):
    klok = zet_klok(app)
    inloggen(client)
    klok.verder(minutes=29)
    assert client.get("/staff/me").status_code == 200
    klok.verder(minutes=30)
    assert client.get("/staff/me").json() == {"detail": "Log opnieuw in"}


def test_a_busy_session_still_ends_after_eight_hours(app, client, anna):
    klok = zet_klok(app)
    inloggen(client)
    for _ in range(23):  # every 20 minutes, for 7 h 40 min
        klok.verder(minutes=20)
        assert client.get("/staff/me").status_code == 200
    klok.verder(minutes=20)
    assert client.get("/staff/me").status_code == 401


def test_logout_ends_the_session(app, client, anna):
    csrf = inloggen(client)
    response = client.post("/staff/logout", headers=csrf)
    assert response.status_code == 204
    assert 'wmo_sessie=""' in response.headers["set-cookie"]
    with Session(app.state.engine) as session:
        assert session.exec(select(Sessie)).all() == []


@pytest.mark.parametrize("headers", [{}, {"X-CSRF-Token": "fout"}])
def test_logout_needs_the_csrf_token(client, anna, headers):
    inloggen(client)
    response = client.post("/staff/logout", headers=headers)
    assert response.status_code == 403
    assert response.json()["detail"].startswith("De beveiligingscode ontbreekt of klopt niet")
    assert client.get("/staff/me").status_code == 200


def test_a_new_login_replaces_the_old_session(app, client, anna):
    inloggen(client)
    inloggen(client)
    with Session(app.state.engine) as session:
        assert len(session.exec(select(Sessie)).all()) == 1


def test_login_logout_and_failed_login_are_in_the_audit_log(app, client, anna):
    _login(client, "verkeerd-wachtwoord")
    _login(client, gebruikersnaam="niemand")
    client.post("/staff/logout", headers=inloggen(client))
    assert _acties(app) == [("inloggen_mislukt", "anna"), ("inloggen_mislukt", None),
                            ("inloggen", "anna"), ("uitloggen", "anna")]


def test_a_login_with_an_empty_name_is_refused_in_dutch(client):
    response = client.post("/staff/login", json={"gebruikersnaam": "", "wachtwoord": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Dit is te kort. Vul het in."


class TestCommandLine:
    def test_add_a_staff_member_with_the_password_from_the_environment(self, app, client,
                                                                       monkeypatch):
        monkeypatch.setenv("WACHTWOORD", "een-goed-wachtwoord")
        code = medewerkers(["toevoegen", "--gebruikersnaam", "Anna", "--naam", "Anna de Vries",
                            "--rol", "team", "--gemeente", "gm0090"], engine=app.state.engine)
        assert code == 0
        body = _login(client, "een-goed-wachtwoord", gebruikersnaam=" ANNA").json()
        assert (body["gebruikersnaam"], body["naam"], body["gemeenten"]) == (
            "anna", "Anna de Vries", ["GM0090"])

    def test_a_password_shorter_than_twelve_characters_is_refused(self, app, monkeypatch,
                                                                  capsys):
        monkeypatch.setenv("WACHTWOORD", "te-kort")
        code = medewerkers(["toevoegen", "--gebruikersnaam", "anna", "--naam", "Anna",
                            "--rol", "team", "--gemeente", "GM0090"], engine=app.state.engine)
        assert code == 1
        assert "minstens 12 tekens" in capsys.readouterr().err

    def test_the_password_is_asked_twice_without_the_environment_variable(self, app,
                                                                           monkeypatch):
        monkeypatch.delenv("WACHTWOORD", raising=False)
        answers = iter(["een-goed-wachtwoord", "een-ander-wachtwoord"])
        monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
        code = medewerkers(["toevoegen", "--gebruikersnaam", "anna", "--naam", "Anna",
                            "--rol", "admin"], engine=app.state.engine)
        assert code == 1

    def test_an_unknown_gemeente_or_a_team_without_gemeente_is_refused(self, app, monkeypatch,
                                                                       capsys):
        monkeypatch.setenv("WACHTWOORD", "een-goed-wachtwoord")
        base = ["toevoegen", "--gebruikersnaam", "anna", "--naam", "Anna", "--rol", "team"]
        assert medewerkers([*base, "--gemeente", "GM9999"], engine=app.state.engine) == 1
        assert "GM9999" in capsys.readouterr().err
        assert medewerkers(base, engine=app.state.engine) == 1

    def test_remove_a_staff_member_ends_their_sessions(self, app, client, anna):
        inloggen(client)
        assert medewerkers(["verwijderen", "--gebruikersnaam", "anna"],
                           engine=app.state.engine) == 0
        assert client.get("/staff/me").status_code == 401
        assert medewerkers(["verwijderen", "--gebruikersnaam", "anna"],
                           engine=app.state.engine) == 1

    def test_a_new_password_unlocks_the_account(self, app, client, anna, monkeypatch):
        zet_klok(app)
        for _ in range(5):
            _login(client, "verkeerd-wachtwoord")
        monkeypatch.setenv("WACHTWOORD", "een-nieuw-wachtwoord")
        assert medewerkers(["wachtwoord", "--gebruikersnaam", "anna"],
                           engine=app.state.engine) == 0
        assert _login(client, "een-nieuw-wachtwoord").status_code == 200
