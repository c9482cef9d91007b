"""How many requests one client may send: a token bucket per key, kept in this process.

A bucket holds up to `voorraad` requests and refills at `per_seconde`; a request takes one.
A bucket untouched for `voorraad / per_seconde` seconds is full again and tells nothing a new
one would not, so it is dropped: memory stays bounded by the clients of that last stretch of
time, and never above `max_sleutels`.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Snelheidslimiet"]


@dataclass
class _Emmer:
    inhoud: float
    bijgewerkt: float


class Snelheidslimiet:
    def __init__(self, voorraad: int, per_seconde: float,
                 klok: Callable[[], float] = time.monotonic, max_sleutels: int = 100_000):
        if voorraad < 1 or per_seconde <= 0:
            raise ValueError("a bucket needs room for one request and a positive refill rate")
        self.voorraad = voorraad
        self.per_seconde = per_seconde
        self.klok = klok
        self.max_sleutels = max_sleutels
        self._vol_na = voorraad / per_seconde
        # The least recently used first, so the idle ones are found at the front.
        self._emmers: OrderedDict[str, _Emmer] = OrderedDict()
        # The middleware runs on the event loop, but nothing stops a thread from asking too.
        self._slot = threading.Lock()

    def wachttijd(self, sleutel: str) -> float:
        """Take one request from the bucket of `sleutel`: 0 when that is allowed, otherwise
        the seconds until the next one is (and nothing is taken)."""
        with self._slot:
            nu = self.klok()
            emmer = self._emmers.pop(sleutel, None)
            self._opruimen(nu)
            emmer = emmer or _Emmer(self.voorraad, nu)
            emmer.inhoud = min(self.voorraad,
                               emmer.inhoud + max(0.0, nu - emmer.bijgewerkt) * self.per_seconde)
            emmer.bijgewerkt = nu
            self._emmers[sleutel] = emmer
            if emmer.inhoud >= 1:
                emmer.inhoud -= 1
                return 0.0
            return (1 - emmer.inhoud) / self.per_seconde

    def _opruimen(self, nu: float) -> None:
        while self._emmers:
            oudste = next(iter(self._emmers.values()))
            if nu - oudste.bijgewerkt < self._vol_na and len(self._emmers) < self.max_sleutels:
                return
            # Full again, or too many keys at once (a flood from many addresses): the least
            # recently used goes, and comes back with a full bucket.
            self._emmers.popitem(last=False)

    def __len__(self) -> int:
        return len(self._emmers)
