"""The Wmo taxonomy: categories with Dutch and Frisian names and the words residents use."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session, delete, select

from sociale_kaart.models import TaxonomySynonym, TaxonomyTerm

__all__ = ["TAXONOMY_FILE", "load_taxonomy"]

TAXONOMY_FILE = Path(__file__).with_name("wmo_taxonomie.json")


def load_taxonomy(session: Session, path: Path = TAXONOMY_FILE) -> None:
    """Bring the taxonomy in the database in line with the file; safe to run at every start."""
    data = json.loads(path.read_text(encoding="utf-8"))
    existing = {t.id: t for t in session.exec(select(TaxonomyTerm))}
    session.exec(delete(TaxonomySynonym))
    for item in data["termen"]:
        term = existing.get(item["code"]) or TaxonomyTerm(id=item["code"], code=item["code"],
                                                           name="", name_fy="")
        term.name, term.name_fy = item["naam"], item["naam_fy"]
        term.parent_id = item.get("ouder")
        term.taxonomy = data["taxonomy"]
        session.add(term)
        session.flush()  # the synonyms refer to the term: it must exist first (PostgreSQL checks)
        for taal in ("nl", "fy"):
            key = "synoniemen" if taal == "nl" else "synoniemen_fy"
            for tekst in [item["naam"] if taal == "nl" else item["naam_fy"], *item.get(key, [])]:
                session.add(TaxonomySynonym(term_id=item["code"], taal=taal, tekst=tekst))
    session.commit()
