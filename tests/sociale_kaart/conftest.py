from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from sociale_kaart.core.config import PROJECT_ROOT, Settings
from sociale_kaart.example_data import load_example_data
from sociale_kaart.main import create_app


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'kaart.db'}",
        widget_dir=PROJECT_ROOT / "widget",
        rasa_public_url="http://rasa.test:5005",
    )


@pytest.fixture
def app(settings: Settings):
    app = create_app(settings)
    with Session(app.state.engine) as session:
        load_example_data(session)
    return app


@pytest.fixture
def client(app) -> TestClient:
    return TestClient(app)
