from __future__ import annotations

import time

from sqlmodel import Session

from sociale_kaart.hsds.importer import import_document, remove_service
from sociale_kaart.search import cache

from .factories import clear_services, small_map


def _ids(index) -> set[str]:
    return {d.id for d in index.docs}


def test_small_map_is_rebuilt_at_once(app):
    with Session(app.state.engine) as session:
        clear_services(session)
        import_document(session, small_map())
        assert "svc-klus" in _ids(app.state.search_cache.get(session))
        remove_service(session, "svc-klus")
        assert "svc-klus" not in _ids(app.state.search_cache.get(session))


def test_large_map_keeps_answering_while_it_rebuilds(app, monkeypatch):
    monkeypatch.setattr(cache, "BACKGROUND_FROM_SERVICES", 1)
    with Session(app.state.engine) as session:
        clear_services(session)
        import_document(session, small_map())
        before = app.state.search_cache.get(session)
        remove_service(session, "svc-klus")
        assert app.state.search_cache.get(session) is before  # no waiting for the rebuild
        deadline = time.monotonic() + 30
        while "svc-klus" in _ids(app.state.search_cache.get(session)):
            assert time.monotonic() < deadline, "the background rebuild never arrived"
            time.sleep(0.05)
