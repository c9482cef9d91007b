"""The Wmo taxonomy: categories with Dutch and Frisian names and the words residents use."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session, delete, select

from sociale_kaart.hsds.importer import bump_version
from sociale_kaart.models import TaxonomySynonym, TaxonomyTerm

__all__ = ["TAXONOMY_FILE", "load_taxonomy"]

TAXONOMY_FILE = Path(__file__).with_name("wmo_taxonomie.json")


def _wanted(data: dict) -> tuple[list[tuple], list[tuple[str, str, str]]]:
    terms, synonyms = [], []
    for item in data["termen"]:
        terms.append((item["code"], item["naam"], item["naam_fy"], item.get("ouder"),
                      data["taxonomy"]))
        for taal, name, key in (("nl", item["naam"], "synoniemen"),
                                ("fy", item["naam_fy"], "synoniemen_fy")):
            synonyms += [(item["code"], taal, tekst) for tekst in [name, *item.get(key, [])]]
    return terms, synonyms


def load_taxonomy(session: Session, path: Path = TAXONOMY_FILE) -> None:
    """Bring the taxonomy in the database in line with the file; safe to run at every start.

    An unchanged taxonomy is not written; a changed one also tells the search indexes.
    """
    terms, synonyms = _wanted(json.loads(path.read_text(encoding="utf-8")))
    existing = {t.id: t for t in session.exec(select(TaxonomyTerm))}
    have_terms = sorted((t.id, t.name, t.name_fy, t.parent_id, t.taxonomy)
                        for t in existing.values())
    have_synonyms = sorted((s.term_id, s.taal, s.tekst)
                           for s in session.exec(select(TaxonomySynonym)))
    if have_terms == sorted(terms) and have_synonyms == sorted(synonyms):
        return
    session.exec(delete(TaxonomySynonym))
    for code, name, name_fy, parent, taxonomy in terms:
        term = existing.get(code) or TaxonomyTerm(id=code, code=code, name="", name_fy="")
        term.name, term.name_fy, term.parent_id, term.taxonomy = name, name_fy, parent, taxonomy
        session.add(term)
        session.flush()  # the synonyms refer to the term: it must exist first (PostgreSQL checks)
    session.add_all(TaxonomySynonym(term_id=term, taal=taal, tekst=tekst)
                    for term, taal, tekst in synonyms)
    bump_version(session)
    session.commit()
