"""When the KCC answers live chats: the opening hours from KCC_OPENINGSTIJDEN.

The value is `altijd`, `nooit`, or one or more ranges separated by `;`, each made of days and
a time, for example `ma-do 08:30-17:00; vr 08:30-12:00`. Days are ma di wo do vr za zo; a
range such as `ma-vr` or a list such as `ma,wo` is fine. Times are in the Netherlands
(Europe/Amsterdam), so summer time needs no change. Outside these hours the bot offers a
call-back request instead of a live chat.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from sociale_kaart.models.tijd import NEDERLAND

__all__ = ["OngeldigeOpeningstijden", "Openingstijden", "lees_openingstijden"]

DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")  # Monday is 0, as in date.weekday()
_BLOK = re.compile(r"^(?P<dagen>[a-z,\-]+)\s+(?P<van>\d{1,2}:\d{2})\s*-\s*(?P<tot>\d{1,2}:\d{2})$")


class OngeldigeOpeningstijden(ValueError):
    """The text cannot be read as opening hours; the message names the part that is wrong."""


@dataclass(frozen=True)
class Blok:
    dagen: frozenset[int]
    van: int  # minutes after midnight
    tot: int  # up to and not including; 24:00 is 1440


@dataclass(frozen=True)
class Openingstijden:
    blokken: tuple[Blok, ...]

    def open_op(self, moment: dt.datetime) -> bool:
        """Whether the KCC is open at this moment (a timezone-aware datetime)."""
        lokaal = moment.astimezone(NEDERLAND)
        minuut = lokaal.hour * 60 + lokaal.minute
        return any(lokaal.weekday() in blok.dagen and blok.van <= minuut < blok.tot
                   for blok in self.blokken)


def _dag(naam: str, blok: str) -> int:
    if naam not in DAGEN:
        raise OngeldigeOpeningstijden(
            f"{naam!r} in {blok!r} is not a day; use {', '.join(DAGEN)}")
    return DAGEN.index(naam)


def _dagen(tekst: str, blok: str) -> frozenset[int]:
    dagen: set[int] = set()
    for deel in tekst.split(","):
        if "-" in deel:
            begin, _, eind = deel.partition("-")
            eerste, laatste = _dag(begin, blok), _dag(eind, blok)
            # A range may pass Sunday: "vr-ma" is Friday to Monday.
            dagen.update((eerste + stap) % 7 for stap in range((laatste - eerste) % 7 + 1))
        else:
            dagen.add(_dag(deel, blok))
    return frozenset(dagen)


def _minuten(tijd: str, blok: str) -> int:
    uur, minuut = (int(deel) for deel in tijd.split(":"))
    if uur > 24 or minuut > 59 or (uur == 24 and minuut):
        raise OngeldigeOpeningstijden(f"{tijd!r} in {blok!r} is not a time of day")
    return uur * 60 + minuut


def _blok(tekst: str) -> Blok:
    gevonden = _BLOK.match(tekst)
    if gevonden is None:
        raise OngeldigeOpeningstijden(
            f"{tekst!r} is not of the form 'ma-vr 08:30-17:00'")
    van = _minuten(gevonden["van"], tekst)
    tot = _minuten(gevonden["tot"], tekst)
    if van >= tot:
        raise OngeldigeOpeningstijden(
            f"in {tekst!r} the start is not before the end (a range cannot pass midnight)")
    return Blok(_dagen(gevonden["dagen"], tekst), van, tot)


@lru_cache(maxsize=16)
def lees_openingstijden(tekst: str) -> Openingstijden:
    """The opening hours in this text; OngeldigeOpeningstijden names what is wrong."""
    schoon = " ".join(tekst.lower().split())
    if schoon == "altijd":
        return Openingstijden((Blok(frozenset(range(7)), 0, 24 * 60),))
    if schoon == "nooit":
        return Openingstijden(())
    delen = [deel.strip() for deel in schoon.split(";")]
    if not schoon or not all(delen):
        raise OngeldigeOpeningstijden(
            "empty; use 'altijd', 'nooit' or ranges like 'ma-vr 08:30-17:00'")
    return Openingstijden(tuple(_blok(deel) for deel in delen))
