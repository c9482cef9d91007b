"""Fixtures that run every sociale kaart API test twice: on a SQLite file and on PostgreSQL.

The service promises the same code on both, so each test that asks for `settings`, `app` or
`client` gets a `[sqlite]` and a `[postgres]` variant. The PostgreSQL server is a throw-away
one (tests/postgres_server.py), started once per session and only when a selected test needs
it; every test gets its own fresh database on it. For a quick local run on SQLite alone:
`WMO_TEST_BACKENDS=sqlite pytest tests/sociale_kaart`.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from sociale_kaart.core.config import PROJECT_ROOT, Settings
from sociale_kaart.example_data import load_example_data
from sociale_kaart.hsds.importer import import_document
from sociale_kaart.main import create_app
from tests.postgres_server import PostgresServer
from tests.sociale_kaart.factories import clear_services, small_map

ALL_BACKENDS = ("sqlite", "postgres")
TEMPLATE_NAME = "sociale_kaart_template"
ADMIN_TOKEN = "test-beheer-token"
MELDING_TOKEN = "test-meldingen-token"
# The rate limits protect a real service; one test asks far more from one address than a
# person would. Tests of the limits themselves set their own (test_limieten.py).
RUIME_LIMIETEN = {"limiet_voorraad": 10**9, "limiet_per_seconde": 10**9,
                  "login_voorraad": 10**9, "login_per_minuut": 10**9}


def selected_backends() -> list[str]:
    requested = os.environ.get("WMO_TEST_BACKENDS", ",".join(ALL_BACKENDS))
    backends = [name.strip() for name in requested.split(",") if name.strip()]
    unknown = sorted(set(backends) - set(ALL_BACKENDS))
    if unknown or not backends:
        raise pytest.UsageError(
            f"WMO_TEST_BACKENDS={requested!r}: choose from {', '.join(ALL_BACKENDS)}"
        )
    return backends


def _filled(database_url: str) -> None:
    """Create the tables and load the example data once, for a template database."""
    app = create_app(Settings(database_url, PROJECT_ROOT / "widget", "http://rasa.test:5005"))
    with Session(app.state.engine) as session:
        load_example_data(session)
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    with PostgresServer() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    # Loading the example data takes seconds; copying a filled template takes milliseconds.
    postgres_server.create_database(TEMPLATE_NAME)
    _filled(postgres_server.url(TEMPLATE_NAME))
    return TEMPLATE_NAME


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "kaart.db"
    _filled(f"sqlite:///{path}")
    return path


@pytest.fixture(params=selected_backends())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with the example data in it, fresh for every test."""
    if request.param == "sqlite":
        path = tmp_path / "kaart.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    # Asked for here rather than as an argument, so a SQLite-only run never starts the server.
    server: PostgresServer = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_template")
    name = f"sociale_kaart_test_{uuid4().hex[:12]}"
    server.create_database(name, template=template)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        widget_dir=PROJECT_ROOT / "widget",
        rasa_public_url="http://rasa.test:5005",
        melding_token=MELDING_TOKEN,
        **RUIME_LIMIETEN,
    )


@pytest.fixture
def sqlite_settings(sqlite_template: Path, tmp_path: Path) -> Settings:
    """Settings on SQLite only, for tests of what does not depend on the database."""
    path = tmp_path / "kaart.db"
    shutil.copyfile(sqlite_template, path)
    return Settings(database_url=f"sqlite:///{path}", widget_dir=PROJECT_ROOT / "widget",
                    rasa_public_url="http://rasa.test:5005", melding_token=MELDING_TOKEN,
                    **RUIME_LIMIETEN)


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    app = create_app(settings)
    yield app
    # Pooled connections would otherwise outlive the test and its database.
    app.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def client_small(app: FastAPI, client: TestClient) -> TestClient:
    """A client on a small map the test knows, instead of the example data."""
    with Session(app.state.engine) as session:
        clear_services(session)
        import_document(session, small_map())
    return client


@pytest.fixture
def admin_app(settings: Settings) -> Iterator[FastAPI]:
    """The app with administration on (ADMIN_TOKEN) and no services yet."""
    app = create_app(dataclasses.replace(settings, admin_token=ADMIN_TOKEN))
    with Session(app.state.engine) as session:
        clear_services(session)
    yield app
    app.state.engine.dispose()
