"""Health check and the settings the web page needs to reach the assistant."""

from __future__ import annotations

from fastapi import APIRouter, Request

router = APIRouter(tags=["site"])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/config.json")
def widget_config(request: Request) -> dict[str, str]:
    return {"rasa_url": request.app.state.settings.rasa_public_url}
