"""Health check, the settings the web page needs to reach the assistant, and the API docs."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from sociale_kaart.api.beveiligingsheaders import docs_beleid

router = APIRouter(tags=["site"])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/config.json")
def widget_config(request: Request) -> dict[str, str]:
    return {"rasa_url": request.app.state.settings.rasa_public_url}


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    """FastAPI's Swagger page, with a policy that lets its own inline script run and no other."""
    openapi_url = request.scope.get("root_path", "") + (request.app.openapi_url or "")
    pagina = bytes(get_swagger_ui_html(openapi_url=openapi_url,
                                       title=f"{request.app.title} - API").body)
    return HTMLResponse(pagina, headers={"Content-Security-Policy": docs_beleid(pagina)})
