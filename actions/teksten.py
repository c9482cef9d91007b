"""Words the action server puts into bot texts, in the resident's language.

Whole texts are responses in bot/domain, each with a Frisian variation. Only the few words an
action fills in (answers in the melding overview, "and" between two ways to reach someone) are
translated here, from the Babel catalogs in actions/locales/<taal>/LC_MESSAGES/wegwijzer.po.
Dates and amounts are formatted by Babel in the same language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

__all__ = ["vertaal"]

LOCALES = Path(__file__).resolve().parent / "locales"


@cache
def _catalog(taal: str) -> Catalog | None:
    pad = LOCALES / taal / "LC_MESSAGES" / "wegwijzer.po"
    if not pad.exists():
        return None
    with pad.open("rb") as po:
        return read_po(po, locale=taal)


def vertaal(tekst: str, taal: str) -> str:
    """`tekst` (Dutch) in `taal`; the Dutch itself when there is no translation."""
    catalog = _catalog(taal)
    bericht = catalog.get(tekst) if catalog else None
    return str(bericht.string) if bericht and bericht.string else tekst
