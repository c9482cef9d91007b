"""The taxonomy terms, HSDS style, with Frisian names."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlmodel import select

from sociale_kaart.api.deps import SessionDep
from sociale_kaart.api.pagination import PageNumber, PageSize, page_of, paginate
from sociale_kaart.models import TaxonomyTerm

router = APIRouter(tags=["HSDS"])


@router.get("/taxonomy_terms")
def list_taxonomy_terms(
    session: SessionDep, page: PageNumber = 1, per_page: PageSize = 100
) -> dict[str, Any]:
    total, rows = paginate(session, select(TaxonomyTerm).order_by(TaxonomyTerm.id),
                           page, per_page)
    return page_of([t.model_dump() for t in rows], total, page, per_page)
