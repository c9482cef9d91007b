from fastapi import APIRouter

from sociale_kaart.api.routes import gemeenten, site

api_router = APIRouter()
api_router.include_router(site.router)
api_router.include_router(gemeenten.router)
