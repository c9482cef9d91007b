"""WMO_OMGEVING=productie: the sociale kaart refuses to start on a setting fit only for a
laptop, and names the variable without showing its value."""

from __future__ import annotations

import pytest

from sociale_kaart.core.config import PROJECT_ROOT, SettingError, Settings

STERK = "Zq8vN3kTt0pW5xYb2RcL7mHs4dJf9aGe"  # 32 characters, nothing of an example
POSTGRES = "postgresql+psycopg://wegwijzer:db-wachtwoord-geheim@postgres:5432/sociale_kaart"
ENV = {
    "WMO_OMGEVING": "productie",
    "SOCIALE_KAART_DATABASE_URL": POSTGRES,
    "SOCIALE_KAART_MELDING_TOKEN": STERK,
    "RASA_AUTH_TOKEN": STERK[::-1],
    "SOCIALE_KAART_ADMIN_TOKEN": STERK.lower() + "A",
    "SOCIALE_KAART_COOKIE_SECURE": "true",
}


@pytest.fixture
def omgeving(monkeypatch):
    """Set the environment of a production start; change or remove one variable per test."""
    for naam in ("WIDGET_ORIGINS", "RASA_PUBLIC_URL", "RASA_URL", "KCC_OPENINGSTIJDEN"):
        monkeypatch.delenv(naam, raising=False)
    for naam, waarde in ENV.items():
        monkeypatch.setenv(naam, waarde)
    return monkeypatch


def _weigering(**anders: str | None) -> str:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for naam, waarde in anders.items():
            if waarde is None:
                monkeypatch.delenv(naam, raising=False)
            else:
                monkeypatch.setenv(naam, waarde)
        with pytest.raises(SettingError) as refused:
            Settings.from_env()
    melding = str(refused.value)
    assert melding.startswith("WMO_OMGEVING=productie, but ")
    for naam in ("SOCIALE_KAART_MELDING_TOKEN", "RASA_AUTH_TOKEN", "SOCIALE_KAART_ADMIN_TOKEN",
                 "SOCIALE_KAART_DATABASE_URL"):
        waarde = anders.get(naam) or ENV[naam]
        assert waarde not in melding, "a secret must never be in the message"
    assert "db-wachtwoord-geheim" not in melding
    return melding


def test_a_sound_production_setup_starts(omgeving):
    config = Settings.from_env()
    assert config.productie and config.cookie_secure


@pytest.mark.parametrize("naam", ["SOCIALE_KAART_MELDING_TOKEN", "RASA_AUTH_TOKEN"])
def test_a_missing_secret_is_refused(omgeving, naam):
    assert f"{naam} is not set" in _weigering(**{naam: None})


@pytest.mark.parametrize("naam", ["SOCIALE_KAART_MELDING_TOKEN", "RASA_AUTH_TOKEN",
                                  "SOCIALE_KAART_ADMIN_TOKEN"])
def test_a_short_secret_is_refused(omgeving, naam):
    assert f"{naam} is shorter than 32 characters" in _weigering(**{naam: STERK[:31]})


@pytest.mark.parametrize("naam", ["SOCIALE_KAART_MELDING_TOKEN", "RASA_AUTH_TOKEN",
                                  "SOCIALE_KAART_ADMIN_TOKEN"])
def test_the_example_value_of_env_example_is_refused(omgeving, naam):
    voorbeeld = "change-me-to-a-long-random-string-of-forty-characters"
    assert f"{naam} still has the example value" in _weigering(**{naam: voorbeeld})


def test_without_an_admin_token_administration_is_off_and_that_is_fine(omgeving):
    omgeving.delenv("SOCIALE_KAART_ADMIN_TOKEN")
    assert Settings.from_env().admin_token is None


@pytest.mark.parametrize("url", [None, "sqlite:////var/lib/wegwijzer/kaart.db"])
def test_sqlite_is_refused(omgeving, url):
    assert "SOCIALE_KAART_DATABASE_URL is SQLite" in _weigering(SOCIALE_KAART_DATABASE_URL=url)


@pytest.mark.parametrize("waarde", [None, "false", "0"])
def test_a_cookie_that_may_travel_over_http_is_refused(omgeving, waarde):
    assert "SOCIALE_KAART_COOKIE_SECURE is not true" in _weigering(
        SOCIALE_KAART_COOKIE_SECURE=waarde)


def test_every_problem_is_named_at_once(omgeving):
    melding = _weigering(SOCIALE_KAART_MELDING_TOKEN=None, RASA_AUTH_TOKEN="kort",
                         SOCIALE_KAART_COOKIE_SECURE="false")
    assert "SOCIALE_KAART_MELDING_TOKEN is not set" in melding
    assert "RASA_AUTH_TOKEN is shorter than 32 characters" in melding
    assert "SOCIALE_KAART_COOKIE_SECURE is not true" in melding


@pytest.mark.parametrize("omgeving_waarde", [None, "", "ontwikkeling"])
def test_outside_production_a_laptop_needs_no_settings(monkeypatch, omgeving_waarde):
    for naam in ENV:
        monkeypatch.delenv(naam, raising=False)
    if omgeving_waarde is not None:
        monkeypatch.setenv("WMO_OMGEVING", omgeving_waarde)
    config = Settings.from_env()
    assert not config.productie
    assert config.database_url.startswith("sqlite:///")
    assert config.melding_token is None and not config.cookie_secure


@pytest.mark.parametrize("typfout", ["production", "prod", "productie1"])
def test_an_unknown_environment_is_refused_so_a_typo_cannot_turn_the_checks_off(monkeypatch,
                                                                                 typfout):
    monkeypatch.setenv("WMO_OMGEVING", typfout)
    with pytest.raises(SettingError, match="WMO_OMGEVING"):
        Settings.from_env()


def test_settings_made_in_code_are_checked_the_same_way():
    with pytest.raises(SettingError, match="SOCIALE_KAART_DATABASE_URL is SQLite"):
        Settings("sqlite://", PROJECT_ROOT / "widget", "http://rasa.test", productie=True,
                 melding_token=STERK, rasa_auth_token=STERK, cookie_secure=True)
