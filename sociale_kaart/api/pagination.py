"""HSDS 3 paginated responses."""

from __future__ import annotations

import math
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, select

T = TypeVar("T")

PageNumber = Annotated[int, Query(ge=1, le=100_000, description="Paginanummer, vanaf 1")]
PageSize = Annotated[int, Query(ge=1, le=200, description="Aantal per pagina")]


class Page(BaseModel, Generic[T]):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[T]


def paginate(session: Session, statement: Any, page: int, per_page: int) -> tuple[int, list[Any]]:
    """The total count and the rows of one page of a select statement."""
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    rows = session.exec(statement.offset((page - 1) * per_page).limit(per_page)).all()
    return total, list(rows)


def page_of(contents: list[Any], total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }
