"""Dependencies shared by the routes."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(HTTPBearer(auto_error=False))]


def require_bearer_token(credentials: HTTPAuthorizationCredentials | None, expected: str | None,
                         *, off: HTTPException, wrong_detail: str) -> None:
    """A service token check: `off` when no token is configured, 401 when it does not match."""
    if not expected:
        raise off
    if credentials is None or not secrets.compare_digest(credentials.credentials.encode(),
                                                         expected.encode()):
        raise HTTPException(401, wrong_detail, headers={"WWW-Authenticate": "Bearer"})
