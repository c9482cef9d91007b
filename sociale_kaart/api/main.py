from fastapi import APIRouter

from sociale_kaart.api.routes import admin, gemeenten, search, services, site, taxonomy

api_router = APIRouter()
api_router.include_router(site.router)
api_router.include_router(gemeenten.router)
api_router.include_router(search.router)
api_router.include_router(services.router)
api_router.include_router(taxonomy.router)
api_router.include_router(admin.router)
