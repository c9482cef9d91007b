"""Database engine and sessions; SQLite by default, PostgreSQL with the same code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, create_engine

from sociale_kaart import models  # noqa: F401  (registers the tables on SQLModel.metadata)


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # FastAPI serves requests from a thread pool; SQLite must allow that.
        return create_engine(database_url, connect_args={"check_same_thread": False})
    return create_engine(database_url, pool_pre_ping=True)


class OutdatedDatabase(RuntimeError):
    """The database was made by an older version and lacks columns this version needs."""


def _missing_columns(engine: Engine) -> list[str]:
    inspector = inspect(engine)
    existing = set(inspector.get_table_names())
    missing = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in existing:
            have = {c["name"] for c in inspector.get_columns(table.name)}
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in have]
    return missing


def create_tables(engine: Engine) -> None:
    missing = _missing_columns(engine)
    if missing:
        where = engine.url.render_as_string(hide_password=True)
        raise OutdatedDatabase(
            f"The database {where} was made by an older version (missing: {', '.join(missing)})."
            " Export your data, remove the database (for the example data: rm -r var/) and"
            " start again; the example data is then loaded anew."
        )
    SQLModel.metadata.create_all(engine)


def session_factory(engine: Engine):
    def get_session() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    return get_session
