from fastapi import APIRouter

from sociale_kaart.api.routes import (
    admin,
    audit,
    gemeenten,
    kcc,
    meldingen,
    search,
    services,
    site,
    staff,
    taxonomy,
    team,
)

api_router = APIRouter()
api_router.include_router(site.router)
api_router.include_router(gemeenten.router)
api_router.include_router(search.router)
api_router.include_router(services.router)
api_router.include_router(taxonomy.router)
api_router.include_router(admin.router)
api_router.include_router(meldingen.router)
api_router.include_router(staff.router)
api_router.include_router(team.router)
api_router.include_router(audit.router)
api_router.include_router(kcc.router)
