"""The FastAPI application: the sociale kaart API, plus the widget pages as static files."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sociale_kaart.api.main import api_router
from sociale_kaart.core.config import Settings, settings
from sociale_kaart.core.db import create_tables, make_engine


def create_app(config: Settings | None = None) -> FastAPI:
    """Run with `uvicorn --factory sociale_kaart.main:create_app`."""
    config = config or settings
    app = FastAPI(
        title="Sociale kaart Fryslân",
        description="Gemeenten, woonplaatsen en loketten voor de Wmo wegwijzer (HSDS 3-basis).",
        version="0.1.0",
    )
    app.state.settings = config
    app.state.engine = make_engine(config.database_url)
    create_tables(app.state.engine)
    app.include_router(api_router)
    if config.widget_dir.is_dir():
        app.mount("/", StaticFiles(directory=config.widget_dir, html=True), name="widget")
    return app

