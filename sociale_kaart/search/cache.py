"""Keeps the search index of one database and rebuilds it when the map changed.

A small map is rebuilt at once, so an import shows up in the next search. A large one takes
seconds to rebuild (about 20 s at 100k services); then searches go on with the previous
index while a new one is built in the background, instead of waiting.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.engine import Engine
from sqlmodel import Session

from sociale_kaart.models import KaartVersie
from sociale_kaart.search.index import SearchIndex, build_index

logger = logging.getLogger(__name__)

BACKGROUND_FROM_SERVICES = 20_000


class IndexCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._building: int | None = None  # version being built in the background

    def get(self, session: Session) -> SearchIndex:
        """The current index; a cheap version check per call, a rebuild only after a change."""
        row = session.get(KaartVersie, 1)
        version = row.versie if row else 0
        index = self._index
        if index is not None and index.version == version:
            return index
        if index is not None and len(index.docs) >= BACKGROUND_FROM_SERVICES:
            self._rebuild_in_background(session.get_bind(), version)
            return index
        with self._lock:
            if self._index is None or self._index.version != version:
                self._index = build_index(session, version)
            return self._index

    def _rebuild_in_background(self, bind, version: int) -> None:
        with self._lock:
            if self._building == version:
                return
            self._building = version
        threading.Thread(target=self._build, args=(bind, version), daemon=True).start()

    def _build(self, bind: Engine, version: int) -> None:
        try:
            with Session(bind) as session:
                index = build_index(session, version)
            with self._lock:
                if self._index is None or self._index.version < index.version:
                    self._index = index
        except Exception:
            logger.exception("rebuilding the search index failed; the previous one stays")
        finally:
            with self._lock:
                if self._building == version:
                    self._building = None
