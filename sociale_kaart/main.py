"""The FastAPI application: the sociale kaart API, plus the widget pages as static files."""

from __future__ import annotations

from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlmodel import Session

from sociale_kaart.api.beveiligingsheaders import Beveiligingsheaders
from sociale_kaart.api.limieten import Snelheidslimieten
from sociale_kaart.api.main import api_router
from sociale_kaart.core.config import Settings, settings
from sociale_kaart.core.db import create_tables, make_engine
from sociale_kaart.logboek import installeer as zonder_zoekvraag_in_log
from sociale_kaart.models.tijd import utc_now
from sociale_kaart.onderhoud import onderhoud
from sociale_kaart.search import IndexCache, SemanticCategories
from sociale_kaart.taxonomy import load_taxonomy


async def refuse_nul_characters(request: Request, call_next):
    """PostgreSQL cannot store a NUL character; refuse it up front instead of failing later."""
    if "\x00" in unquote(request.url.path) or "\x00" in unquote(request.url.query):
        return JSONResponse(status_code=400,
                            content={"detail": "De aanvraag bevat een ongeldig teken"})
    return await call_next(request)


def create_app(config: Settings | None = None) -> FastAPI:
    """Run with `uvicorn --factory sociale_kaart.main:create_app`."""
    config = config or settings
    zonder_zoekvraag_in_log()
    app = FastAPI(
        title="Sociale kaart Fryslân",
        description="Gemeenten, woonplaatsen en loketten voor de Wmo wegwijzer (HSDS 3-basis).",
        version="0.1.0",
        # /docs is a route of its own (api/routes/site.py), with the policy its page needs.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = config
    app.state.klok = utc_now  # tests set their own clock here
    app.state.engine = make_engine(config.database_url)
    create_tables(app.state.engine)
    with Session(app.state.engine) as session:
        load_taxonomy(session)
        onderhoud(session, config, utc_now())  # retention, also daily: python -m ...onderhoud
    app.state.search_cache = IndexCache()
    app.state.semantic = SemanticCategories()
    # The last one added runs first: headers on every answer, a 429 included.
    app.middleware("http")(refuse_nul_characters)
    app.add_middleware(Snelheidslimieten, config=config)
    app.add_middleware(Beveiligingsheaders, config=config)
    app.include_router(api_router)
    if config.widget_dir.is_dir():
        app.mount("/", StaticFiles(directory=config.widget_dir, html=True), name="widget")
    return app

