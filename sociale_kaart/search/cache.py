"""Keeps the search index of one database and rebuilds it when the map changed."""

from __future__ import annotations

import threading

from sqlmodel import Session

from sociale_kaart.models import KaartVersie
from sociale_kaart.search.index import SearchIndex, build_index


class IndexCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None

    def get(self, session: Session) -> SearchIndex:
        """The current index; a cheap version check per call, a rebuild only after a change."""
        row = session.get(KaartVersie, 1)
        version = row.versie if row else 0
        index = self._index
        if index is not None and index.version == version:
            return index
        with self._lock:
            if self._index is None or self._index.version != version:
                self._index = build_index(session, version)
            return self._index
