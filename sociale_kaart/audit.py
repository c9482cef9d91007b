"""The audit log: who looked at or changed which melding, and every login and logout.

`schrijf` adds a row to the caller's transaction, so the action and its row are committed
together.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from sociale_kaart.models import AuditLog
from sociale_kaart.models.medewerker import AuditActie

__all__ = ["schrijf"]


def schrijf(session: Session, actie: AuditActie, *, nu: dt.datetime,
            gebruikersnaam: str | None, ip: str | None, melding_nummer: str | None = None,
            details: str | None = None) -> None:
    session.add(AuditLog(
        tijdstip=nu, gebruikersnaam=gebruikersnaam, actie=actie, melding_nummer=melding_nummer,
        ip=ip[:100] if ip else None, details=details[:200] if details else None))
