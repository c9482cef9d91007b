"""A new melding is written twice (the row, then its number made from the row's id): a database
that fails between the two writes must leave nothing behind, so a retry with the same
Idempotency-Key stores the melding once and complete. The real crash is tried end to end in
tests/e2e/test_storingen.py (PostgreSQL killed during the write)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from sociale_kaart.models import Melding

from .factories_meldingen import melding_velden, post_melding


@contextlib.contextmanager
def tweede_schrijfactie_faalt(app: FastAPI) -> Iterator[None]:
    """The database breaks off when the number is written, as when its server dies."""

    def breek_af(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE MELDING"):
            raise OperationalError(statement, None, ConnectionError("server closed the connection"))

    event.listen(app.state.engine, "before_cursor_execute", breek_af)
    try:
        yield
    finally:
        event.remove(app.state.engine, "before_cursor_execute", breek_af)


def _meldingen(app: FastAPI) -> list[Melding]:
    with Session(app.state.engine) as session:
        return list(session.exec(select(Melding)).all())


def test_a_failure_between_the_two_writes_leaves_no_row(app):
    client = TestClient(app, raise_server_exceptions=False)
    with tweede_schrijfactie_faalt(app):
        assert post_melding(client, sleutel="storing").status_code == 500
    assert _meldingen(app) == []


def test_after_the_failure_the_retry_stores_the_melding_once_and_complete(app):
    client = TestClient(app, raise_server_exceptions=False)
    with tweede_schrijfactie_faalt(app):
        assert post_melding(client, sleutel="opnieuw").status_code == 500

    response = post_melding(client, sleutel="opnieuw")
    assert response.status_code == 201, response.text
    assert post_melding(client, sleutel="opnieuw").status_code == 200
    [melding] = _meldingen(app)
    assert melding.nummer == response.json()["nummer"]
    assert melding.telefoon == "0612345678"
    assert melding.vraag == melding_velden()["vraag"]
