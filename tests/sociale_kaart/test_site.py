from __future__ import annotations

import sqlite3

import pytest

from sociale_kaart.core.db import OutdatedDatabase, create_tables, make_engine


def test_health(client):
    assert client.get("/health").json() == {"status": "ok"}


def test_widget_config_points_to_rasa(client):
    assert client.get("/config.json").json() == {"rasa_url": "http://rasa.test:5005"}


def test_home_page_is_served_in_dutch(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.text


def test_openapi_documents_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/gemeenten", "/gemeenten/resolve", "/gemeenten/{code}/toegang"} <= set(paths)


def test_database_of_an_older_version_is_named_not_half_used(tmp_path):
    path = tmp_path / "oud.db"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE woonplaats (id INTEGER PRIMARY KEY, naam TEXT)")
    with pytest.raises(OutdatedDatabase, match=r"woonplaats\.gemeente_code"):
        create_tables(make_engine(f"sqlite:///{path}"))
