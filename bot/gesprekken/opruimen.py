"""Remove stored conversations whose last event is older than GESPREKKEN_BEWAAR_DAGEN days.

Rasa does this itself when it starts and then every hour; run this daily from cron as well,
from bot/ with the bot's Python and the environment Rasa has:

    TRACKER_DB=../var/tracker.db python -m gesprekken.opruimen
    python -m gesprekken.opruimen --endpoints endpoints.production.yml   # PostgreSQL

Only the tracker_store part of the endpoints file is read, so only its variables need to be
set (TRACKER_DB; or POSTGRES_HOST, POSTGRES_PORT, RASA_TRACKER_DB, POSTGRES_USER and
POSTGRES_PASSWORD).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import yaml

from gesprekken.opslag import RedigerendeSQLTrackerStore, bewaar_dagen

STORE_TYPE = f"{RedigerendeSQLTrackerStore.__module__}.{RedigerendeSQLTrackerStore.__name__}"


class Instelfout(Exception):
    """A setting this command cannot work with; the message says which and what to do."""


def tracker_store_instellingen(endpoints: Path) -> dict[str, object]:
    """The tracker_store settings of an endpoints file, with ${VARIABLES} filled in."""
    try:
        inhoud = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise Instelfout(f"cannot read {endpoints}: {exc.strerror}") from exc
    instellingen = dict(inhoud.get("tracker_store") or {})
    if instellingen.pop("type", None) != STORE_TYPE:
        raise Instelfout(f"the tracker_store type in {endpoints} must be {STORE_TYPE}")
    for sleutel, waarde in instellingen.items():
        if isinstance(waarde, str):
            ontbrekend = [naam for naam in re.findall(r"\$\{(\w+)\}", waarde)
                          if naam not in os.environ]
            if ontbrekend:
                raise Instelfout(f"{endpoints} needs {', '.join(ontbrekend)} for {sleutel}")
            instellingen[sleutel] = os.path.expandvars(waarde)
    return instellingen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoints", type=Path, default=Path("endpoints.yml"),
                        help="Rasa's endpoints file (default: endpoints.yml)")
    args = parser.parse_args(argv)
    try:
        dagen = bewaar_dagen()
        instellingen = tracker_store_instellingen(args.endpoints)
    except (ValueError, Instelfout) as exc:
        print(f"Nothing removed: {exc}", file=sys.stderr)
        return 2
    # Rasa passes the endpoint's `url` as `host`, as it does when it creates the store.
    store = RedigerendeSQLTrackerStore(host=instellingen.pop("url", None),
                                       ruim_op_bij_start=False, **instellingen)
    aantal = store.ruim_op()
    print(f"Opruimen klaar: {aantal} gesprekken verwijderd (laatste bericht ouder dan {dagen} "
          f"dagen).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
