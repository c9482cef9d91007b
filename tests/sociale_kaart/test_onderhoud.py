from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from sociale_kaart import audit
from sociale_kaart.core.config import PROJECT_ROOT, SettingError, Settings
from sociale_kaart.main import create_app
from sociale_kaart.models import AuditLog, Melding, Sessie
from sociale_kaart.onderhoud import onderhoud
from sociale_kaart.sessies import inloggen

from .factories_meldingen import START, WACHTWOORD, nieuwe_medewerker, nieuwe_melding

DAG = dt.timedelta(days=1)


@pytest.fixture
def session(app):
    with Session(app.state.engine) as session:
        yield session


def test_only_meldingen_older_than_the_retention_period_are_anonymised(session, settings):
    oud = nieuwe_melding(session, START - 366 * DAG, naam="Oud")
    jong = nieuwe_melding(session, START - 364 * DAG, naam="Jong")
    assert onderhoud(session, settings, START).meldingen_geanonimiseerd == 1
    session.refresh(oud)
    session.refresh(jong)
    assert (oud.geanonimiseerd, oud.naam) == (True, "")
    assert (jong.geanonimiseerd, jong.naam, jong.telefoon) == (False, "Jong", "0612345678")


def test_an_anonymised_melding_keeps_only_what_statistics_need(session, settings):
    melding = nieuwe_melding(session, START - 400 * DAG, gemeente_code="GM0080")
    nummer, aangemaakt = melding.nummer, melding.aangemaakt_op
    onderhoud(session, settings, START)
    session.refresh(melding)
    assert (melding.naam, melding.telefoon, melding.email, melding.woonplaats, melding.vraag,
            melding.belmoment) == ("", None, None, "", "", None)
    assert (melding.nummer, melding.gemeente_code, melding.status) == (nummer, "GM0080", "nieuw")
    assert melding.aangemaakt_op == aangemaakt
    assert melding.gewijzigd_op == START


def test_anonymising_again_changes_nothing(session, settings):
    nieuwe_melding(session, START - 400 * DAG)
    onderhoud(session, settings, START)
    assert onderhoud(session, settings, START + DAG).meldingen_geanonimiseerd == 0


def test_the_retention_period_is_a_setting(session, settings):
    nieuwe_melding(session, START - 31 * DAG)
    korter = dataclasses.replace(settings, meldingen_bewaar_dagen=30)
    assert onderhoud(session, korter, START).meldingen_geanonimiseerd == 1


def test_expired_sessions_are_removed(session, settings):
    nieuwe_medewerker(session)
    inloggen(session, "anna", WACHTWOORD, START, dt.timedelta(hours=8))
    session.commit()
    assert onderhoud(session, settings, START + dt.timedelta(minutes=29)).sessies_verwijderd == 0
    assert onderhoud(session, settings, START + dt.timedelta(minutes=30)).sessies_verwijderd == 1
    assert session.exec(select(Sessie)).all() == []


def test_audit_rows_older_than_their_retention_period_are_removed(session, settings):
    for age in (731, 729):
        audit.schrijf(session, "inloggen", nu=START - age * DAG, gebruikersnaam=f"{age}", ip=None)
    session.commit()
    assert onderhoud(session, settings, START).auditregels_verwijderd == 1
    assert [r.gebruikersnaam for r in session.exec(select(AuditLog))] == ["729"]


def test_retention_runs_when_the_app_starts(app, settings):
    with Session(app.state.engine) as session:
        nummer = nieuwe_melding(session, dt.datetime.now(dt.timezone.utc) - 400 * DAG).nummer
    tweede = create_app(settings)
    try:
        with Session(tweede.state.engine) as session:
            melding = session.exec(select(Melding).where(Melding.nummer == nummer)).one()
            assert melding.geanonimiseerd
    finally:
        tweede.state.engine.dispose()


def test_retention_runs_from_the_command_line(app, database_url):
    with Session(app.state.engine) as session:
        nieuwe_melding(session, dt.datetime.now(dt.timezone.utc) - 400 * DAG)
    result = subprocess.run(
        [sys.executable, "-m", "sociale_kaart.onderhoud"], cwd=PROJECT_ROOT, check=True,
        capture_output=True, text=True,
        env={**os.environ, "SOCIALE_KAART_DATABASE_URL": database_url})
    assert result.stdout.startswith("Onderhoud klaar: 1 meldingen geanonimiseerd")


def test_the_team_can_still_open_an_anonymised_melding(app, client, settings):
    with Session(app.state.engine) as session:
        nummer = nieuwe_melding(session, START - 400 * DAG).nummer
        onderhoud(session, settings, START)
        nieuwe_medewerker(session)
    client.post("/staff/login", json={"gebruikersnaam": "anna", "wachtwoord": WACHTWOORD})
    melding = client.get(f"/team/meldingen/{nummer}").json()
    assert (melding["geanonimiseerd"], melding["naam"], melding["email"]) == (True, "", None)


def test_retention_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("MELDINGEN_BEWAAR_DAGEN", "90")
    monkeypatch.setenv("AUDIT_BEWAAR_DAGEN", "400")
    config = Settings.from_env()
    assert (config.meldingen_bewaar_dagen, config.audit_bewaar_dagen) == (90, 400)
    monkeypatch.delenv("MELDINGEN_BEWAAR_DAGEN")
    assert Settings.from_env().meldingen_bewaar_dagen == 365


@pytest.mark.parametrize("value", ["0", "-5", "een jaar"])
def test_a_retention_setting_that_is_not_a_positive_number_is_named(monkeypatch, value):
    monkeypatch.setenv("MELDINGEN_BEWAAR_DAGEN", value)
    with pytest.raises(SettingError, match="MELDINGEN_BEWAAR_DAGEN"):
        Settings.from_env()
