"""Retention: anonymise old meldingen, remove expired sessions and old audit rows.

Runs when the app starts; run it daily as well, for example from cron:

    python -m sociale_kaart.onderhoud

A melding older than MELDINGEN_BEWAAR_DAGEN (default 365) loses everything that tells who the
resident is (naam, naam_ander, telefoon, email, woonplaats, vraag, belmoment). Its nummer,
gemeente, status and dates stay for statistics. A KCC overdracht that was handed back or
closed loses its samenvatting, telefoon, belmoment and gesprek_id (the link to the conversation
in Rasa) after the same period; gemeente, onderwerp, urgentie, uitkomst and times stay. Audit
rows older than AUDIT_BEWAAR_DAGEN (default 730) are removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, delete, or_, update

from sociale_kaart.core.config import Settings, settings
from sociale_kaart.core.db import create_tables, make_engine
from sociale_kaart.models import AuditLog, Melding, Overdracht, Sessie
from sociale_kaart.models.tijd import utc_now

__all__ = ["Opgeruimd", "onderhoud"]


@dataclass(frozen=True)
class Opgeruimd:
    meldingen_geanonimiseerd: int
    sessies_verwijderd: int
    auditregels_verwijderd: int
    overdrachten_geanonimiseerd: int = 0

    def __str__(self) -> str:
        return (f"{self.meldingen_geanonimiseerd} meldingen geanonimiseerd, "
                f"{self.overdrachten_geanonimiseerd} KCC-overdrachten geanonimiseerd, "
                f"{self.sessies_verwijderd} sessies verwijderd, "
                f"{self.auditregels_verwijderd} auditregels verwijderd")


def onderhoud(session: Session, config: Settings, nu: dt.datetime) -> Opgeruimd:
    meldingen = session.exec(
        update(Melding)  # type: ignore[call-overload]
        .where(col(Melding.aangemaakt_op) < nu - dt.timedelta(days=config.meldingen_bewaar_dagen),
               col(Melding.geanonimiseerd).is_(False))
        .values(naam="", naam_ander=None, telefoon=None, email=None, woonplaats="", vraag="",
                belmoment=None, geanonimiseerd=True, gewijzigd_op=nu)
        .execution_options(synchronize_session=False))
    overdrachten = session.exec(
        update(Overdracht)  # type: ignore[call-overload]
        .where(col(Overdracht.aangemaakt_op)
               < nu - dt.timedelta(days=config.meldingen_bewaar_dagen),
               col(Overdracht.status).in_(("teruggegeven", "afgesloten")),
               col(Overdracht.geanonimiseerd).is_(False))
        .values(samenvatting=None, telefoon=None, belmoment=None, gesprek_id="",
                geanonimiseerd=True, gewijzigd_op=nu)
        .execution_options(synchronize_session=False))
    stil = nu - dt.timedelta(minutes=config.sessie_idle_minuten)
    sessies = session.exec(
        delete(Sessie)  # type: ignore[call-overload]
        .where(or_(col(Sessie.verloopt_op) <= nu, col(Sessie.laatst_gezien_op) <= stil)))
    audit = session.exec(
        delete(AuditLog)  # type: ignore[call-overload]
        .where(col(AuditLog.tijdstip) < nu - dt.timedelta(days=config.audit_bewaar_dagen)))
    session.commit()
    return Opgeruimd(meldingen.rowcount, sessies.rowcount, audit.rowcount,
                     overdrachten.rowcount)


def main() -> None:
    engine = make_engine(settings.database_url)
    create_tables(engine)
    with Session(engine) as session:
        print(f"Onderhoud klaar: {onderhoud(session, settings, utc_now())}.")


if __name__ == "__main__":
    main()
